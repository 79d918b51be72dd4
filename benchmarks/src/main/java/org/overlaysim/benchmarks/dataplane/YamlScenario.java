package org.overlaysim.benchmarks.dataplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;

/** A benchmark's scenario from its YAML text, through the loader (which reads files). */
final class YamlScenario {
  private YamlScenario() {}

  static Scenario load(String yaml) throws Exception {
    Path file = Files.createTempFile("benchmark", ".yaml");
    try {
      Files.writeString(file, yaml);
      return ScenarioLoader.load(file, List.of()).runs().get(0).scenario();
    } finally {
      Files.delete(file);
    }
  }
}
