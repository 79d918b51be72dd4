package org.overlaysim.topology;

/**
 * What a link carries: anything with an IP length. The data plane's packet implements this (or
 * {@link UnderlayPacket}); the underlay never looks inside.
 */
public interface Transmittable {
  /** Total length of the IP datagram in bytes (IP header included, Ethernet framing excluded). */
  int ipLength();
}
