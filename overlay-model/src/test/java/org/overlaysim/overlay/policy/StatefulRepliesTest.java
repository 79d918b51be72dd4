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
 * Connection tracking with policies, enforced per host as the data plane does with {@link
 * HostSegmentation}: at the source's host the egress policy, at the destination's host the ingress
 * policy, each only for packets the host's tracker classifies NEW.
 */
class StatefulRepliesTest {
  private static final long S = 1_000_000_000L;

  private final Scenario scenario = PolicyScenarios.load("stateful/replies.yaml");
  private final PolicyEngine engine = new PolicyEngine(scenario);
  private final Map<String, HostSegmentation> hosts = new HashMap<>();
  private final int a = engine.containerIndex("a");
  private final int b = engine.containerIndex("b");
  private final int c = engine.containerIndex("c");

  /** Sends one packet from container src to container dst through the hosts on its way. */
  private Verdict send(
      int src, int dst, int protocol, int srcPort, int dstPort, int flags, long now) {
    Container from = engine.container(src);
    Container to = engine.container(dst);
    HostSegmentation sourceHost = hosts.computeIfAbsent(from.host(), this::host);
    if (from.host().equals(to.host())) {
      return sourceHost.local(src, dst, protocol, srcPort, dstPort, flags, now);
    }
    Verdict out = sourceHost.outbound(src, dst, protocol, srcPort, dstPort, flags, now);
    if (!out.allowed()) {
      return out;
    }
    HostSegmentation destinationHost = hosts.computeIfAbsent(to.host(), this::host);
    return destinationHost.inbound(src, dst, protocol, srcPort, dstPort, flags, now);
  }

  private HostSegmentation host(String name) {
    return new HostSegmentation(name, engine, HostAcls.of(scenario));
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
