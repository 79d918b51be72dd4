package org.overlaysim.emulation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Scenario;

/** The commands that build a scenario, checked without running them. */
class NetworkPlanTest {
  private static final Names NAMES = new Names("beef");

  private static NetworkPlan plan(Scenario scenario) {
    return NetworkPlan.build(scenario, NAMES, new NftRenderer(scenario, NAMES).render(), false);
  }

  private static List<String> lines(NetworkPlan plan) {
    return plan.steps().stream().map(Step::toString).toList();
  }

  @Test
  void everyCommandIsIpOrBridgeAndNamesOnlyNamespacesOfThePlan() {
    NetworkPlan plan = plan(PlanFixtures.scenario("network-policy.yaml"));
    Set<String> ours = Set.copyOf(plan.namespaces());
    for (Step step : plan.steps()) {
      List<String> argv = step.argv();
      assertThat(argv.get(0)).isIn("ip", "bridge");
      for (int i = 0; i + 1 < argv.size(); i++) {
        String word = argv.get(i);
        boolean namesNamespace =
            word.equals("-n") || (word.equals("netns") && !argv.get(i + 1).equals("list"));
        if (namesNamespace) {
          String namespace =
              word.equals("-n") ? argv.get(i + 1) : argv.get(i + 2 < argv.size() ? i + 2 : i + 1);
          assertThat(namespace).as(step.toString()).isIn(ours);
        }
      }
    }
  }

  @Test
  void staticVxlanHasNoLearningAndPermanentEntriesForRemoteContainersOnly() {
    List<String> lines = lines(plan(PlanFixtures.scenario("mtu-boundary.yaml")));
    String h1 = NAMES.host(0);
    assertThat(lines)
        .contains(
            "ip -n "
                + h1
                + " link add obeefv0 type vxlan id 42 dstport 4789 local 10.0.1.11 nolearning"
                + " proxy noudpcsum");
    // Without netem a delay relay may carry the outer UDP: no outer checksum then; with netem
    // the kernel's default (udpcsum).
    Scenario scenario = PlanFixtures.scenario("mtu-boundary.yaml");
    NetworkPlan netem =
        NetworkPlan.build(scenario, NAMES, new NftRenderer(scenario, NAMES).render(), true);
    assertThat(lines(netem)).noneMatch(l -> l.contains("noudpcsum"));
    // On h-1 only b (on h-2) is remote; a and big are local and get no entry there.
    assertThat(lines.stream().filter(l -> l.startsWith("bridge -n " + h1 + " fdb append 02:42")))
        .containsExactly(
            "bridge -n "
                + h1
                + " fdb append 02:42:0a:f4:00:03 dev obeefv0 dst 10.0.2.11 self"
                + " permanent");
  }

  @Test
  void floodAndLearnVxlanLearnsWithOneAllZerosEntryPerRemoteVtep() {
    List<String> lines = lines(plan(PlanFixtures.scenario("mtu-boundary.yaml")));
    String h2 = NAMES.host(1);
    assertThat(lines)
        .contains(
            "ip -n "
                + h2
                + " link add obeefv1 type vxlan id 43 dstport 8472 local 10.0.2.11"
                + " learning noudpcsum",
            "bridge -n "
                + h2
                + " fdb append 00:00:00:00:00:00 dev obeefv1 dst 10.0.1.11 self"
                + " permanent");
  }

  @Test
  void misconfiguredContainerMtuIsGivenToBothEndsOfItsVethPair() {
    List<String> lines = lines(plan(PlanFixtures.scenario("mtu-boundary.yaml")));
    // big is container 2, MTU 1500 over the 1450 vxlan device.
    assertThat(lines)
        .contains(
            "ip -n " + NAMES.container(2) + " link set obeefe2 address 02:42:0a:f4:00:04 mtu 1500",
            "ip -n " + NAMES.host(0) + " link set obeefp2 mtu 1500 master obeefb0",
            "ip -n " + NAMES.host(0) + " link set obeefv0 mtu 1450 master obeefb0");
  }

  @Test
  void geneveGetsOneDevicePerRemoteHostOnTheBridge() {
    List<String> lines =
        lines(
            plan(PlanFixtures.scenario("mtu-boundary.yaml", "overlays.net.encapsulation=geneve")));
    assertThat(lines)
        .contains(
            "ip -n "
                + NAMES.host(0)
                + " link add obeefg0x1 type geneve id 42 remote 10.0.2.11"
                + " dstport 4789",
            "ip -n " + NAMES.host(0) + " link set obeefg0x1 mtu 1450 master obeefb0");
  }

  @Test
  void ipipRoutesEachRemoteContainerThroughTheTunnel() {
    List<String> lines =
        lines(plan(PlanFixtures.scenario("mtu-boundary.yaml", "overlays.net.encapsulation=ipip")));
    assertThat(lines)
        .contains(
            "ip -n " + NAMES.host(0) + " link add obeeft0 type ipip local 10.0.1.11",
            "ip -n " + NAMES.host(0) + " route add 10.244.0.3/32 via 10.0.2.11 dev obeeft0 onlink");
  }

  @Test
  void underlayRoutesLeadOnlyToScenarioHostsAndTheReservedLinkBlock() {
    List<String> lines = lines(plan(PlanFixtures.scenario("mtu-boundary.yaml")));
    assertThat(lines.stream().filter(l -> l.contains(" route ")))
        .noneMatch(l -> l.contains("default"));
  }

  @Test
  void everyLinkDirectionIsShapedAtItsRateWithItsQueueAndTheWiresFraming() {
    List<String> lines = lines(plan(PlanFixtures.scenario("tcp-bottleneck.yaml")));
    // 100 Mbit/s, 256 KiB queue; bucket 1 ms of the rate; peak bucket one 1514-byte frame plus
    // the 24 bytes of FCS, preamble and gap, so that tbf cuts every GSO batch into frames.
    String bottleneck =
        " tc qdisc add dev obeefu0 root tbf rate 100000000bit burst 12500 limit 262144 peakrate"
            + " 1000000000bit mtu 1538 overhead 24 mpu 84";
    assertThat(lines)
        .contains(
            "ip netns exec " + NAMES.router(0) + bottleneck,
            "ip netns exec " + NAMES.router(1) + bottleneck);
    // Access links at the hosts' 10 Gbit/s, both ends.
    assertThat(lines.stream().filter(l -> l.contains(" dev obeefa0 root tbf rate 10000000000bit")))
        .hasSize(2);
  }

  @Test
  void aLossyLinkDropsAtEachReceivingEndsIngressWithNumgen() {
    NetworkPlan plan =
        plan(PlanFixtures.scenario("tcp-bottleneck.yaml", "underlay.links.bottleneck.loss=0.001"));
    List<Step> nft =
        plan.steps().stream()
            .filter(step -> step.stdin().startsWith("table netdev osim_loss"))
            .toList();
    assertThat(nft).hasSize(2);
    for (Step step : nft) {
      assertThat(step.stdin())
          .contains("type filter hook ingress device \"obeefu0\" priority 0; policy accept;")
          .contains("numgen random mod 1000000000 < 1000000 counter name loss_obeefu0 drop");
    }
    assertThat(plan.lossCounters())
        .containsExactly(
            new NetworkPlan.LossCounter(NAMES.router(0), "loss_obeefu0", "r-2->r-1"),
            new NetworkPlan.LossCounter(NAMES.router(1), "loss_obeefu0", "r-1->r-2"));
    assertThat(plan(PlanFixtures.scenario("tcp-bottleneck.yaml")).lossCounters()).isEmpty();
  }

  @Test
  void withNetemADelayedLinkIsDelayedThenShapedByTbfAsNetemsChild() {
    Scenario scenario = PlanFixtures.scenario("tcp-bottleneck.yaml");
    List<String> lines =
        NetworkPlan.build(scenario, NAMES, new NftRenderer(scenario, NAMES).render(), true)
            .steps()
            .stream()
            .map(Step::toString)
            .toList();
    String r0 = "ip netns exec " + NAMES.router(0) + " tc qdisc add dev obeefu0 ";
    assertThat(lines)
        .contains(
            r0 + "root handle 1: netem delay 50us",
            r0
                + "parent 1:1 handle 2: tbf rate 100000000bit burst 12500 limit 262144 peakrate"
                + " 1000000000bit mtu 1538 overhead 24 mpu 84");
  }
}
