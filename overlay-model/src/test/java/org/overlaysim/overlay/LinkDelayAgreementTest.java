package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.LinkDelay;
import org.overlaysim.topology.UnderlayGraph;

/** The simulated underlay's link delays are LinkDelay's, which reports and --explain show. */
class LinkDelayAgreementTest {
  @Test
  void everyUnderlayLinkOfThreeSitesHasItsLinkDelay() throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of("..", "scenarios", "examples", "three-sites.yaml"), List.of())
            .base();
    UnderlayGraph underlay = OverlayNetwork.underlayOf(scenario);
    Map<String, LinkDelay> delays = LinkDelay.of(scenario);
    assertThat(delays).hasSize(3);
    delays.forEach(
        (name, delay) -> {
          assertThat(underlay.link(name).delayNs()).as(name).isEqualTo(delay.ns());
          assertThat(delay.source()).isEqualTo(LinkDelay.Source.MODEL);
        });
  }
}
