package org.overlaysim.overlay.observe;

import org.overlaysim.topology.DropReason;

/**
 * What the data plane and the traffic generators tell the measurements while a run goes on. The
 * reports module implements it; the model only calls it. Flows are numbered by their index in the
 * scenario's {@code traffic} list. Calls happen on the simulation thread, at the simulator's now.
 *
 * <p>Primitive arguments only: these calls sit on the packet path.
 */
public interface NetworkObserver {
  /** An observer that records nothing. */
  NetworkObserver NONE = new NetworkObserver() {};

  /** The flow's application handed one packet (an echo request, a datagram, a segment) down. */
  default void packetSent(int flow, int ipBytes) {}

  /** One packet of the flow reached its destination container's application. */
  default void packetDelivered(int flow, int ipBytes) {}

  /**
   * One latency sample of the flow, in the kind's meaning (scenario-format.md, latency.csv): ping
   * round-trip time, udp/tcp one-way delay, request-response request-to-response time.
   */
  default void latencySample(int flow, long latencyNs) {}

  /** Application payload bytes of the flow delivered (counted once, at the receiver). */
  default void payloadDelivered(int flow, long payloadBytes) {}

  /**
   * Bytes a packet of the flow occupied on the first underlay link it crossed, Ethernet framing
   * included (header 14, FCS 4, preamble 8, gap 12, 64-byte minimum frame).
   */
  default void wireBytes(int flow, long bytes) {}

  /** The flow's sender split one packet into {@code fragments} IPv4 fragments. */
  default void fragmented(int flow, int fragments) {}

  /** A TCP segment of the flow was sent again. */
  default void retransmitted(int flow) {}

  /**
   * A retransmission timer of the flow's sending side expired (Linux's TCPTimeouts: the SYN's or
   * the data's, not a listener's SYN-ACK).
   */
  default void retransmissionTimeout(int flow) {}

  /**
   * A packet was dropped. {@code where} names the place stably for drops.csv: a link direction
   * ({@code r-mad->r-fra}), a host's bridge or VTEP ({@code mad-1/vtep}), a container ({@code
   * web-1}); {@code flow} is -1 for traffic of no flow (ARP, control plane).
   */
  default void dropped(int flow, String where, DropReason reason, int ipBytes) {}

  /**
   * One reachability probe of a {@code probe} flow finished (reachability.csv): a new connection
   * from {@code src} to {@code dst}'s port, {@code protocol} TCP or UDP, was answered in time
   * ({@code allowed}) or not. {@code reason}: for a denial the drop reason that killed the request
   * or its reply ({@code policy-deny}, {@code acl-deny}, {@code vni-mismatch}, {@code no-fdb},
   * {@code mtu-exceeded}, ...) or {@code timeout}; for an allow the deciding rule as {@link
   * org.overlaysim.overlay.policy.Verdict#reportReason()} gives it, {@code established} when
   * conntrack passed it.
   */
  default void probeResult(
      int flow,
      String src,
      String dst,
      String protocol,
      int port,
      boolean allowed,
      String reason) {}

  /** A broadcast, unknown-unicast or multicast copy put on the underlay for overlay {@code vni}. */
  default void bumFrame(String overlay, int outerIpBytes) {}

  /** A control-plane message (e.g. an EVPN route) put on the underlay for the overlay. */
  default void controlFrame(String overlay, int outerIpBytes) {}

  /** Event {@code event} of the scenario's {@code events} list happened (now). */
  default void eventApplied(int event) {}

  /**
   * The routers converged on event {@code event}'s change: {@code changedEntries} (router,
   * destination router) routes got other next hops.
   */
  default void rerouted(int event, int changedEntries) {}
}
