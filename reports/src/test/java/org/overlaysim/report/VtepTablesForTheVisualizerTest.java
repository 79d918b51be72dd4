package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * A visualizer run keeps each host's VTEP tables for its details pane, but never so many that they
 * fill the heap (k8s-max's would be billions of entries) or a pane cannot draw them.
 */
class VtepTablesForTheVisualizerTest {
  @TempDir Path dir;

  @Test
  void everyHostOfASmallScenarioHasItsTables() throws Exception {
    var run = ScenarioLoader.load(RunFingerprintTest.SCENARIO).runs().get(0);
    var detailed = ScenarioRunner.runInBins(run, dir, 10, fraction -> {}, 2);
    assertThat(detailed.vtepTables()).containsOnlyKeys("mad-1", "fra-1");
    assertThat(detailed.vtepTables().get("mad-1").fdb()).isNotEmpty();
  }

  @Test
  void hostsWhoseTablesWouldListMoreThanFiftyThousandEntriesKeepNone() throws Exception {
    var run =
        ScenarioLoader.load(Path.of("src", "test", "resources", "big-vtep-tables.yaml"))
            .runs()
            .get(0);
    var detailed = ScenarioRunner.runInBins(run, dir, 10, fraction -> {}, 2);
    assertThat(detailed.report().packetsDelivered()).isPositive();
    assertThat(detailed.vtepTables()).isEmpty();
  }
}
