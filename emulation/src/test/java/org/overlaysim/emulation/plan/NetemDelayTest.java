package org.overlaysim.emulation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.LinkDelay;

/** With netem, the kernel's underlay links get the simulator's delays (topology's LinkDelay). */
class NetemDelayTest {
  @Test
  void eachUnderlayLinkGetsItsLinkDelayAtBothEnds() throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of("..", "scenarios", "examples", "three-sites.yaml"), List.of())
            .base();
    Names names = new Names("beef");
    NetworkPlan plan =
        NetworkPlan.build(scenario, names, new NftRenderer(scenario, names).render(), true);
    List<String> netem =
        plan.steps().stream().map(Step::toString).filter(s -> s.contains(" netem ")).toList();
    List<Long> delays = LinkDelay.of(scenario).values().stream().map(d -> d.ns() / 1000).toList();
    assertThat(netem).hasSize(2 * delays.size());
    for (int l = 0; l < delays.size(); l++) {
      assertThat(netem.get(2 * l)).endsWith("delay " + delays.get(l) + "us");
      assertThat(netem.get(2 * l + 1)).endsWith("delay " + delays.get(l) + "us");
    }
  }
}
