package org.overlaysim.overlay.dataplane;

import java.util.List;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.policy.HostAcls;
import org.overlaysim.overlay.policy.HostSegmentation;
import org.overlaysim.overlay.policy.PolicyEngine;
import org.overlaysim.overlay.policy.Verdict;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.DropReason;

/**
 * Where the data plane asks the policy package (VTEP ACLs, NetworkPolicy, connection tracking)
 * about a packet: leaving a host through its VTEP, arriving through it, or bridged between two of
 * its containers (the order and semantics are {@link HostSegmentation}'s). Only whole datagrams and
 * first fragments are checked (later fragments carry no ports and are useless without the first);
 * ARP and ICMP errors pass (conntrack treats errors as RELATED). ICMP echo uses its identifier as
 * both ports. Absent when the scenario has neither policies nor ACLs, so that costs nothing.
 */
final class Segmentation {
  private final Scenario scenario;
  private final HostSegmentation[] hosts;
  private final int[] hostPartitions;
  // One engine per partition: its verdict cache is written on every lookup, so partitions running
  // on separate threads must not share one. Verdicts are a pure function, the same from each.
  private final PolicyEngine[] engines;

  private Segmentation(Scenario scenario, String[] hostNames, int[] hostPartitions, int count) {
    this.scenario = scenario;
    this.hostPartitions = hostPartitions;
    this.engines = new PolicyEngine[count];
    compile(scenario.policiesAfter(0));
    HostAcls acls = HostAcls.of(scenario);
    hosts = new HostSegmentation[hostNames.length];
    for (int h = 0; h < hostNames.length; h++) {
      hosts[h] = new HostSegmentation(hostNames[h], engines[hostPartitions[h]], acls);
    }
  }

  /**
   * Segmentation for the scenario, or null if it has nothing to enforce; host h runs in partition
   * {@code hostPartitions[h]} of {@code count}.
   */
  static Segmentation of(Scenario scenario, String[] hostNames, int[] hostPartitions, int count) {
    if (scenario.policies().isEmpty() && scenario.acls().isEmpty()) {
      return null;
    }
    return new Segmentation(scenario, hostNames, hostPartitions, count);
  }

  /**
   * From now on new connections are judged by {@code policies}; established ones go on (Calico's
   * and the iptables-based plugins' chains accept ESTABLISHED,RELATED before the policy rules).
   */
  void policies(List<NetworkPolicy> policies) {
    compile(policies);
    for (int h = 0; h < hosts.length; h++) {
      hosts[h].engine(engines[hostPartitions[h]]);
    }
  }

  /** Compiles {@code policies} once; every partition gets them with caches of its own. */
  private void compile(List<NetworkPolicy> policies) {
    engines[0] = new PolicyEngine(scenario, policies, PolicyEngine.DEFAULT_CACHE_ENTRIES);
    for (int p = 1; p < engines.length; p++) {
      engines[p] = engines[0].withOwnCaches();
    }
  }

  /** The drop reason for a packet leaving {@code host} towards container {@code dst}, or null. */
  DropReason outbound(int host, Frame f, int dst, long nowNs) {
    if (!checked(f)) {
      return null;
    }
    Verdict v =
        hosts[host].outbound(
            f.srcContainer, dst, f.protocol, srcPort(f), dstPort(f), tcpFlags(f), nowNs);
    if (v.reason() != Verdict.Reason.ESTABLISHED) {
      f.egressVerdict = v;
    }
    return v.allowed() ? null : v.dropReason();
  }

  /** The drop reason for a packet arriving at {@code host} for container {@code dst}, or null. */
  DropReason inbound(int host, Frame f, int dst, long nowNs) {
    if (!checked(f)) {
      return null;
    }
    Verdict v =
        hosts[host].inbound(
            f.srcContainer, dst, f.protocol, srcPort(f), dstPort(f), tcpFlags(f), nowNs);
    if (v.reason() != Verdict.Reason.ESTABLISHED) {
      f.ingressVerdict = v;
    }
    return v.allowed() ? null : v.dropReason();
  }

  /** The drop reason for a packet bridged between two containers of {@code host}, or null. */
  DropReason local(int host, Frame f, int dst, long nowNs) {
    if (!checked(f)) {
      return null;
    }
    Verdict v =
        hosts[host].local(
            f.srcContainer, dst, f.protocol, srcPort(f), dstPort(f), tcpFlags(f), nowNs);
    if (v.reason() != Verdict.Reason.ESTABLISHED) {
      // Both ends were checked; the verdict returned is the last (ingress) one, so ask the
      // source's egress again (a pure function) for what allowed the connection there.
      f.ingressVerdict = v;
      if (v.allowed()) {
        f.egressVerdict =
            engines[hostPartitions[host]].egress(f.srcContainer, dst, f.protocol, dstPort(f));
      }
    }
    return v.allowed() ? null : v.dropReason();
  }

  private static boolean checked(Frame f) {
    if (f.isArp() || f.srcContainer < 0 || f.fragOffset != 0) {
      return false;
    }
    return f.protocol != IpProtocol.ICMP || f.isEchoRequest() || f.isEchoReply();
  }

  /** The TCP flags, so that conntrack sees SYN, FIN and RST; 0 for other protocols. */
  private static int tcpFlags(Frame f) {
    return f.protocol == IpProtocol.TCP ? f.tcpFlags : 0;
  }

  private static int srcPort(Frame f) {
    return f.protocol == IpProtocol.ICMP ? f.icmp.rest() >>> 16 : f.srcPort;
  }

  private static int dstPort(Frame f) {
    return f.protocol == IpProtocol.ICMP ? f.icmp.rest() >>> 16 : f.dstPort;
  }
}
