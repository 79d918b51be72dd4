package org.overlaysim.topology;

/**
 * Sees every packet a link direction puts on the wire (a capture point, as tcpdump on an
 * interface): for pcap files of underlay links and per-flow wire-byte accounting. Not told of
 * packets refused by the MTU or a full queue.
 */
@FunctionalInterface
public interface LinkTap {
  /** {@code item} is accepted and starts serializing at {@code startNs} (now or later). */
  void transmitting(Transmittable item, LinkTransmitter via, long startNs);
}
