package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.overlay.policy.ConnectionTracker.ACK;
import static org.overlaysim.overlay.policy.ConnectionTracker.SYN;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Scenario;

/**
 * Connection tracking with policies, enforced as the data plane will: one tracker per host; at the
 * source's host the egress policy, at the destination's host the ingress policy, each only for
 * packets the host's tracker classifies NEW; the tracker confirms what its host let through.
 */
class StatefulRepliesTest {
  private static final long S = 1_000_000_000L;
  private static final int ZONE = 100;

  private final Scenario scenario = PolicyScenarios.load("stateful/replies.yaml");
  private final PolicyEngine engine = new PolicyEngine(scenario);
  private final Map<String, ConnectionTracker> trackers = new HashMap<>();
  private final int a = engine.containerIndex("a");
  private final int b = engine.containerIndex("b");
  private final int c = engine.containerIndex("c");

  /** Sends one packet from container src to container dst; the verdict that decided its fate. */
  private Verdict send(
      int src, int dst, int protocol, int srcPort, int dstPort, int flags, long now) {
    Container from = engine.container(src);
    Container to = engine.container(dst);
    int srcIp = from.ip().bits();
    int dstIp = to.ip().bits();
    ConnectionTracker sourceHost =
        trackers.computeIfAbsent(from.host(), h -> new ConnectionTracker());
    ConnectionTracker destinationHost =
        trackers.computeIfAbsent(to.host(), h -> new ConnectionTracker());
    Verdict verdict = Verdict.of(Verdict.Reason.ESTABLISHED, Verdict.Side.NONE);
    if (sourceHost.lookup(ZONE, srcIp, dstIp, protocol, srcPort, dstPort, flags, now).isNew()) {
      verdict = engine.egress(src, dst, protocol, dstPort);
      if (!verdict.allowed()) {
        return verdict;
      }
      if (sourceHost == destinationHost) {
        // One host, one table: both checks see the packet NEW before it is confirmed.
        verdict = engine.ingress(src, dst, protocol, dstPort);
        if (!verdict.allowed()) {
          return verdict;
        }
      }
      sourceHost.confirm(ZONE, srcIp, dstIp, protocol, srcPort, dstPort, flags, now);
    }
    if (sourceHost != destinationHost
        && destinationHost
            .lookup(ZONE, srcIp, dstIp, protocol, srcPort, dstPort, flags, now)
            .isNew()) {
      verdict = engine.ingress(src, dst, protocol, dstPort);
      if (!verdict.allowed()) {
        return verdict;
      }
      destinationHost.confirm(ZONE, srcIp, dstIp, protocol, srcPort, dstPort, flags, now);
    }
    return verdict;
  }

  @Test
  void theReplyToARequestFromAPassesAlthoughAIsIngressIsolated() {
    assertThat(send(a, b, Transport.TCP, 40000, 80, SYN, 0).allowed()).isTrue();
    Verdict reply = send(b, a, Transport.TCP, 80, 40000, SYN | ACK, S / 1000);
    assertThat(reply.allowed()).isTrue();
    assertThat(reply.reason()).isEqualTo(Verdict.Reason.ESTABLISHED);
  }

  @Test
  void aNewConnectionFromBToAIsDeniedByAsIngressPolicy() {
    send(a, b, Transport.TCP, 40000, 80, SYN, 0);
    send(b, a, Transport.TCP, 80, 40000, SYN | ACK, S / 1000);
    Verdict fresh = send(b, a, Transport.TCP, 50000, 80, SYN, S);
    assertThat(fresh.reason()).isEqualTo(Verdict.Reason.POLICY_DENY);
    assertThat(fresh.side()).isEqualTo(Verdict.Side.INGRESS);
  }

  @Test
  void onOneHostTheReplyPassesAndTheNewConnectionBackIsDenied() {
    send(a, c, Transport.UDP, 5000, 53, 0, 0);
    assertThat(send(c, a, Transport.UDP, 53, 5000, 0, S).reason())
        .isEqualTo(Verdict.Reason.ESTABLISHED);
    assertThat(send(c, a, Transport.UDP, 6000, 53, 0, S).reason())
        .isEqualTo(Verdict.Reason.POLICY_DENY);
  }

  @Test
  void aUdpReplyAfterTheConntrackTimeoutIsANewPacketAndDenied() {
    send(a, b, Transport.UDP, 5000, 53, 0, 0);
    Verdict late = send(b, a, Transport.UDP, 53, 5000, 0, 31 * S);
    assertThat(late.reason()).isEqualTo(Verdict.Reason.POLICY_DENY);
  }

  @Test
  void theReachabilityTruthAgreesAOutBNotIn() {
    Reachability reachability = new Reachability(scenario);
    ProbePort port = new ProbePort(Protocol.TCP, 80);
    assertThat(reachability.check(a, b, port).allowed()).isTrue();
    assertThat(reachability.check(b, a, port).reason()).isEqualTo(Verdict.Reason.POLICY_DENY);
  }
}
