package org.overlaysim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One run of a scenario: a sweep point and a replication.
 *
 * @param id {@code <scenario>-p<point>-r<replication>}, stable across loads of the same file
 * @param seed derived by {@link RunSeeds#seed}; drives every random stream of the run
 * @param sweepValues key path to value text of this point, in sweep order; empty without sweep
 * @param scenario the resolved scenario with this point's values applied
 */
public record Run(
    String id,
    int point,
    int replication,
    long seed,
    Map<String, String> sweepValues,
    Scenario scenario) {
  public Run {
    Checks.name(id, "id");
    Checks.nonNegative(point, "point");
    Checks.nonNegative(replication, "replication");
    sweepValues = Collections.unmodifiableMap(new LinkedHashMap<>(sweepValues));
    Objects.requireNonNull(scenario, "scenario");
  }

  /** {@code underlay.defaults.mtu=9000 overlays.frontend.encapsulation=vxlan}, or empty. */
  public String sweepLabel() {
    return sweepValues.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
