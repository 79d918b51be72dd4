package org.overlaysim.topology;

/**
 * What one direction of a link carried, at the time of the snapshot (a row of {@code links.csv}).
 *
 * @param link link name
 * @param direction {@code from->to} node names
 * @param packets packets put on the wire (lost ones included: they occupied it)
 * @param bytes IP bytes of those packets
 * @param wireBytes byte-times on the wire, Ethernet framing included
 * @param busyNs time the transmitter spent serializing, up to the snapshot
 * @param delivered packets that reached the far end
 * @param queueFullDrops packets refused by the full drop-tail queue ({@code queue-full})
 * @param linkLossDrops packets lost in transit ({@code link-loss})
 * @param linkDownDrops packets refused or cut off because the link was down ({@code link-down})
 * @param mtuRefusals packets over the link MTU, not sent ({@code mtu-exceeded})
 * @param droppedBytes IP bytes of every kind of drop
 */
public record LinkCounters(
    String link,
    String direction,
    long packets,
    long bytes,
    long wireBytes,
    long busyNs,
    long delivered,
    long queueFullDrops,
    long linkLossDrops,
    long linkDownDrops,
    long mtuRefusals,
    long droppedBytes) {

  /**
   * Packets this direction lost: queue-full, link-loss and link-down. An MTU refusal is not
   * counted: the sender decides what becomes of the packet (a router fragments it when DF is clear,
   * or answers ICMP fragmentation-needed), and drops.csv lists it where it was really dropped.
   */
  public long drops() {
    return queueFullDrops + linkLossDrops + linkDownDrops;
  }

  /** Fraction of {@code elapsedNs} the wire was busy, in [0, 1]; 0 when no time elapsed. */
  public double utilization(long elapsedNs) {
    if (elapsedNs <= 0) {
      return 0;
    }
    return Math.min(1.0, (double) busyNs / elapsedNs);
  }
}
