package org.overlaysim.overlay.packet;

/**
 * Checksums of UDP, TCP and ICMP computed in place over a {@link Packet}'s bytes: push the header
 * with a zero checksum, then fill it. Zero-allocation; the virtual payload adds nothing but its
 * length (in the pseudo-header).
 */
public final class TransportChecksums {
  private TransportChecksums() {}

  /** Computes and writes the UDP checksum of the datagram at {@code udpOffset} (RFC 768). */
  public static void fillUdp(
      Packet packet, int udpOffset, Ipv4Address source, Ipv4Address destination) {
    int length = packet.u16At(udpOffset + UdpHeader.LENGTH_OFFSET);
    packet.setU16(udpOffset + UdpHeader.CHECKSUM_OFFSET, 0);
    long sum =
        InternetChecksum.pseudoHeaderSum(source, destination, IpProtocol.UDP, length)
            + packet.checksumSum(udpOffset, length);
    int checksum = InternetChecksum.checksum(sum);
    packet.setU16(udpOffset + UdpHeader.CHECKSUM_OFFSET, checksum == 0 ? 0xffff : checksum);
  }

  /** True if the UDP checksum at {@code udpOffset} is zero (not computed) or verifies. */
  public static boolean udpValid(
      Packet packet, int udpOffset, Ipv4Address source, Ipv4Address destination) {
    if (packet.u16At(udpOffset + UdpHeader.CHECKSUM_OFFSET) == 0) {
      return true;
    }
    int length = packet.u16At(udpOffset + UdpHeader.LENGTH_OFFSET);
    return InternetChecksum.verifies(
        InternetChecksum.pseudoHeaderSum(source, destination, IpProtocol.UDP, length)
            + packet.checksumSum(udpOffset, length));
  }

  /** Computes and writes the checksum of the TCP segment of {@code segmentLength} bytes. */
  public static void fillTcp(
      Packet packet,
      int tcpOffset,
      int segmentLength,
      Ipv4Address source,
      Ipv4Address destination) {
    packet.setU16(tcpOffset + TcpHeader.CHECKSUM_OFFSET, 0);
    long sum =
        InternetChecksum.pseudoHeaderSum(source, destination, IpProtocol.TCP, segmentLength)
            + packet.checksumSum(tcpOffset, segmentLength);
    packet.setU16(tcpOffset + TcpHeader.CHECKSUM_OFFSET, InternetChecksum.checksum(sum));
  }

  public static boolean tcpValid(
      Packet packet,
      int tcpOffset,
      int segmentLength,
      Ipv4Address source,
      Ipv4Address destination) {
    return InternetChecksum.verifies(
        InternetChecksum.pseudoHeaderSum(source, destination, IpProtocol.TCP, segmentLength)
            + packet.checksumSum(tcpOffset, segmentLength));
  }

  /** Computes and writes the checksum of the ICMP message of {@code length} bytes (RFC 792). */
  public static void fillIcmp(Packet packet, int icmpOffset, int length) {
    packet.setU16(icmpOffset + IcmpMessage.CHECKSUM_OFFSET, 0);
    packet.setU16(
        icmpOffset + IcmpMessage.CHECKSUM_OFFSET,
        InternetChecksum.checksum(packet.checksumSum(icmpOffset, length)));
  }

  public static boolean icmpValid(Packet packet, int icmpOffset, int length) {
    return InternetChecksum.verifies(packet.checksumSum(icmpOffset, length));
  }

  /** True if the IPv4 header at {@code ipOffset} verifies (RFC 1071). */
  public static boolean ipv4HeaderValid(Packet packet, int ipOffset) {
    int headerLength = (packet.byteAt(ipOffset) & 0xf) * 4;
    return InternetChecksum.verifies(packet.checksumSum(ipOffset, headerLength));
  }
}
