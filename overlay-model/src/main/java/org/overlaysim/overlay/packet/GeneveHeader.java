package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Geneve header (RFC 8926 section 3.4): version 0, options length in 4-byte words, O (control)
 * and C (critical options present) flags, protocol type (0x6558 for an Ethernet frame), 24-bit VNI,
 * then 0 to 252 bytes of options. Reserved bits are sent as zero; decoding rejects a header with
 * reserved bits set or another version (Linux's geneve_rcv drops versions other than 0).
 */
public record GeneveHeader(
    boolean oam, boolean critical, int protocolType, int vni, List<GeneveOption> options)
    implements Header {
  public static final int VERSION_OPTIONS_LENGTH_OFFSET = 0;
  public static final int FLAGS_OFFSET = 1;
  public static final int PROTOCOL_TYPE_OFFSET = 2;
  public static final int VNI_OFFSET = 4;
  public static final int OPTIONS_OFFSET = 8;
  public static final int BASE_LENGTH = 8;
  public static final int MAXIMUM_OPTIONS_LENGTH = 252;
  public static final int MAXIMUM_VNI = 0xff_ffff;

  /** IANA-assigned port (RFC 8926). */
  public static final int IANA_PORT = 6081;

  private static final int FLAG_OAM = 0x80;
  private static final int FLAG_CRITICAL = 0x40;
  private static final String NAME = "Geneve header";

  public GeneveHeader {
    Wire.requireRange("Geneve protocol type", protocolType, 0, 0xffff);
    Wire.requireRange("VNI", vni, 0, MAXIMUM_VNI);
    options = options == null ? List.of() : List.copyOf(options);
    int length = optionsLength(options);
    if (length > MAXIMUM_OPTIONS_LENGTH) {
      throw new IllegalArgumentException("Geneve options exceed 252 bytes: " + length);
    }
  }

  /** An Ethernet-carrying header without options, the C flag clear. */
  public static GeneveHeader ethernet(int vni) {
    return new GeneveHeader(false, false, EtherType.TRANSPARENT_ETHERNET_BRIDGING, vni, List.of());
  }

  /**
   * An Ethernet-carrying header with options; C is set when any option is critical (RFC 8926
   * section 3.4).
   */
  public static GeneveHeader ethernet(int vni, List<GeneveOption> options) {
    boolean critical = false;
    for (int i = 0; i < options.size(); i++) {
      critical |= options.get(i).isCritical();
    }
    return new GeneveHeader(false, critical, EtherType.TRANSPARENT_ETHERNET_BRIDGING, vni, options);
  }

  private static int optionsLength(List<GeneveOption> options) {
    int length = 0;
    for (int i = 0; i < options.size(); i++) {
      length += options.get(i).encodedLength();
    }
    return length;
  }

  public int optionsLength() {
    return optionsLength(options);
  }

  @Override
  public int encodedLength() {
    return BASE_LENGTH + optionsLength();
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU8(buffer, optionsLength() / 4);
    Wire.putU8(buffer, (oam ? FLAG_OAM : 0) | (critical ? FLAG_CRITICAL : 0));
    Wire.putU16(buffer, protocolType);
    Wire.putU32(buffer, vni << 8);
    for (int i = 0; i < options.size(); i++) {
      options.get(i).write(buffer);
    }
  }

  public static GeneveHeader read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, BASE_LENGTH, NAME);
    int p = buffer.position();
    int first = Wire.u8(buffer, p + VERSION_OPTIONS_LENGTH_OFFSET);
    if (first >>> 6 != 0) {
      throw MalformedPacketException.at(buffer, NAME, "version " + (first >>> 6) + ", not 0");
    }
    int optionsLength = (first & 0x3f) * 4;
    int flags = Wire.u8(buffer, p + FLAGS_OFFSET);
    int vniWord = Wire.u32(buffer, p + VNI_OFFSET);
    if ((flags & 0x3f) != 0 || (vniWord & 0xff) != 0) {
      throw MalformedPacketException.at(buffer, NAME, "reserved bits set");
    }
    MalformedPacketException.requireRemaining(buffer, BASE_LENGTH + optionsLength, NAME);
    List<GeneveOption> options = new ArrayList<>(2);
    int i = p + OPTIONS_OFFSET;
    int end = i + optionsLength;
    while (i < end) {
      if (end - i < GeneveOption.HEADER_LENGTH) {
        throw MalformedPacketException.at(buffer, NAME, "option header runs past options length");
      }
      int lengthByte = Wire.u8(buffer, i + 3);
      if ((lengthByte & 0xe0) != 0) {
        throw MalformedPacketException.at(buffer, NAME, "option reserved bits set");
      }
      int dataLength = (lengthByte & 0x1f) * 4;
      if (i + GeneveOption.HEADER_LENGTH + dataLength > end) {
        throw MalformedPacketException.at(buffer, NAME, "option data runs past options length");
      }
      options.add(
          new GeneveOption(
              Wire.u16(buffer, i),
              Wire.u8(buffer, i + 2),
              Octets.read(buffer, i + GeneveOption.HEADER_LENGTH, dataLength)));
      i += GeneveOption.HEADER_LENGTH + dataLength;
    }
    buffer.position(end);
    return new GeneveHeader(
        (flags & FLAG_OAM) != 0,
        (flags & FLAG_CRITICAL) != 0,
        Wire.u16(buffer, p + PROTOCOL_TYPE_OFFSET),
        vniWord >>> 8,
        options);
  }
}
