package org.overlaysim.overlay.policy;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

/** Loads the test scenarios under {@code src/test/resources/policy/}. */
final class PolicyScenarios {
  private PolicyScenarios() {}

  static Path directory() {
    URL url = PolicyScenarios.class.getResource("/policy");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Scenario load(String fileName) {
    return load(directory().resolve(fileName));
  }

  static Scenario load(Path file) {
    try {
      return ScenarioLoader.load(file).base();
    } catch (ScenarioException e) {
      throw new IllegalStateException(file + ":\n" + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }

  static ProbeTraffic probe(Scenario scenario) {
    List<ProbeTraffic> probes =
        scenario.traffic().stream()
            .filter(ProbeTraffic.class::isInstance)
            .map(ProbeTraffic.class::cast)
            .toList();
    if (probes.size() != 1) {
      throw new IllegalStateException(scenario.name() + " has " + probes.size() + " probes");
    }
    return probes.get(0);
  }
}
