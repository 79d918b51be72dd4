package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.scenario.ScenarioLoader;

/** tcp.csv: the sender's state every tcpTrace interval, the same bytes for the same seed. */
class TcpTraceReportTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "tcp-sack-capture.yaml");

  private static List<String> traceOf(Path dir) throws Exception {
    var run = ScenarioLoader.load(SCENARIO).runs().get(0);
    RunReport report = ScenarioRunner.run(run, dir.resolve("captures"));
    ReportFiles.write(dir, List.of(report));
    return Files.readAllLines(dir.resolve(ReportFiles.TCP));
  }

  @Test
  void theTraceSamplesTheSenderEveryIntervalAndIsTheSameForTheSameSeed(
      @TempDir Path first, @TempDir Path second) throws Exception {
    List<String> lines = traceOf(first);
    assertThat(traceOf(second)).isEqualTo(lines);
    assertThat(lines.get(0))
        .isEqualTo(
            "run,replication,flow,time_s,cwnd_bytes,ssthresh_bytes,srtt_ms,rttvar_ms,bytes_in_flight,"
                + "delivered_bytes,retransmits,state,connection");
    List<String[]> rows =
        lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    assertThat(rows).hasSizeGreaterThan(10);
    // One row per 10 ms from the flow's start at 0 until the connection has closed.
    for (int i = 0; i < rows.size(); i++) {
      assertThat(Double.parseDouble(rows.get(i)[3]))
          .isCloseTo(0.01 * i, org.assertj.core.data.Offset.offset(1e-9));
    }
    // The window is whole segments of 1398 payload bytes (vxlan: MSS 1410 - 12 of timestamps),
    // 10 of them at first (RFC 6928), no threshold before the first loss.
    assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r[4]) % 1398).isZero());
    assertThat(rows.get(1)[4]).isEqualTo(Long.toString(10 * 1398));
    assertThat(rows.get(1)[5]).isEmpty();
    assertThat(rows)
        .extracting(r -> r[11])
        .allMatch(s -> List.of("open", "disorder", "recovery", "loss").contains(s))
        .contains("recovery");
    // Delivered bytes only grow, up to the 2 MB transferred.
    long delivered = 0;
    for (String[] r : rows) {
      assertThat(Long.parseLong(r[9])).isGreaterThanOrEqualTo(delivered);
      delivered = Long.parseLong(r[9]);
    }
    assertThat(delivered).isEqualTo(2_000_000);
  }
}
