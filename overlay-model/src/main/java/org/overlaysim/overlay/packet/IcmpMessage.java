package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;

/**
 * An ICMPv4 message (RFC 792): type, code, checksum, the 4-byte "rest of header" and a body of real
 * bytes. Echo messages keep their data as the packet's virtual payload (an empty body here); errors
 * carry the quoted datagram in the body. The checksum covers header, body and payload; zero payload
 * bytes add nothing, so {@link #withComputedChecksum()} is exact for a virtual payload.
 */
public record IcmpMessage(int type, int code, int checksum, int restOfHeader, Octets body)
    implements Header {
  public static final int TYPE_OFFSET = 0;
  public static final int CODE_OFFSET = 1;
  public static final int CHECKSUM_OFFSET = 2;
  public static final int REST_OF_HEADER_OFFSET = 4;
  public static final int BODY_OFFSET = 8;
  public static final int HEADER_LENGTH = 8;

  public static final int TYPE_ECHO_REPLY = 0;
  public static final int TYPE_DESTINATION_UNREACHABLE = 3;
  public static final int TYPE_ECHO_REQUEST = 8;
  public static final int TYPE_TIME_EXCEEDED = 11;

  public static final int CODE_NETWORK_UNREACHABLE = 0;
  public static final int CODE_HOST_UNREACHABLE = 1;
  public static final int CODE_PROTOCOL_UNREACHABLE = 2;
  public static final int CODE_PORT_UNREACHABLE = 3;

  /** Fragmentation needed and DF set; the next-hop MTU is in the low 16 bits (RFC 1191). */
  public static final int CODE_FRAGMENTATION_NEEDED = 4;

  public static final int CODE_TTL_EXCEEDED_IN_TRANSIT = 0;
  public static final int CODE_FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;

  /**
   * Data bytes of the original datagram quoted after its header (RFC 792); the data plane quotes
   * this much (see {@code dataplane.FrameRenderer}).
   */
  public static final int RFC_792_QUOTED_DATA = 8;

  /**
   * Linux quotes as much of the original datagram as keeps the ICMP error within 576 bytes
   * (icmp_send, RFC 1812 section 4.3.2.3): 576 - 20 - 8.
   */
  public static final int LINUX_MAXIMUM_QUOTE = 548;

  private static final String NAME = "ICMP message";

  public IcmpMessage {
    Wire.requireRange("ICMP type", type, 0, 255);
    Wire.requireRange("ICMP code", code, 0, 255);
    Wire.requireRange("ICMP checksum", checksum, 0, 0xffff);
    if (body == null) {
      body = Octets.EMPTY;
    }
  }

  public static IcmpMessage echoRequest(int identifier, int sequenceNumber) {
    return echo(TYPE_ECHO_REQUEST, identifier, sequenceNumber);
  }

  public static IcmpMessage echoReply(int identifier, int sequenceNumber) {
    return echo(TYPE_ECHO_REPLY, identifier, sequenceNumber);
  }

  /** The reply to an echo request: same identifier and sequence (payload echoed by the caller). */
  public static IcmpMessage echoReplyTo(IcmpMessage request) {
    return echoReply(request.identifier(), request.sequenceNumber());
  }

  private static IcmpMessage echo(int type, int identifier, int sequenceNumber) {
    Wire.requireRange("echo identifier", identifier, 0, 0xffff);
    Wire.requireRange("echo sequence number", sequenceNumber, 0, 0xffff);
    return new IcmpMessage(type, 0, 0, identifier << 16 | sequenceNumber, Octets.EMPTY)
        .withComputedChecksum();
  }

  /**
   * Destination unreachable, fragmentation needed (type 3 code 4) with the next-hop MTU (RFC 1191
   * section 4) and the quoted datagram.
   */
  public static IcmpMessage fragmentationNeeded(int nextHopMtu, Octets quotedDatagram) {
    Wire.requireRange("next-hop MTU", nextHopMtu, 0, 0xffff);
    return new IcmpMessage(
            TYPE_DESTINATION_UNREACHABLE, CODE_FRAGMENTATION_NEEDED, 0, nextHopMtu, quotedDatagram)
        .withComputedChecksum();
  }

  public static IcmpMessage destinationUnreachable(int code, Octets quotedDatagram) {
    return new IcmpMessage(TYPE_DESTINATION_UNREACHABLE, code, 0, 0, quotedDatagram)
        .withComputedChecksum();
  }

  public static IcmpMessage timeExceeded(int code, Octets quotedDatagram) {
    return new IcmpMessage(TYPE_TIME_EXCEEDED, code, 0, 0, quotedDatagram).withComputedChecksum();
  }

  public boolean isEchoRequest() {
    return type == TYPE_ECHO_REQUEST;
  }

  public boolean isEchoReply() {
    return type == TYPE_ECHO_REPLY;
  }

  public boolean isFragmentationNeeded() {
    return type == TYPE_DESTINATION_UNREACHABLE && code == CODE_FRAGMENTATION_NEEDED;
  }

  /** Echo identifier (high half of the rest of header). */
  public int identifier() {
    return restOfHeader >>> 16;
  }

  /** Echo sequence number (low half of the rest of header). */
  public int sequenceNumber() {
    return restOfHeader & 0xffff;
  }

  /** Next-hop MTU of a fragmentation-needed message (RFC 1191); 0 from pre-RFC 1191 routers. */
  public int nextHopMtu() {
    return restOfHeader & 0xffff;
  }

  /** Checksum over header and body, payload taken as zeros (which add nothing). */
  public int computeChecksum() {
    long sum = (type << 8 | code) + (restOfHeader >>> 16) + (restOfHeader & 0xffff);
    return InternetChecksum.checksum(sum + body.checksumSum());
  }

  public boolean hasValidChecksum() {
    return checksum == computeChecksum();
  }

  public IcmpMessage withComputedChecksum() {
    return new IcmpMessage(type, code, computeChecksum(), restOfHeader, body);
  }

  @Override
  public int encodedLength() {
    return HEADER_LENGTH + body.length();
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU8(buffer, type);
    Wire.putU8(buffer, code);
    Wire.putU16(buffer, checksum);
    Wire.putU32(buffer, restOfHeader);
    body.write(buffer);
  }

  /**
   * Decodes the 8-byte header; for error messages (destination unreachable, time exceeded) the rest
   * of the buffer is the quoted datagram body, for every other type the rest stays payload.
   */
  public static IcmpMessage read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, HEADER_LENGTH, NAME);
    int p = buffer.position();
    int type = Wire.u8(buffer, p + TYPE_OFFSET);
    boolean error = type == TYPE_DESTINATION_UNREACHABLE || type == TYPE_TIME_EXCEEDED;
    int bodyLength = error ? buffer.limit() - p - HEADER_LENGTH : 0;
    IcmpMessage message =
        new IcmpMessage(
            type,
            Wire.u8(buffer, p + CODE_OFFSET),
            Wire.u16(buffer, p + CHECKSUM_OFFSET),
            Wire.u32(buffer, p + REST_OF_HEADER_OFFSET),
            Octets.read(buffer, p + BODY_OFFSET, bodyLength));
    buffer.position(p + HEADER_LENGTH + bodyLength);
    return message;
  }
}
