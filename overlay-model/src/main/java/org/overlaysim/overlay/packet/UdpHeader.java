package org.overlaysim.overlay.packet;

import java.nio.ByteBuffer;
import org.overlaysim.scenario.Ipv4;

/**
 * A UDP header (RFC 768). A checksum of zero means "not computed" (allowed over IPv4); a computed
 * checksum that comes out as zero is sent as 0xffff.
 */
public record UdpHeader(int sourcePort, int destinationPort, int length, int checksum)
    implements Header {
  public static final int SOURCE_PORT_OFFSET = 0;
  public static final int DESTINATION_PORT_OFFSET = 2;
  public static final int LENGTH_OFFSET = 4;
  public static final int CHECKSUM_OFFSET = 6;
  public static final int HEADER_LENGTH = 8;
  public static final int NO_CHECKSUM = 0;

  private static final String NAME = "UDP header";

  public UdpHeader {
    Wire.requireRange("UDP source port", sourcePort, 0, 0xffff);
    Wire.requireRange("UDP destination port", destinationPort, 0, 0xffff);
    Wire.requireRange("UDP length", length, HEADER_LENGTH, 0xffff);
    Wire.requireRange("UDP checksum", checksum, 0, 0xffff);
  }

  /** A header for {@code payloadLength} bytes, checksum not computed (zero). */
  public static UdpHeader of(int sourcePort, int destinationPort, int payloadLength) {
    return new UdpHeader(sourcePort, destinationPort, HEADER_LENGTH + payloadLength, NO_CHECKSUM);
  }

  public int payloadLength() {
    return length - HEADER_LENGTH;
  }

  public boolean hasChecksum() {
    return checksum != NO_CHECKSUM;
  }

  /**
   * The checksum over the IPv4 pseudo-header, this header and a payload whose unfolded
   * one's-complement sum is {@code payloadSum} (e.g. {@link InternetChecksum#sum}); 0 becomes
   * 0xffff.
   */
  public int computeChecksum(Ipv4 source, Ipv4 destination, long payloadSum) {
    long sum =
        InternetChecksum.pseudoHeaderSum(source, destination, IpProtocol.UDP, length)
            + sourcePort
            + destinationPort
            + length
            + payloadSum;
    int value = InternetChecksum.checksum(sum);
    return value == 0 ? 0xffff : value;
  }

  public UdpHeader withChecksum(int newChecksum) {
    return new UdpHeader(sourcePort, destinationPort, length, newChecksum);
  }

  /** True if the checksum is absent (zero) or matches. */
  public boolean checksumValid(Ipv4 source, Ipv4 destination, long payloadSum) {
    return checksum == NO_CHECKSUM || checksum == computeChecksum(source, destination, payloadSum);
  }

  @Override
  public int encodedLength() {
    return HEADER_LENGTH;
  }

  @Override
  public void write(ByteBuffer buffer) {
    Wire.putU16(buffer, sourcePort);
    Wire.putU16(buffer, destinationPort);
    Wire.putU16(buffer, length);
    Wire.putU16(buffer, checksum);
  }

  public static UdpHeader read(ByteBuffer buffer) {
    MalformedPacketException.requireRemaining(buffer, HEADER_LENGTH, NAME);
    int p = buffer.position();
    int length = Wire.u16(buffer, p + LENGTH_OFFSET);
    if (length < HEADER_LENGTH) {
      throw MalformedPacketException.at(buffer, NAME, "length " + length + " is below 8");
    }
    UdpHeader header =
        new UdpHeader(
            Wire.u16(buffer, p + SOURCE_PORT_OFFSET),
            Wire.u16(buffer, p + DESTINATION_PORT_OFFSET),
            length,
            Wire.u16(buffer, p + CHECKSUM_OFFSET));
    buffer.position(p + HEADER_LENGTH);
    return header;
  }
}
