package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over encapsulation × underlay MTU gives one row per run, sweep values as columns, and the
 * overhead the arithmetic predicts (overlay-reference.md: vxlan and geneve 50 bytes, ipip 20, none
 * 0; Ethernet on the wire 38).
 */
class OverheadSweepTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "overhead-sweep.yaml");

  @Test
  void everyRunHasItsRowAndTheOverheadRatioOfItsEncapsulation(@TempDir Path dir) throws Exception {
    run(SCENARIO, dir);

    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(summary.get(0))
        .startsWith(
            "run,scenario,seed,replication,overlays.net.encapsulation,underlay.defaults.mtu,");
    assertThat(summary).hasSize(1 + 8);

    Map<String, String> encapsulationOfRun = new HashMap<>();
    for (String line : summary.subList(1, summary.size())) {
      String[] cells = line.split(",");
      encapsulationOfRun.put(cells[0], cells[4]);
    }
    Map<String, Integer> overhead = Map.of("vxlan", 50, "geneve", 50, "ipip", 20, "none", 0);
    List<String> throughput = Files.readAllLines(dir.resolve("throughput.csv"));
    assertThat(throughput).hasSize(1 + 8);
    for (String line : throughput.subList(1, throughput.size())) {
      String[] cells = line.split(","); // run, the two sweep values, replication, flow, ...
      String encapsulation = encapsulationOfRun.get(cells[0]);
      double expected = (1400 + 28 + overhead.get(encapsulation) + 38) / 1400.0;
      assertThat(Double.parseDouble(cells[7]))
          .as("overhead ratio of %s (%s)", cells[0], encapsulation)
          .isCloseTo(expected, within(1e-6));
      assertThat(Long.parseLong(cells[5])).as("payload delivered").isPositive();
    }
  }

  /** Runs a scenario into {@code dir}; fails on a non-zero exit with what it printed. */
  static void run(Path scenario, Path dir) {
    StringWriter sink = new StringWriter();
    int status =
        Main.execute(
            new PrintWriter(sink, true),
            new PrintWriter(sink, true),
            "run",
            scenario.toString(),
            "--out",
            dir.toString());
    assertThat(status).as(sink.toString()).isZero();
  }
}
