package org.overlaysim.emulation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Scenario;

/** NetworkPolicies and ACLs of network-policy.yaml as nftables text (h-1, h-2, h-3 = 0, 1, 2). */
class NftRendererTest {
  private static final Names NAMES = new Names("beef");
  private final Scenario scenario = PlanFixtures.scenario("network-policy.yaml");
  private final NftRules rules = new NftRenderer(scenario, NAMES).render();

  @Test
  void repliesOfAllowedConnectionsPassBeforeAnyPodChain() {
    String h1 = rules.scripts().get(0);
    assertThat(h1.indexOf("ct state established,related accept"))
        .isPositive()
        .isLessThan(h1.indexOf("jump egress_c"));
  }

  @Test
  void podUnderDenyAllGetsChainsEndingInACountedDrop() {
    // be-batch (container 6, h-1): deny-all isolates it both ways; egress only to the dns on 53.
    String h1 = rules.scripts().get(0);
    assertThat(h1)
        .contains("oifname \"obeefb0\" ip daddr 172.30.0.24 jump ingress_c6")
        .contains("iifname \"obeefb0\" ip saddr 172.30.0.24 jump egress_c6")
        .contains("  chain ingress_c6 {\n    counter name policy_deny drop\n  }\n")
        .contains(
            "  chain egress_c6 {\n"
                + "    ip daddr { 172.30.0.23 } meta l4proto udp th dport 53 return\n"
                + "    counter name policy_deny drop\n");
  }

  @Test
  void namedPortResolvesToTheDestinationPodsContainerPort() {
    String h3 = rules.scripts().get(2);
    assertThat(h3).contains("ip saddr { 172.30.0.21 } meta l4proto tcp th dport 80 return");
    String h2 = rules.scripts().get(1);
    assertThat(h2).contains("ip daddr 172.30.0.22 meta l4proto tcp th dport 80 return");
  }

  @Test
  void ipBlockWithExceptionsMatchesTheBlockButNotTheExceptions() {
    String h1 = rules.scripts().get(0);
    assertThat(h1)
        .contains("ip daddr 172.30.0.0/24 ip daddr != { 172.30.0.11/32, 172.30.0.21/32 } return");
  }

  @Test
  void ruleWithoutPortsAllowsEveryProtocolAndRuleWithPortsOnlyItsOwn() {
    String h3 = rules.scripts().get(2);
    // dns-from-all names UDP 53: every pod's address, UDP only.
    assertThat(h3)
        .contains(
            "ip saddr { 172.30.0.11, 172.30.0.12, 172.30.0.13, 172.30.0.21, 172.30.0.22,"
                + " 172.30.0.23, 172.30.0.24 } meta l4proto udp th dport 53 return");
  }

  @Test
  void aclIsStatelessInTheBridgeFamilyOnTheVtepPortOnly() {
    String h3 = rules.scripts().get(2);
    assertThat(h3)
        .contains("table bridge osim {")
        .contains("iifname { \"obeefv0\" } jump acl_in")
        .contains(
            "ether type ip meta l4proto udp ip saddr 172.30.0.12/32 th dport 53 counter name"
                + " acl_deny drop");
  }

  @Test
  void onlyHostsWithIsolatedBridgedPodsNeedConnectionTrackingOfBridgedFrames() {
    assertThat(rules.conntrackHosts()).containsExactly(0, 1, 2);
    NftRules none = new NftRenderer(PlanFixtures.scenario("mtu-boundary.yaml"), NAMES).render();
    assertThat(none.scripts()).isEmpty();
    assertThat(none.conntrackHosts()).isEmpty();
  }

  @Test
  void eachBridgedOverlayGetsItsOwnConntrackZone() {
    assertThat(rules.scripts().get(0)).contains("iifname \"obeefb0\" ct zone set 1");
  }

  @Test
  void withIpBlockMatchesPodsFalseAnIpBlockRuleLeavesEveryPodAddressOut() {
    Scenario cilium = PlanFixtures.scenario("network-policy.yaml", "ipBlockMatchesPods=false");
    String calicoRules = String.join("\n", rules.scripts().values());
    String ciliumRules =
        String.join("\n", new NftRenderer(cilium, NAMES).render().scripts().values());

    String block = "ip daddr 172.30.0.0/24 ip daddr != { 172.30.0.11/32, 172.30.0.21/32 }";
    assertThat(calicoRules)
        .contains(block + " ")
        .doesNotContain(block + " ip daddr != { 172.30.0.11,");
    assertThat(ciliumRules).contains(block + " ip daddr != { 172.30.0.11, 172.30.0.12,");
  }
}
