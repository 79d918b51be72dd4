package org.overlaysim.overlay.policy;

import org.overlaysim.scenario.Acl;

/**
 * Segmentation as one host enforces it, per packet, in the order {@link Reachability} assumes: the
 * host VTEP's ACL (stateless, every packet, replies included), then connection tracking (a packet
 * of a tracked connection passes), then NetworkPolicy for a NEW packet, which the host's tracker
 * confirms once every check here allowed it. The data plane keeps one per host.
 *
 * <p>Containers in different overlays never pass ({@code vni-mismatch}), checked first.
 *
 * <p>Containers are indices into the scenario's containers. The packet's addresses are the
 * containers' own. For ICMP echo pass the identifier as both ports. Allocation-free; every verdict
 * returned is interned.
 */
public final class HostSegmentation {
  private static final Verdict ESTABLISHED =
      Verdict.of(Verdict.Reason.ESTABLISHED, Verdict.Side.NONE);

  private final String host;
  private PolicyEngine engine;
  private final AclChain ingressAcl;
  private final AclChain egressAcl;
  private final ConnectionTracker tracker;

  public HostSegmentation(String host, PolicyEngine engine, HostAcls acls) {
    this(host, engine, acls, new ConnectionTracker());
  }

  public HostSegmentation(
      String host, PolicyEngine engine, HostAcls acls, ConnectionTracker tracker) {
    this.host = host;
    this.engine = engine;
    this.ingressAcl = acls.chain(host, Acl.Direction.INGRESS);
    this.egressAcl = acls.chain(host, Acl.Direction.EGRESS);
    this.tracker = tracker;
  }

  public String host() {
    return host;
  }

  /**
   * From now on NEW packets are judged by {@code policies} (a policy added or removed); tracked
   * connections go on, as their packets pass conntrack before any policy.
   */
  public void engine(PolicyEngine policies) {
    this.engine = policies;
  }

  public ConnectionTracker tracker() {
    return tracker;
  }

  /** A packet from local container {@code src} about to leave through this host's VTEP. */
  public Verdict outbound(
      int src, int dst, int protocol, int srcPort, int dstPort, int tcpFlags, long nowNs) {
    if (!engine.sameOverlay(src, dst)) {
      return Verdict.VNI_MISMATCH;
    }
    int srcIp = ip(src);
    int dstIp = ip(dst);
    Verdict acl = egressAcl.verdict(protocol, srcIp, dstIp, srcPort, dstPort);
    if (!acl.allowed()) {
      return acl;
    }
    return track(src, dst, srcIp, dstIp, protocol, srcPort, dstPort, tcpFlags, nowNs, true, false);
  }

  /** A packet for local container {@code dst} that arrived through this host's VTEP. */
  public Verdict inbound(
      int src, int dst, int protocol, int srcPort, int dstPort, int tcpFlags, long nowNs) {
    if (!engine.sameOverlay(src, dst)) {
      return Verdict.VNI_MISMATCH;
    }
    int srcIp = ip(src);
    int dstIp = ip(dst);
    Verdict acl = ingressAcl.verdict(protocol, srcIp, dstIp, srcPort, dstPort);
    if (!acl.allowed()) {
      return acl;
    }
    return track(src, dst, srcIp, dstIp, protocol, srcPort, dstPort, tcpFlags, nowNs, false, true);
  }

  /**
   * A packet between two containers of this host: bridged locally, no VTEP, so no ACL; both the
   * source's egress and the destination's ingress policies apply to a NEW packet.
   */
  public Verdict local(
      int src, int dst, int protocol, int srcPort, int dstPort, int tcpFlags, long nowNs) {
    return track(
        src, dst, ip(src), ip(dst), protocol, srcPort, dstPort, tcpFlags, nowNs, true, true);
  }

  private Verdict track(
      int src,
      int dst,
      int srcIp,
      int dstIp,
      int protocol,
      int srcPort,
      int dstPort,
      int tcpFlags,
      long nowNs,
      boolean egress,
      boolean ingress) {
    if (!engine.sameOverlay(src, dst)) {
      return Verdict.VNI_MISMATCH;
    }
    int zone = engine.overlayOf(src);
    CtInfo info = tracker.lookup(zone, srcIp, dstIp, protocol, srcPort, dstPort, tcpFlags, nowNs);
    if (!info.isNew()) {
      return ESTABLISHED;
    }
    Verdict verdict = ESTABLISHED;
    if (egress) {
      verdict = engine.egress(src, dst, protocol, dstPort);
      if (!verdict.allowed()) {
        return verdict;
      }
    }
    if (ingress) {
      verdict = engine.ingress(src, dst, protocol, dstPort);
      if (!verdict.allowed()) {
        return verdict;
      }
    }
    tracker.confirm(zone, srcIp, dstIp, protocol, srcPort, dstPort, tcpFlags, nowNs);
    return verdict;
  }

  private int ip(int container) {
    return engine.ipOf(container);
  }
}
