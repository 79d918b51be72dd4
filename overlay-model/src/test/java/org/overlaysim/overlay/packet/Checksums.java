package org.overlaysim.overlay.packet;

/**
 * Checksums verified over a frame's bytes independently of the codecs that wrote them: the RFC 1071
 * one's-complement sum written out here, with the RFC 768 / 793 pseudo-header for UDP and TCP. A
 * sum over data that includes a correct checksum is 0xffff.
 */
public final class Checksums {
  private Checksums() {}

  /** The one's-complement sum of 16-bit words, an odd last byte padded with zero, not folded. */
  static long sum(byte[] b, int offset, int length) {
    long sum = 0;
    for (int i = 0; i < length; i += 2) {
      int high = b[offset + i] & 0xff;
      int low = i + 1 < length ? b[offset + i + 1] & 0xff : 0;
      sum += high << 8 | low;
    }
    return sum;
  }

  private static boolean verifies(long sum) {
    while (sum >>> 16 != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return sum == 0xffff;
  }

  private static int u16(byte[] b, int offset) {
    return (b[offset] & 0xff) << 8 | (b[offset + 1] & 0xff);
  }

  /** Sum of the pseudo-header of the IPv4 header at {@code ipOffset}, for {@code length} bytes. */
  private static long pseudoHeader(byte[] b, int ipOffset, int protocol, int length) {
    return sum(b, ipOffset + 12, 8) + protocol + length;
  }

  /** True if the IPv4 header at {@code ipOffset} verifies. */
  public static boolean ipv4HeaderValid(byte[] b, int ipOffset) {
    return verifies(sum(b, ipOffset, (b[ipOffset] & 0xf) * 4));
  }

  /**
   * True if the UDP datagram after the IPv4 header at {@code ipOffset} verifies, or carries no
   * checksum (zero).
   */
  public static boolean udpValid(byte[] b, int ipOffset) {
    int udp = ipOffset + (b[ipOffset] & 0xf) * 4;
    if (u16(b, udp + 6) == 0) {
      return true;
    }
    int length = u16(b, udp + 4);
    return verifies(pseudoHeader(b, ipOffset, IpProtocol.UDP, length) + sum(b, udp, length));
  }

  /** True if the UDP checksum after the IPv4 header at {@code ipOffset} is not zero. */
  public static boolean udpHasChecksum(byte[] b, int ipOffset) {
    return u16(b, ipOffset + (b[ipOffset] & 0xf) * 4 + 6) != 0;
  }

  /** True if the TCP segment after the IPv4 header at {@code ipOffset} verifies. */
  public static boolean tcpValid(byte[] b, int ipOffset) {
    int headerLength = (b[ipOffset] & 0xf) * 4;
    int length = u16(b, ipOffset + 2) - headerLength;
    return verifies(
        pseudoHeader(b, ipOffset, IpProtocol.TCP, length)
            + sum(b, ipOffset + headerLength, length));
  }

  /** True if the ICMP message after the IPv4 header at {@code ipOffset} verifies. */
  public static boolean icmpValid(byte[] b, int ipOffset) {
    int headerLength = (b[ipOffset] & 0xf) * 4;
    return verifies(sum(b, ipOffset + headerLength, u16(b, ipOffset + 2) - headerLength));
  }
}
