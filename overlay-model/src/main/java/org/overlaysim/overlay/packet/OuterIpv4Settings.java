package org.overlaysim.overlay.packet;

/**
 * How a tunnel endpoint builds outer IPv4 headers. {@code ttl} 0 means "inherit the inner TTL"
 * (Linux's {@code ttl inherit}). {@code hashSeed} keys the flow hash of the source port.
 */
public record OuterIpv4Settings(
    int ttl, boolean dontFragment, boolean udpChecksum, SourcePortRange sourcePorts, int hashSeed) {
  /**
   * What the Linux vxlan and geneve drivers send by default: TTL 64, DF clear, UDP checksum
   * computed; source ports from the RFC 7348 range (our default; {@link SourcePortRange#LINUX} is
   * Linux's own).
   */
  public static final OuterIpv4Settings LINUX_UDP_TUNNEL =
      new OuterIpv4Settings(Ipv4Header.DEFAULT_TTL, false, true, SourcePortRange.RFC_7348, 0);

  /** Linux ipip defaults: TTL inherited from the inner packet, DF set (pmtudisc on). */
  public static final OuterIpv4Settings LINUX_IPIP =
      new OuterIpv4Settings(0, true, false, SourcePortRange.RFC_7348, 0);

  public OuterIpv4Settings {
    Wire.requireRange("outer TTL", ttl, 0, 255);
    if (sourcePorts == null) {
      throw new IllegalArgumentException("source port range must not be null");
    }
  }

  public OuterIpv4Settings withSourcePorts(SourcePortRange newSourcePorts) {
    return new OuterIpv4Settings(ttl, dontFragment, udpChecksum, newSourcePorts, hashSeed);
  }

  public OuterIpv4Settings withDontFragment(boolean newDontFragment) {
    return new OuterIpv4Settings(ttl, newDontFragment, udpChecksum, sourcePorts, hashSeed);
  }

  public OuterIpv4Settings withUdpChecksum(boolean newUdpChecksum) {
    return new OuterIpv4Settings(ttl, dontFragment, newUdpChecksum, sourcePorts, hashSeed);
  }
}
