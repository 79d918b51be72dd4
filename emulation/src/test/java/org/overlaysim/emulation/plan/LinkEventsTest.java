package org.overlaysim.emulation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.TimedEvent;

/**
 * failover's events as kernel commands: the primary link (scenario link 0, r-mad to r-fra) set down
 * on both ends at 2 s; at 2.25 s (underlay.convergence 250 ms) Madrid's router reaches Frankfurt's
 * host through Paris, the only path left (backup-1 then backup-2); the link up at 6 s and, at 6.25
 * s, the direct route back. Router events are not applied and are listed.
 */
class LinkEventsTest {
  private static final Names NAMES = new Names("beef");

  private static Scenario failoverWithARouterEvent() throws Exception {
    Path file = Path.of(LinkEventsTest.class.getResource("/emulation/failover-ping.yaml").toURI());
    String text =
        Files.readString(file)
            + "  - {at: 3s, router: r-par, action: down}\n"
            + "  - {at: 4s, router: r-par, action: up}\n";
    return ScenarioLoader.parse(file.toString(), text, List.of()).runs().get(0).scenario();
  }

  @Test
  void linkDownThenRoutesOverTheBackupAfterConvergenceThenBack() throws Exception {
    Scenario scenario = failoverWithARouterEvent();
    List<LinkEvents.Change> changes = LinkEvents.of(scenario, NAMES);

    assertThat(changes)
        .extracting(LinkEvents.Change::atNs)
        .containsExactly(2_000_000_000L, 2_250_000_000L, 6_000_000_000L, 6_250_000_000L);
    String primary = NAMES.underlayLink(0);
    assertThat(changes.get(0).steps()).extracting(Step::argv).isEqualTo(bothEnds(primary, "down"));
    assertThat(changes.get(2).steps()).extracting(Step::argv).isEqualTo(bothEnds(primary, "up"));
    assertThat(changes.get(1).steps()).extracting(Step::argv).contains(madridToFrankfurtVia(1));
    assertThat(changes.get(3).steps()).extracting(Step::argv).contains(madridToFrankfurtVia(0));
  }

  /** r-mad's route to fra-1 (10.2.0.11) via the b end of {@code link}: Paris, or Frankfurt. */
  private static List<String> madridToFrankfurtVia(int link) {
    return List.of(
        "ip",
        "-n",
        NAMES.router(0),
        "route",
        "replace",
        "10.2.0.11/32",
        "via",
        AddressPlan.linkEnd(link, false).toString());
  }

  /** ip link set on the link's ends: r-mad (router 0) and r-fra (router 2). */
  private static List<List<String>> bothEnds(String device, String state) {
    return List.of(
        List.of("ip", "-n", NAMES.router(0), "link", "set", device, state),
        List.of("ip", "-n", NAMES.router(2), "link", "set", device, state));
  }

  @Test
  void routerEventsAreListedAsNotApplied() throws Exception {
    assertThat(LinkEvents.notApplied(failoverWithARouterEvent()))
        .extracting(TimedEvent::describe)
        .containsExactly("router r-par down", "router r-par up");
  }
}
