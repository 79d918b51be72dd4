package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.scenario.ScenarioLoader;

/** A sweep's combined reports load one by one, without a join (issue 21). */
class TidyReportsTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "lossy-sweep.yaml");
  static final String SWEEP_KEY = "underlay.links[0].loss";

  @TempDir static Path dir;

  @BeforeAll
  static void runTheSweep() throws Exception {
    BatchRunner.run(ScenarioLoader.load(SCENARIO).runs(), dir, 2, BatchRunner.Progress.NONE);
  }

  @Test
  void everyCombinedCsvCarriesTheSweepValuesAndReplicationAfterTheRun() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    assertThat(names)
        .contains(ReportFiles.SUMMARY, ReplicationStatistics.FILE)
        .containsAll(ReportFilesTest.PER_RUN_FILES);
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      String name = file.getFileName().toString();
      assertThat(lines).as(name).hasSizeGreaterThan(1);
      assertThat(lines.get(0)).as(name).contains(SWEEP_KEY);
      if (name.equals(ReplicationStatistics.FILE)) {
        continue; // one row per sweep point, not per run: no run or replication column
      }
      if (!name.equals(ReportFiles.SUMMARY)) {
        assertThat(lines.get(0)).as(name).startsWith("run," + SWEEP_KEY + ",replication,");
      }
      Set<String> points = new HashSet<>();
      Set<String> replications = new HashSet<>();
      int key = columns(lines.get(0)).indexOf(SWEEP_KEY);
      int replication = columns(lines.get(0)).indexOf("replication");
      for (String line : lines.subList(1, lines.size())) {
        List<String> cells = columns(line);
        points.add(cells.get(key));
        replications.add(cells.get(replication));
      }
      assertThat(points).as(name).containsExactlyInAnyOrder("0.01", "0.012");
      assertThat(replications).as(name).containsExactlyInAnyOrder("0", "1", "2");
    }
  }

  @Test
  void summaryCiCoversGoodputOverheadRetransmissionsAndLatencyPercentilesPerFlow()
      throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve(ReplicationStatistics.FILE));
    List<String> header = columns(lines.get(0));
    assertThat(header)
        .containsSequence(
            "figure", "flow", "replications", "mean", "stddev", "ci95_low", "ci95_high");
    int figure = header.indexOf("figure");
    int flow = header.indexOf("flow");
    int n = header.indexOf("replications");
    Set<String> bulk = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = columns(line);
      if (cells.get(flow).equals("bulk")) {
        assertThat(cells.get(n)).as(cells.get(figure)).isEqualTo("3");
        bulk.add(cells.get(figure));
      }
    }
    assertThat(bulk)
        .contains(
            "goodput_mbps",
            "overhead_ratio",
            "retransmissions",
            "mean_ms",
            "p50_ms",
            "p90_ms",
            "p99_ms");
  }

  /** The cells of a CSV line (the sweep key's brackets need no quoting, values none either). */
  private static List<String> columns(String line) {
    return new ArrayList<>(List.of(line.split(",", -1)));
  }
}
