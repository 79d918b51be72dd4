package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;

/**
 * An ARP message for IPv4 over Ethernet (RFC 826): hardware type 1, protocol type 0x0800, address
 * lengths 6 and 4; 28 bytes. Only this combination is decoded.
 */
public record ArpPacket(
    int operation,
    MacAddress senderHardwareAddress,
    Ipv4 senderProtocolAddress,
    MacAddress targetHardwareAddress,
    Ipv4 targetProtocolAddress)
    implements Header {
  public static final int HARDWARE_TYPE_OFFSET = 0;
  public static final int PROTOCOL_TYPE_OFFSET = 2;
  public static final int HARDWARE_LENGTH_OFFSET = 4;
  public static final int PROTOCOL_LENGTH_OFFSET = 5;
  public static final int OPERATION_OFFSET = 6;
  public static final int SENDER_HARDWARE_OFFSET = 8;
  public static final int SENDER_PROTOCOL_OFFSET = 14;
  public static final int TARGET_HARDWARE_OFFSET = 18;
  public static final int TARGET_PROTOCOL_OFFSET = 24;
  public static final int LENGTH = 28;

  public static final int HARDWARE_TYPE_ETHERNET = 1;
  public static final int OPERATION_REQUEST = 1;
  public static final int OPERATION_REPLY = 2;

  private static final String NAME = "ARP packet";

  public ArpPacket {
    Wire.requireRange("ARP operation", operation, 0, 0xffff);
    if (senderHardwareAddress == null
        || senderProtocolAddress == null
        || targetHardwareAddress == null
        || targetProtocolAddress == null) {
      throw new IllegalArgumentException("ARP addresses must not be null");
    }
  }

  /** "Who has {@code targetIp}? Tell {@code senderIp}": target hardware address zero (RFC 826). */
  public static ArpPacket request(MacAddress senderMac, Ipv4 senderIp, Ipv4 targetIp) {
    return new ArpPacket(OPERATION_REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp);
  }

  /** The answer to {@code request}: {@code answerMac} has the requested address. */
  public static ArpPacket replyTo(ArpPacket request, MacAddress answerMac) {
    return new ArpPacket(
        OPERATION_REPLY,
        answerMac,
        request.targetProtocolAddress,
        request.senderHardwareAddress,
        request.senderProtocolAddress);
  }

  public boolean isRequest() {
    return operation == OPERATION_REQUEST;
  }

  public boolean isReply() {
    return operation == OPERATION_REPLY;
  }

  @Override
  public int encodedLength() {
    return LENGTH;
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU16(buffer, HARDWARE_TYPE_ETHERNET);
    Wire.putU16(buffer, EtherType.IPV4);
    Wire.putU8(buffer, 6);
    Wire.putU8(buffer, 4);
    Wire.putU16(buffer, operation);
    Wire.putU48(buffer, senderHardwareAddress.bits());
    Wire.putU32(buffer, senderProtocolAddress.bits());
    Wire.putU48(buffer, targetHardwareAddress.bits());
    Wire.putU32(buffer, targetProtocolAddress.bits());
  }

  public static ArpPacket read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, LENGTH, NAME);
    int p = buffer.position();
    int hardwareType = Wire.u16(buffer, p + HARDWARE_TYPE_OFFSET);
    int protocolType = Wire.u16(buffer, p + PROTOCOL_TYPE_OFFSET);
    int hardwareLength = Wire.u8(buffer, p + HARDWARE_LENGTH_OFFSET);
    int protocolLength = Wire.u8(buffer, p + PROTOCOL_LENGTH_OFFSET);
    if (hardwareType != HARDWARE_TYPE_ETHERNET
        || protocolType != EtherType.IPV4
        || hardwareLength != 6
        || protocolLength != 4) {
      throw MalformedPacketException.at(
          buffer,
          NAME,
          "only Ethernet/IPv4 ARP (1, 0x0800, 6, 4) is decoded, got ("
              + hardwareType
              + ", 0x"
              + Integer.toHexString(protocolType)
              + ", "
              + hardwareLength
              + ", "
              + protocolLength
              + ")");
    }
    ArpPacket arp =
        new ArpPacket(
            Wire.u16(buffer, p + OPERATION_OFFSET),
            new MacAddress(Wire.u48(buffer, p + SENDER_HARDWARE_OFFSET)),
            new Ipv4(Wire.u32(buffer, p + SENDER_PROTOCOL_OFFSET)),
            new MacAddress(Wire.u48(buffer, p + TARGET_HARDWARE_OFFSET)),
            new Ipv4(Wire.u32(buffer, p + TARGET_PROTOCOL_OFFSET)));
    buffer.position(p + LENGTH);
    return arp;
  }
}
