package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/** timeseries.csv: per link direction and flow, one row per {@code sample} interval. */
class TimeSeriesReportTest {
  private static Run run(String... overrides) throws Exception {
    return ScenarioLoader.load(TidyReportsTest.SCENARIO, List.of(overrides)).runs().get(0);
  }

  private static List<Map<String, String>> rows(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void linkAndFlowRowsEveryIntervalAddUpToTheRunsTotals(@TempDir Path dir) throws Exception {
    RunReport report = ScenarioRunner.run(run(), dir);
    Path file = dir.resolve(TimeSeriesReport.FILE);

    assertThat(Files.readAllLines(file).get(0))
        .isEqualTo(
            "run,underlay.links[0].loss,replication,time_s,link,direction,flow,utilization,"
                + "queue_bytes,drops,bytes,packets,delivered_bytes,samples,p50_ms,p90_ms,p99_ms");
    List<Map<String, String>> rows = rows(file);
    // The plot's reader: link rows name a direction, flow rows leave it empty.
    List<Map<String, String>> linkRows =
        rows.stream().filter(r -> !r.get("direction").isEmpty()).toList();
    List<Map<String, String>> flowRows =
        rows.stream().filter(r -> r.get("direction").isEmpty()).toList();
    assertThat(flowRows).hasSize(10 * 3); // 1 s in 100 ms intervals, three flows
    assertThat(flowRows).extracting(r -> r.get("time_s")).contains("0.100000", "1.000000");
    for (ReportRows.LinkRow link : report.links()) {
      List<Map<String, String>> series =
          linkRows.stream().filter(r -> r.get("direction").equals(link.direction())).toList();
      assertThat(series).as(link.direction()).hasSize(10);
      assertThat(series.stream().mapToLong(r -> Long.parseLong(r.get("bytes"))).sum())
          .isEqualTo(link.bytes());
      assertThat(series.stream().mapToLong(r -> Long.parseLong(r.get("drops"))).sum())
          .isEqualTo(link.drops());
      assertThat(series.stream().mapToDouble(r -> Double.parseDouble(r.get("utilization"))).sum())
          .isCloseTo(link.utilization() * 10, within(1e-3));
      assertThat(series)
          .allSatisfy(r -> assertThat(Long.parseLong(r.get("queue_bytes"))).isNotNegative());
    }
    for (ReportRows.ThroughputRow flow : report.throughput()) {
      assertThat(
              flowRows.stream()
                  .filter(r -> r.get("flow").equals(flow.flow()))
                  .mapToLong(r -> Long.parseLong(r.get("delivered_bytes")))
                  .sum())
          .as(flow.flow())
          .isEqualTo(flow.payloadBytes());
    }
    Map<String, String> firstBulk =
        flowRows.stream().filter(r -> r.get("flow").equals("bulk")).findFirst().orElseThrow();
    assertThat(Long.parseLong(firstBulk.get("samples"))).isPositive();
    assertThat(Double.parseDouble(firstBulk.get("p99_ms")))
        .isGreaterThanOrEqualTo(Double.parseDouble(firstBulk.get("p50_ms")));
  }

  @Test
  void sameSeedSameBytesAndTheRunIsTheSameWithOrWithout(@TempDir Path dir) throws Exception {
    RunReport first = ScenarioRunner.run(run(), dir.resolve("a"));
    RunReport second = ScenarioRunner.run(run(), dir.resolve("b"));
    RunReport without = ScenarioRunner.run(run("sample=null"), dir.resolve("c"));

    assertThat(Files.readAllBytes(dir.resolve("b").resolve(TimeSeriesReport.FILE)))
        .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(TimeSeriesReport.FILE)));
    assertThat(second.eventTrace()).isEqualTo(first.eventTrace());
    assertThat(without.eventTrace()).isEqualTo(first.eventTrace());
    assertThat(without.latency()).isEqualTo(first.latency());
    assertThat(dir.resolve("c").resolve(TimeSeriesReport.FILE)).doesNotExist();
    try (var files = Files.list(dir.resolve("a"))) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".timeseries.csv.tmp");
    }
  }

  @Test
  void aBatchRedoneWithoutSampleLeavesNoTimeSeries(@TempDir Path dir) throws Exception {
    List<Run> sampled = ScenarioLoader.load(TidyReportsTest.SCENARIO).runs();
    BatchRunner.run(sampled, dir, 1, BatchRunner.Progress.NONE);
    assertThat(dir.resolve(TimeSeriesReport.FILE)).exists();

    List<Run> plain = ScenarioLoader.load(TidyReportsTest.SCENARIO, List.of("sample=null")).runs();
    BatchRunner.run(plain, dir, 1, BatchRunner.Progress.NONE);

    assertThat(dir.resolve(TimeSeriesReport.FILE)).doesNotExist();
    assertThat(dir.resolve("runs").resolve(plain.get(0).id()).resolve(TimeSeriesReport.FILE))
        .doesNotExist();
  }

  @Test
  void cellsAfterTheFirstFewStartAfterTheirComma() {
    assertThat(TimeSeriesReport.afterCells("r,\"a,b\",0,x,y", 3)).isEqualTo(10);
    assertThat(TimeSeriesReport.afterCells("r,0", 3)).isEqualTo(3);
  }
}
