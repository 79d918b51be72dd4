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
}
