package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.PolicyType;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;

class PolicyEngineTest {

  private static PolicyEngine engine(String file) {
    return new PolicyEngine(PolicyScenarios.load(file));
  }

  private static int index(PolicyEngine engine, String name) {
    return engine.containerIndex(name);
  }

  @Test
  void anAllowedConnectionNamesTheAllowingPolicy() {
    PolicyEngine engine = engine("allow-from-namespace.yaml");
    Verdict verdict =
        engine.connection(index(engine, "y-a"), index(engine, "x-b"), Transport.TCP, 80);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.reason()).isEqualTo(Verdict.Reason.POLICY_ALLOW);
    assertThat(verdict.policy()).isEqualTo("x/allow-from-y");
    assertThat(verdict.side()).isEqualTo(Verdict.Side.INGRESS);
  }

  @Test
  void aConnectionAllowedAtBothEndsNamesBothPoliciesEgressFirst() {
    PolicyEngine engine = engine("deny-all-then-allow-egress-and-ingress.yaml");
    Verdict verdict =
        engine.connection(index(engine, "x-a"), index(engine, "y-b"), Transport.TCP, 80);
    assertThat(verdict.policy()).isEqualTo("x/a-to-y-b+y/b-from-x-a");
  }

  @Test
  void theFirstAllowingPolicyInFileOrderDecides() {
    PolicyEngine engine = engine("allow-all-ingress.yaml");
    Verdict verdict = engine.ingress(index(engine, "y-a"), index(engine, "x-a"), Transport.UDP, 81);
    assertThat(verdict.policy()).isEqualTo("x/allow-all-ingress");
  }

  @Test
  void aDenialAtTheSourceSaysEgress() {
    PolicyEngine engine = engine("both-ends-must-allow.yaml");
    Verdict verdict =
        engine.connection(index(engine, "x-a"), index(engine, "z-a"), Transport.TCP, 80);
    assertThat(verdict.reason()).isEqualTo(Verdict.Reason.POLICY_DENY);
    assertThat(verdict.side()).isEqualTo(Verdict.Side.EGRESS);
    assertThat(verdict.dropReason().reportName()).isEqualTo("policy-deny");
  }

  @Test
  void aDenialAtTheDestinationSaysIngress() {
    PolicyEngine engine = engine("both-ends-must-allow.yaml");
    Verdict verdict =
        engine.connection(index(engine, "x-a"), index(engine, "y-a"), Transport.TCP, 80);
    assertThat(verdict.side()).isEqualTo(Verdict.Side.INGRESS);
    assertThat(verdict.describe()).isEqualTo("denied: policy-deny (ingress at destination)");
  }

  @Test
  void podsNoPolicySelectsAreNotIsolated() {
    PolicyEngine engine = engine("deny-ingress-one-pod.yaml");
    assertThat(engine.isolated(index(engine, "x-a"), PolicyType.Ingress)).isTrue();
    assertThat(engine.isolated(index(engine, "x-a"), PolicyType.Egress)).isFalse();
    assertThat(engine.isolated(index(engine, "x-b"), PolicyType.Ingress)).isFalse();
    assertThat(
            engine
                .connection(index(engine, "y-a"), index(engine, "x-b"), Transport.TCP, 80)
                .reason())
        .isEqualTo(Verdict.Reason.NOT_ISOLATED);
  }

  @Test
  void policiesSelectingAPodAreListedInFileOrder() {
    PolicyEngine engine = engine("multiple-policies-add-up.yaml");
    assertThat(engine.policiesSelecting(index(engine, "x-c"), PolicyType.Ingress))
        .containsExactly("x/default-deny", "x/allow-y", "x/allow-z-80");
    assertThat(engine.policiesSelecting(index(engine, "y-c"), PolicyType.Ingress)).isEmpty();
  }

  @Test
  void aRuleWithoutPortsAllowsIcmp() {
    PolicyEngine engine = engine("allow-from-namespace.yaml");
    assertThat(
            engine.ingress(index(engine, "y-a"), index(engine, "x-a"), Transport.ICMP, 0).allowed())
        .isTrue();
  }

  @Test
  void aRuleWithPortsDoesNotAllowIcmp() {
    PolicyEngine engine = engine("port-single.yaml");
    assertThat(
            engine.ingress(index(engine, "y-a"), index(engine, "x-a"), Transport.ICMP, 0).allowed())
        .isFalse();
  }

  @Test
  void egressToAnAddressOutsideTheScenarioMatchesIpBlocksOnly() {
    PolicyEngine engine = engine("ip-block-egress.yaml");
    int xa = index(engine, "x-a");
    assertThat(
            engine
                .egressToAddress(xa, Ipv4.parse("172.20.3.200").bits(), Transport.TCP, 443)
                .allowed())
        .isTrue();
    assertThat(
            engine
                .egressToAddress(xa, Ipv4.parse("172.20.3.11").bits(), Transport.TCP, 443)
                .allowed())
        .isFalse();
    assertThat(
            engine.egressToAddress(xa, Ipv4.parse("8.8.8.8").bits(), Transport.UDP, 53).allowed())
        .isFalse();
  }

  @Test
  void ingressFromAnAddressOutsideTheScenarioMatchesIpBlocksOnly() {
    PolicyEngine engine = engine("ip-block-except.yaml");
    int xa = index(engine, "x-a");
    assertThat(
            engine
                .ingressFromAddress(Ipv4.parse("172.20.9.9").bits(), xa, Transport.TCP, 80)
                .allowed())
        .isTrue();
    assertThat(
            engine
                .ingressFromAddress(Ipv4.parse("172.20.2.99").bits(), xa, Transport.TCP, 80)
                .allowed())
        .isFalse();
    assertThat(
            engine
                .ingressFromAddress(Ipv4.parse("192.168.1.1").bits(), xa, Transport.TCP, 80)
                .allowed())
        .isFalse();
  }

  @Test
  void egressToDnsAllowsAnyAddressOnPort53() {
    PolicyEngine engine = engine("egress-dns-only.yaml");
    int xa = index(engine, "x-a");
    assertThat(
            engine.egressToAddress(xa, Ipv4.parse("8.8.8.8").bits(), Transport.UDP, 53).allowed())
        .isTrue();
    assertThat(
            engine.egressToAddress(xa, Ipv4.parse("8.8.8.8").bits(), Transport.TCP, 443).allowed())
        .isFalse();
  }

  @Test
  void containersInDifferentOverlaysAreAVniMismatchEvenWithEqualAddresses() {
    PolicyEngine engine = engine("two-overlays.yaml");
    int red = index(engine, "red-1");
    int blue = index(engine, "blue-1");
    assertThat(engine.container(red).ip()).isEqualTo(engine.container(blue).ip());
    assertThat(engine.connection(red, blue, Transport.TCP, 80)).isEqualTo(Verdict.VNI_MISMATCH);
  }

  @Test
  void anAddressFindsItsContainerWithinItsOverlayOnly() {
    PolicyEngine engine = engine("two-overlays.yaml");
    int address = Ipv4.parse("172.20.0.10").bits();
    assertThat(engine.containerAt(engine.overlayIndex("red"), address))
        .isEqualTo(index(engine, "red-1"));
    assertThat(engine.containerAt(engine.overlayIndex("blue"), address))
        .isEqualTo(index(engine, "blue-1"));
    assertThat(engine.containerAt(engine.overlayIndex("red"), Ipv4.parse("172.20.0.99").bits()))
        .isEqualTo(-1);
    assertThat(engine.overlayIndex("green")).isEqualTo(-1);
  }

  @Test
  void theReportReasonNamesTheAllowingPolicyOrTheDenialCode() {
    PolicyEngine engine = engine("allow-from-namespace.yaml");
    assertThat(
            engine
                .connection(index(engine, "y-a"), index(engine, "x-b"), Transport.TCP, 80)
                .reportReason())
        .isEqualTo("policy-allow:x/allow-from-y");
    assertThat(
            engine
                .connection(index(engine, "z-a"), index(engine, "x-b"), Transport.TCP, 80)
                .reportReason())
        .isEqualTo("policy-deny");
    assertThat(
            engine
                .connection(index(engine, "x-a"), index(engine, "z-b"), Transport.TCP, 80)
                .reportReason())
        .isEqualTo("not-isolated");
  }

  @Test
  void memoisedVerdictsEqualFreshlyEvaluatedOnes() {
    for (String file :
        List.of(
            "multiple-policies-add-up.yaml", "ip-block-except.yaml", "named-port-egress.yaml")) {
      Scenario scenario = PolicyScenarios.load(file);
      PolicyEngine uncached = new PolicyEngine(scenario, 1);
      PolicyEngine cached = new PolicyEngine(scenario);
      List<Verdict> first = new ArrayList<>();
      List<Verdict> fresh = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (int s = 0; s < cached.containerCount(); s++) {
          for (int d = 0; d < cached.containerCount(); d++) {
            for (ProbePort port : PolicyScenarios.probe(scenario).ports()) {
              first.add(cached.connection(s, d, port.protocol(), port.port()));
              fresh.add(uncached.connection(s, d, port.protocol(), port.port()));
            }
          }
        }
      }
      assertThat(first).as(file).isEqualTo(fresh);
    }
  }

  @Test
  void verdictsOnThePacketPathAreInterned() {
    PolicyEngine engine = engine("multiple-policies-add-up.yaml");
    int ya = index(engine, "y-a");
    int xa = index(engine, "x-a");
    int xb = index(engine, "x-b");
    assertThat(engine.ingress(ya, xa, Transport.TCP, 80))
        .isSameAs(engine.ingress(ya, xb, Transport.UDP, 81));
    assertThat(engine.connection(ya, xa, Protocol.TCP, 80))
        .isSameAs(engine.connection(ya, xb, Protocol.TCP, 81));
  }

  // 7. Kubernetes leaves pod addresses in ipBlocks to the plugin: Calico's nets match any address
  // (ipBlockMatchesPods: true, the default); Cilium's CIDR rules do not apply between endpoints it
  // manages (false). https://docs.cilium.io/en/stable/security/policy/language/ (CIDR based).

  @Test
  void anIpBlockMatchesPodAddressesByDefaultAsCalicoDoes() throws Exception {
    PolicyEngine engine = engine("ip-block-except.yaml");
    assertThat(
            engine
                .connection(index(engine, "x-b"), index(engine, "x-a"), Transport.TCP, 80)
                .allowed())
        .isTrue();
  }

  @Test
  void withIpBlockMatchesPodsFalseAnIpBlockMatchesNoPodAsCiliumDoes() throws Exception {
    Scenario scenario =
        ScenarioLoader.load(
                PolicyScenarios.directory().resolve("ip-block-except.yaml"),
                List.of("ipBlockMatchesPods=false"))
            .runs()
            .get(0)
            .scenario();
    assertThat(scenario.ipBlockMatchesPods()).isFalse();
    PolicyEngine engine = new PolicyEngine(scenario);
    int xa = index(engine, "x-a");

    Verdict fromPod = engine.connection(index(engine, "x-b"), xa, Transport.TCP, 80);
    assertThat(fromPod.allowed()).isFalse();
    assertThat(fromPod.reason()).isEqualTo(Verdict.Reason.POLICY_DENY);
    // An address that is no pod's still matches the CIDR.
    assertThat(
            engine
                .ingressFromAddress(Ipv4.parse("172.20.9.9").bits(), xa, Transport.TCP, 80)
                .allowed())
        .isTrue();
  }
}
