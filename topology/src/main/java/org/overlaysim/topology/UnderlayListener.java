package org.overlaysim.topology;

/** Told what becomes of the packets an {@link UnderlayNetwork} carries. */
public interface UnderlayListener {
  /** The packet reached its destination host (now). */
  void delivered(HostNode host, UnderlayPacket packet);

  /**
   * The packet was dropped at node {@code node}. {@code link} is the link it was refused by or lost
   * on ({@code null} for {@code no-route} and {@code ttl-expired}); for {@code mtu-exceeded} its
   * {@link Link#mtu()} is the next-hop MTU that ICMP fragmentation-needed reports (RFC 1191).
   */
  void dropped(UnderlayPacket packet, DropReason reason, String node, Link link);

  /**
   * The packet was lost on {@code link} ({@code link-loss}) or cut with it ({@code link-down}) on
   * its way from {@code node}, noticed now at the far end {@code at}, when it would have arrived:
   * in a partitioned run that is where (and on whose clock) this call happens. A drop like any
   * other, by default.
   */
  default void lostInFlight(
      UnderlayPacket packet, DropReason reason, String node, Link link, String at) {
    dropped(packet, reason, node, link);
  }
}
