package org.overlaysim.overlay.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.overlaysim.engine.RandomStream;
import org.overlaysim.scenario.Acl;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Scenario;

/**
 * Who can open a connection to whom: the policy-level truth the data plane's probe packets must
 * agree with. A probe from a source to a destination's port is checked hop by hop as its packets
 * go, the first denial deciding: {@code vni-mismatch} (different overlays, whatever their
 * addresses); at the source's host its VTEP egress ACL ({@code acl-deny}) then the source's egress
 * policy ({@code policy-deny}); at the destination's host its VTEP ingress ACL then the
 * destination's ingress policy; then the reply, which needs no policy (connection tracking) but
 * crosses the stateless ACLs: destination host egress, source host ingress. Containers on one host
 * reach each other without crossing a VTEP: policies only. This is the order {@link
 * HostSegmentation} enforces per packet. The request's source port is {@link #PROBE_SOURCE_PORT}.
 */
public final class Reachability {
  /** The first port of Linux's default ip_local_port_range (32768-60999). */
  public static final int PROBE_SOURCE_PORT = 32768;

  private final List<Container> containers;
  private final PolicyEngine engine;
  private final AclChain[] egressAcl;
  private final AclChain[] ingressAcl;
  private final Verdict replyEgressDeny =
      Verdict.of(Verdict.Reason.ACL_DENY, Verdict.Side.REPLY_EGRESS);
  private final Verdict replyIngressDeny =
      Verdict.of(Verdict.Reason.ACL_DENY, Verdict.Side.REPLY_INGRESS);

  public Reachability(Scenario scenario) {
    this(scenario, new PolicyEngine(scenario), HostAcls.of(scenario));
  }

  public Reachability(Scenario scenario, PolicyEngine engine, HostAcls acls) {
    this.containers = scenario.containers();
    this.engine = engine;
    egressAcl = new AclChain[containers.size()];
    ingressAcl = new AclChain[containers.size()];
    for (int i = 0; i < containers.size(); i++) {
      egressAcl[i] = acls.chain(containers.get(i).host(), Acl.Direction.EGRESS);
      ingressAcl[i] = acls.chain(containers.get(i).host(), Acl.Direction.INGRESS);
    }
  }

  /** The name of the random stream a sampled probe draws its pairs from. */
  public static String streamName(ProbeTraffic probe) {
    return "probe/" + probe.name();
  }

  public List<Container> containers() {
    return containers;
  }

  /** The verdict of a probe from container {@code src} to container {@code dst} (indices). */
  public Verdict check(int src, int dst, ProbePort port) {
    if (!engine.sameOverlay(src, dst)) {
      return Verdict.VNI_MISMATCH;
    }
    Container from = containers.get(src);
    Container to = containers.get(dst);
    int protocol = Transport.of(port.protocol());
    if (from.host().equals(to.host())) {
      return engine.connection(src, dst, protocol, port.port());
    }
    int a = from.ip().bits();
    int b = to.ip().bits();
    int p = port.port();
    // Hop by hop, as the packets go; at each host its VTEP's ACL before the pod's policy.
    Verdict verdict = egressAcl[src].verdict(protocol, a, b, PROBE_SOURCE_PORT, p);
    if (!verdict.allowed()) {
      return verdict;
    }
    verdict = engine.egress(src, dst, protocol, p);
    if (!verdict.allowed()) {
      return verdict;
    }
    verdict = ingressAcl[dst].verdict(protocol, a, b, PROBE_SOURCE_PORT, p);
    if (!verdict.allowed()) {
      return verdict;
    }
    verdict = engine.ingress(src, dst, protocol, p);
    if (!verdict.allowed()) {
      return verdict;
    }
    // The reply needs no policy (connection tracking) but crosses the stateless ACLs.
    if (!egressAcl[dst].allows(protocol, b, a, p, PROBE_SOURCE_PORT)) {
      return replyEgressDeny;
    }
    if (!ingressAcl[src].allows(protocol, b, a, p, PROBE_SOURCE_PORT)) {
      return replyIngressDeny;
    }
    return engine.connection(src, dst, protocol, p);
  }

  /** Receives probe results one by one, so that a large matrix need not be held in memory. */
  @FunctionalInterface
  public interface Sink {
    void accept(int src, int dst, ProbePort port, Verdict verdict);
  }

  /**
   * Every ordered pair of distinct containers (source-major, scenario order) and each port of the
   * probe; with {@code sample} N, N distinct pairs drawn uniformly from {@code stream} (see {@link
   * #streamName}), visited in source-major order. {@code stream} may be null without sampling.
   */
  public void probe(ProbeTraffic probe, RandomStream stream, Sink sink) {
    long n = containers.size();
    long pairs = n * (n - 1);
    if (probe.sample() == 0 || probe.sample() >= pairs) {
      for (int src = 0; src < n; src++) {
        for (int dst = 0; dst < n; dst++) {
          if (src != dst) {
            visit(src, dst, probe, sink);
          }
        }
      }
      return;
    }
    for (long pair : samplePairs(probe.sample(), pairs, stream)) {
      int src = (int) (pair / (n - 1));
      int other = (int) (pair % (n - 1));
      visit(src, other < src ? other : other + 1, probe, sink);
    }
  }

  private void visit(int src, int dst, ProbeTraffic probe, Sink sink) {
    for (ProbePort port : probe.ports()) {
      sink.accept(src, dst, port, check(src, dst, port));
    }
  }

  /** {@code count} distinct pair numbers below {@code pairs}, ascending. */
  static long[] samplePairs(int count, long pairs, RandomStream stream) {
    if (stream == null) {
      throw new IllegalArgumentException("a sampled probe needs a random stream");
    }
    // Rejection stays cheap while at most half the pairs are wanted; beyond, draw those left out.
    boolean complement = count > pairs / 2;
    long[] drawn = distinct(complement ? (int) (pairs - count) : count, pairs, stream);
    if (!complement) {
      return drawn;
    }
    long[] chosen = new long[count];
    int filled = 0;
    int skip = 0;
    for (long pair = 0; pair < pairs; pair++) {
      if (skip < drawn.length && drawn[skip] == pair) {
        skip++;
      } else {
        chosen[filled++] = pair;
      }
    }
    return chosen;
  }

  private static long[] distinct(int count, long pairs, RandomStream stream) {
    Set<Long> seen = new HashSet<>();
    long[] drawn = new long[count];
    int filled = 0;
    while (filled < count) {
      long pair = stream.nextLong(pairs);
      if (seen.add(pair)) {
        drawn[filled++] = pair;
      }
    }
    Arrays.sort(drawn);
    return drawn;
  }

  /** The probe's results as a list; for small scenarios (n·(n-1)·ports rows). */
  public List<ProbeResult> results(ProbeTraffic probe, RandomStream stream) {
    List<ProbeResult> results = new ArrayList<>();
    probe(
        probe,
        stream,
        (src, dst, port, verdict) ->
            results.add(new ProbeResult(containers.get(src), containers.get(dst), port, verdict)));
    return results;
  }
}
