package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RoundTripProperties {

  static ScenarioSet load(String name, String text) {
    try {
      return ScenarioLoader.parse(name, text, List.of());
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage() + "\n--- " + name + " ---\n" + text, e);
    }
  }

  @Property(tries = 40, seed = "18")
  void randomScenarioSurvivesWriteAndLoad(@ForAll long seed) {
    ScenarioSet original = load("random.yaml", RandomScenarios.generate(seed));
    ScenarioSet reloaded = load("written.yaml", ScenarioWriter.write(original.base()));
    assertThat(reloaded.base()).isEqualTo(original.base());
  }

  @Property(tries = 10, seed = "18")
  void everyRunOfARandomScenarioSurvivesWriteAndLoad(@ForAll long seed) {
    for (Run run : load("random.yaml", RandomScenarios.generate(seed)).runs()) {
      Scenario reloaded = load("run.yaml", ScenarioWriter.write(run.scenario())).base();
      assertThat(reloaded).isEqualTo(run.scenario());
    }
  }

  @Property(tries = 15, seed = "18")
  void loadingIsDeterministic(@ForAll long seed) {
    String text = RandomScenarios.generate(seed);
    assertThat(load("a.yaml", text).runs()).isEqualTo(load("a.yaml", text).runs());
  }
}
