package org.overlaysim.emulation.plan;

import java.nio.file.Path;
import java.util.List;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

final class PlanFixtures {
  private PlanFixtures() {}

  static Scenario scenario(String resource, String... overrides) {
    try {
      Path file = Path.of(PlanFixtures.class.getResource("/emulation/" + resource).toURI());
      return ScenarioLoader.load(file, List.of(overrides)).runs().get(0).scenario();
    } catch (ScenarioException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
