package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.dataplane.OuterDontFragment;
import org.overlaysim.overlay.dataplane.VtepSettings;
import org.overlaysim.topology.DropReason;
import org.overlaysim.topology.LinkCounters;

/**
 * A 1400-byte WAN link behind 1500-byte access links (overlay-reference.md, "Oversized packets";
 * RFC 1191). With Linux's default outer DF clear the WAN router fragments the outer datagram; with
 * the outer DF set from the inner one, the router's fragmentation-needed teaches the VTEP the path
 * MTU, and the VTEP answers the container with the reduced inner MTU (1350 = 1400 - 50).
 */
class PathMtuDiscoveryTest {
  private static LinkCounters wan(ScenarioRun r, String direction) {
    return r.network.linkCounters().stream()
        .filter(c -> c.link().equals("wan") && c.direction().equals(direction))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void withOuterDfClearTheRouterFragmentsTheOuterDatagramAndTheEchoPasses() {
    ScenarioRun r = ScenarioRun.of("wan.yaml").run();
    assertThat(r.observer.samples(0)).isEqualTo(4);
    // 1500-byte outer packets on a 1400 link: 1396 + 124 bytes, two packets each way.
    assertThat(wan(r, "ra->rb").packets()).isEqualTo(2 * 4 + 3);
    assertThat(wan(r, "ra->rb").bytes()).isEqualTo(4 * (1396 + 124) + 3 * 1400);
    assertThat(r.observer.drops).isEmpty();
  }

  @Test
  void withOuterDfInheritedTheVtepAnswersFragmentationNeededWith1350ThenFittingPacketsPass() {
    ScenarioRun r =
        ScenarioRun.of("wan.yaml", VtepSettings.DEFAULT.withOuterDf(OuterDontFragment.INHERIT))
            .run();
    // 1st echo: dropped by the WAN router, ICMP 1400 to the VTEP (the container learns nothing);
    // 2nd: the VTEP knows the 1400 path and answers ICMP 1350 to the container; 3rd and 4th:
    // refused by the container's own stack ("message too long").
    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::where)
        .containsExactly("ra->rb", "ha/vtep", "a", "a");
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::reason)
        .containsOnly(DropReason.MTU_EXCEEDED);
    assertThat(r.network.pathMtu("a", "b")).isEqualTo(1350);
    // 1322 + 28 = 1350: fits.
    assertThat(r.observer.samples(1)).isEqualTo(3);
  }

  @Test
  void routedIpipWithDfLowersTheInnerRoutePathMtuAndAnswersFragmentationNeeded() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                "overlays.net.encapsulation=ipip",
                "traffic.big.size=1452",
                "traffic.fitted.size=1352")
            .run();
    // 1st: outer DF copied from the inner (tunl0), the router answers ICMP 1400 to the host; 2nd:
    // the host knows the 1400 path, and ip_tunnel.c's tnl_update_pmtu lowers the route's MTU to
    // 1380 and answers the DF packet with fragmentation-needed 1380, nothing on the wire; 3rd and
    // 4th: refused by the container's own stack.
    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.delivered.getOrDefault(0, 0)).isZero();
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::where)
        .containsExactly("ra->rb", "ha/vtep", "a", "a");
    assertThat(r.network.pathMtu("a", "b")).isEqualTo(1380);
    // 1352 + 28 = 1380: fits.
    assertThat(r.observer.samples(1)).isEqualTo(3);
  }

  @Test
  void routedIpipWithoutDfSendsTheOuterDatagramFragmented() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                "overlays.net.encapsulation=ipip",
                "traffic.big.size=1452",
                "traffic.big.df=false")
            .run();
    // DF clear inside, so clear outside (tunl0 copies it): the WAN router fragments every outer
    // datagram, hb reassembles, and the echo and its reply pass.
    assertThat(r.observer.samples(0)).isEqualTo(4);
    assertThat(r.observer.drops).isEmpty();
  }

  @Test
  void withoutEncapsulationTheWanRouterAnswersTheContainerDirectly() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                "overlays.net.encapsulation=none",
                "traffic.big.size=1472",
                "traffic.fitted.size=1372")
            .run();
    // The router's ICMP 1400 reaches the container itself; its later DF sends fail locally.
    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::where)
        .containsExactly("ra->rb", "a", "a", "a");
    assertThat(r.network.pathMtu("a", "b")).isEqualTo(1400);
    assertThat(r.observer.samples(1)).isEqualTo(3);
  }
}
