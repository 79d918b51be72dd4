package org.overlaysim.emulation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.LinkDelay;

/** Which tunnel packets the delay relays hold, and for how long, checked without running them. */
class DelayRelayPlanTest {
  private static final Path THREE_SITES =
      Path.of("..", "scenarios", "examples", "three-sites.yaml");

  private static Scenario threeSites() throws Exception {
    return ScenarioLoader.load(THREE_SITES).runs().get(0).scenario();
  }

  @Test
  void everyVtepOfThreeSitesRelaysToEveryOtherWithThePathsOneWayDelay() throws Exception {
    Scenario scenario = threeSites();
    DelayRelayPlan plan = DelayRelayPlan.of(scenario);
    Map<String, LinkDelay> links = LinkDelay.of(scenario);
    long access = 10_000; // the default access link, each end

    // Members of 'frontend': mad-1, fra-1, fra-2, vir-1; each relays to the others but the two
    // Frankfurt hosts to each other (one router: 20 us, left to the kernel).
    assertThat(plan.relays())
        .extracting(DelayRelayPlan.HostRelay::host)
        .containsExactly(0, 2, 3, 4);
    assertThat(plan.relays()).extracting(r -> r.routes().size()).containsExactly(3, 2, 2, 3);
    DelayRelayPlan.HostRelay madrid = plan.relays().get(0);
    assertThat(madrid.bindIp()).isEqualTo("10.1.0.11");
    DelayRelayPlan.Route toVirginia =
        madrid.routes().stream().filter(r -> r.remoteIp().equals("10.3.0.11")).findFirst().get();
    // Shortest delay, as the simulator routes: the direct transatlantic link.
    assertThat(toVirginia.path().delayNs()).isEqualTo(links.get("r-mad--r-vir").ns() + 2 * access);
    assertThat(toVirginia.remotePort()).isEqualTo(4789);
    assertThat(plan.overlayMechanism()).containsEntry("frontend", "relay");
  }

  @Test
  void theDnatLeavesTheRelaysOwnDatagramsAlone() throws Exception {
    DelayRelayPlan.HostRelay relay = DelayRelayPlan.of(threeSites()).relays().get(0);
    DelayRelayPlan.Route route = relay.routes().get(0);

    assertThat(relay.nftScript())
        .contains("type nat hook output priority -100")
        .contains(
            "ip daddr "
                + route.remoteIp()
                + " udp dport 4789 udp sport != "
                + relay.sendPort()
                + " dnat to 10.1.0.11:"
                + route.listenPort());
    assertThat(route.argument())
        .isEqualTo(
            route.listenPort() + "," + route.remoteIp() + ",4789," + route.path().delayNs() + ",0");
    List<Integer> ports =
        relay.routes().stream().map(DelayRelayPlan.Route::listenPort).distinct().toList();
    assertThat(ports).hasSize(3).doesNotContain(relay.sendPort(), 4789);
  }

  @Test
  void shortPathsAndRoutedOverlaysAreLeftToTheKernel() {
    // mtu-boundary: 100 us between the two routers, 10 us access links: under the threshold.
    DelayRelayPlan shortPaths = DelayRelayPlan.of(PlanFixtures.scenario("mtu-boundary.yaml"));
    assertThat(shortPaths.relays()).isEmpty();
    assertThat(shortPaths.overlayMechanism().get("net")).startsWith("kernel (every path under");

    DelayRelayPlan four = DelayRelayPlan.of(PlanFixtures.scenario("four-encapsulations.yaml"));
    assertThat(four.overlayMechanism())
        .containsEntry("blue", "relay")
        .containsEntry("green", "relay");
    assertThat(four.overlayMechanism().get("red")).contains("routed, no UDP tunnel");
    assertThat(four.overlayMechanism().get("plain")).contains("routed, no UDP tunnel");
    // blue (4789) and green (6081) to the one remote: two routes per host.
    assertThat(four.relays()).allSatisfy(r -> assertThat(r.routes()).hasSize(2));
  }

  @Test
  void jitteryLinksAreRelayedWhateverTheirDelay() {
    Scenario scenario = PlanFixtures.scenario("mtu-boundary.yaml", "underlay.links[0].jitter=50us");
    DelayRelayPlan plan = DelayRelayPlan.of(scenario);

    assertThat(plan.relays()).isNotEmpty();
    assertThat(plan.relays().get(0).routes().get(0).argument()).endsWith(",50000");
  }
}
