package org.overlaysim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A loaded scenario file: the scenario as written ({@code base}, sweep values not applied) and
 * every run (sweep points × replications, point-major order).
 */
public record ScenarioSet(String file, Scenario base, List<Run> runs) {
  public ScenarioSet {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(base, "base");
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a scenario has at least one run");
    }
  }

  public Summary summary() {
    return Summary.of(this);
  }
}
