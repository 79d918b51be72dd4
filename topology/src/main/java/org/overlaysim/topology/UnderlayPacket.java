package org.overlaysim.topology;

/**
 * An (outer) IP packet the underlay can route: its destination picks the route, its 5-tuple picks
 * among equal-cost paths (so the VXLAN source port spreads flows, RFC 7348 section 5), and routers
 * decrement its TTL. Ports are 0 for protocols without ports (ICMP).
 */
public interface UnderlayPacket extends Transmittable {
  int srcIpv4();

  int dstIpv4();

  /** IP protocol number (6 TCP, 17 UDP, 1 ICMP). */
  int protocol();

  int srcPort();

  int dstPort();

  /**
   * Decrements the IP TTL by one, as a router does when it forwards (RFC 791; RFC 1812 section
   * 5.3.1), updating whatever the implementation keeps (header bytes and checksum), and returns the
   * new value.
   */
  int decrementTtl();
}
