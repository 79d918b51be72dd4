package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.UnderlayPlan;

class ContainerPathTest {

  @Test
  void parallelLinksOfEqualDelayAreNamedAsEqualCostAlternatives() throws Exception {
    // two-sites.yaml joins r-lis and r-par by two links with the same (geographic) delay.
    Scenario s = ScenarioLoader.load(Path.of("src/test/resources/scenarios/two-sites.yaml")).base();
    UnderlayPlan plan = UnderlayPlan.of(s);
    String first = s.underlay().links().get(0).name();
    String second = s.underlay().links().get(1).name();

    ContainerPath path = ContainerPath.between(plan, s.containers().get(0), s.containers().get(2));

    assertThat(path.hops())
        .extracting(ContainerPath.Hop::from)
        .containsExactly("web-1", "lis-1", "r-lis", "r-par", "par-1");
    ContainerPath.Hop backbone = path.hops().get(2);
    assertThat(backbone.link()).isEqualTo(first);
    assertThat(backbone.alternatives()).containsExactly(second);
    assertThat(backbone.delayNs()).isEqualTo(plan.delay(first).ns());
    assertThat(path.equalCostPaths()).isEqualTo(2);
    assertThat(path.pathMtu()).isEqualTo(1400);
    assertThat(path.totalDelayNs())
        .isEqualTo(path.hops().stream().mapToLong(ContainerPath.Hop::delayNs).sum());
  }

  @Test
  void containersOnOneHostMeetInsideIt() throws Exception {
    Scenario s = ScenarioLoader.load(Path.of("src/test/resources/scenarios/two-sites.yaml")).base();
    ContainerPath path =
        ContainerPath.between(UnderlayPlan.of(s), s.containers().get(2), s.containers().get(3));

    assertThat(path.hops())
        .extracting(ContainerPath.Hop::link)
        .containsExactly(ContainerPath.VETH, ContainerPath.VETH);
    assertThat(path.totalDelayNs()).isZero();
  }
}
