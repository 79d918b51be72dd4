package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code overlaysim plot} on the encapsulation sweep (4 encapsulations × 2 MTUs, 2 replications,
 * lossy, so the intervals have a width): the charts, their content, bad input, determinism.
 */
class PlotCommandTest {
  /** The charts every sweep of one TCP flow with drops gets. */
  static final List<String> SWEEP_CHARTS =
      List.of(
          "latency-cdf-bulk",
          "goodput-by-encapsulation",
          "overhead-by-encapsulation",
          "goodput-by-mtu",
          "overhead-by-mtu",
          "drops-by-reason");

  @TempDir static Path shared;
  static Path sweep;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int overlaysim(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** The encapsulation sweep, short: its reports in a folder of their own. */
  static Path runSweep(Path dir) {
    StringWriter log = new StringWriter();
    int status =
        Main.execute(
            new PrintWriter(log, true),
            new PrintWriter(log, true),
            "batch",
            RunCommandTest.EXAMPLES.resolve("encapsulations.yaml").toString(),
            "--out",
            dir.toString(),
            "--set",
            "duration=200ms",
            "--set",
            "replications=2",
            "--set",
            "underlay.links[0].loss=0.0002",
            // The sweep without its encryption key: 8 points, as the charts below expect.
            "--set",
            "sweep={overlays.frontend.encapsulation: [vxlan, geneve, ipip, none],"
                + " underlay.defaults.mtu: [1500, 9000]}");
    assertThat(status).as(log.toString()).isZero();
    return dir;
  }

  @BeforeAll
  static void runTheSweepOnce() {
    sweep = runSweep(shared.resolve("sweep"));
  }

  @Test
  void plotDrawsEveryChartOfTheSweepAsPngAndSvgWithTheSeriesNamed(@TempDir Path dir)
      throws IOException {
    Path plots = dir.resolve("plots");

    int status = overlaysim("plot", sweep.toString(), "--out", plots.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Plots written to " + plots + ": 6 charts")
        // Every run writes tcp.csv; with no flow traced it is a header alone.
        .contains("tcp.csv has no rows: no TCP window charts")
        .contains("timeseries.csv is absent");
    for (String chart : SWEEP_CHARTS) {
      BufferedImage png = ImageIO.read(plots.resolve(chart + ".png").toFile());
      assertThat(png.getWidth()).as(chart).isEqualTo(900);
      assertThat(png.getHeight()).as(chart).isEqualTo(520);
      assertThat(Files.size(plots.resolve(chart + ".png"))).as(chart).isBetween(10_000L, 300_000L);
      assertThat(Files.size(plots.resolve(chart + ".svg"))).as(chart).isBetween(5_000L, 300_000L);
    }
    String cdf = Files.readString(plots.resolve("latency-cdf-bulk.svg"));
    assertThat(cdf)
        .startsWith("<?xml")
        .contains("<svg")
        .contains("Latency of flow bulk (tcp)")
        .contains("one-way delay (ms)")
        .contains("CDF through min, p50, p90, p99, max");
    for (String point : List.of("encapsulation=vxlan, mtu=1500", "encapsulation=none, mtu=9000")) {
      assertThat(cdf).contains(point);
    }
    assertThat(Files.readString(plots.resolve("goodput-by-encapsulation.svg")))
        .contains("Goodput against encapsulation")
        .contains("95% confidence interval")
        .contains(">vxlan<", ">geneve<", ">ipip<", ">none<")
        .contains("mtu=1500", "mtu=9000");
    assertThat(Files.readString(plots.resolve("overhead-by-mtu.svg")))
        .contains(">1500<", ">9000<")
        .contains("encapsulation=vxlan", "encapsulation=ipip");
    // Every reason drops.csv reports is a series (which reasons occur is the model's business).
    List<String> reasons =
        Files.readAllLines(sweep.resolve("drops.csv")).stream()
            .skip(1)
            .map(line -> line.split(",")[line.split(",").length - 3])
            .distinct()
            .toList();
    assertThat(reasons).isNotEmpty();
    assertThat(Files.readString(plots.resolve("drops-by-reason.svg")))
        .contains(reasons.toArray(String[]::new));
  }

  @Test
  void indexShowsEveryChartAndTheKeyTablesWithNothingFromOutside(@TempDir Path dir)
      throws IOException {
    Path plots = dir.resolve("plots");
    assertThat(overlaysim("plot", sweep.toString(), "--out", plots.toString())).isZero();

    String html = Files.readString(plots.resolve("index.html"));

    for (String chart : SWEEP_CHARTS) {
      assertThat(html).contains("<img src=\"" + chart + ".svg\"", "href=\"" + chart + ".png\"");
    }
    assertThat(html)
        .contains("<h3>summary.csv</h3>", "<h3>summary-ci.csv</h3>", "<h3>throughput.csv</h3>")
        .contains("<th>goodput_mbps</th>", "<td>encapsulations-p0-r1</td>")
        .contains("tcp.csv has no rows")
        .doesNotContain("http://", "https://", "//cdn", dir.toString());
  }

  @Test
  void sameReportsGiveByteIdenticalFiles(@TempDir Path dir) throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    assertThat(overlaysim("plot", sweep.toString(), "--out", first.toString())).isZero();
    assertThat(overlaysim("plot", sweep.toString(), "--out", second.toString())).isZero();

    List<String> files = names(first);
    assertThat(files).hasSize(2 * SWEEP_CHARTS.size() + 1).isEqualTo(names(second));
    for (String file : files) {
      assertThat(Files.readAllBytes(second.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  @Test
  void tcpAndTimeseriesFilesAddTheirCharts(@TempDir Path dir) throws IOException {
    Path reports = copyOfTheSweep(dir);
    Files.writeString(
        reports.resolve("tcp.csv"),
        """
        run,flow,time_s,cwnd_bytes,ssthresh_bytes,srtt_ms,rttvar_ms,bytes_in_flight,delivered_bytes,retransmits,state
        encapsulations-p0-r0,bulk,0.100,14480,2147483647,0.05,0.02,14480,0,0,open
        encapsulations-p0-r0,bulk,0.110,28960,2147483647,0.05,0.02,28960,14480,0,open
        encapsulations-p0-r0,bulk,0.120,14480,14480,0.06,0.02,14480,43440,1,recovery
        """);
    Files.writeString(
        reports.resolve("timeseries.csv"),
        """
        run,time_s,link,direction,utilization,queue_bytes,drops,flow,delivered_bytes,p50_ms,p99_ms
        encapsulations-p0-r0,0.00,h1--leaf-1,h1->leaf-1,0.10,0,0,,,,
        encapsulations-p0-r0,0.01,h1--leaf-1,h1->leaf-1,0.95,1048576,3,,,,
        encapsulations-p0-r0,0.00,leaf-1--leaf-2,leaf-1->leaf-2,0.05,0,0,,,,
        encapsulations-p0-r0,0.01,leaf-1--leaf-2,leaf-1->leaf-2,0.50,3000,0,,,,
        encapsulations-p0-r0,0.01,,,,,,bulk,1250000,1.2,1.4
        """);
    Path plots = dir.resolve("plots");

    int status = overlaysim("plot", reports.toString(), "--out", plots.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains(": 9 charts").doesNotContain("absent");
    assertThat(Files.readString(plots.resolve("tcp-cwnd-encapsulations-p0-r0.svg")))
        .contains("TCP congestion window, encapsulations-p0-r0 (encapsulation=vxlan, mtu=1500)")
        .contains(">bulk<")
        .contains("cwnd (KiB)");
    for (String chart : List.of("utilization", "queue")) {
      assertThat(Files.readString(plots.resolve(chart + "-encapsulations-p0-r0.svg")))
          .contains(">h1-&gt;leaf-1<", ">leaf-1-&gt;leaf-2<")
          .doesNotContain(">bulk<");
    }
    assertThat(Files.readString(plots.resolve("index.html")))
        .contains("<img src=\"tcp-cwnd-encapsulations-p0-r0.svg\"")
        .contains("<img src=\"queue-encapsulations-p0-r0.svg\"");
  }

  @Test
  void timeSeriesChartsKeepTheFirstEightRunsAndTheTwelveHighestLines(@TempDir Path dir)
      throws IOException {
    Path reports = copyOfTheSweep(dir);
    StringBuilder csv = new StringBuilder("run,time_s,direction,utilization,queue_bytes\n");
    for (int run = 1; run <= 9; run++) {
      for (int d = 1; d <= 14; d++) {
        for (int t = 0; t < 3; t++) {
          csv.append("r" + run + "," + t + ",d" + d + "," + (d * t / 50.0) + "," + d * t + "\n");
        }
      }
    }
    Files.writeString(reports.resolve("timeseries.csv"), csv);
    Path plots = dir.resolve("plots");

    int status = overlaysim("plot", reports.toString(), "--out", plots.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Links over time: 9 runs: charts for the first 8");
    assertThat(names(plots).stream().filter(f -> f.matches("utilization-r[0-9].svg")))
        .hasSize(8)
        .doesNotContain("utilization-r9.svg");
    String first = Files.readString(plots.resolve("utilization-r1.svg"));
    assertThat(first).contains("the 12 highest of 14", ">d14<", ">d3<");
    assertThat(first).doesNotContain(">d1<", ">d2<");
  }

  @Test
  void flowNamesBecomeSafeAndDistinctFileNames(@TempDir Path dir) throws IOException {
    Path reports = copyOfTheSweep(dir);
    Path latency = reports.resolve("latency.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(latency));
    lines.set(1, lines.get(1).replace(",bulk,", ",web api,"));
    lines.set(2, lines.get(2).replace(",bulk,", ",web/api,"));
    Files.write(latency, lines);
    Path plots = dir.resolve("plots");

    assertThat(overlaysim("plot", reports.toString(), "--out", plots.toString()))
        .as(err.toString())
        .isZero();

    assertThat(names(plots))
        .contains("latency-cdf-web_api.svg", "latency-cdf-web_api-2.svg", "latency-cdf-bulk.svg");
    assertThat(Files.readString(plots.resolve("latency-cdf-web_api-2.svg")))
        .contains("Latency of flow web/api (tcp)");
  }

  @Test
  void anAbsentColumnLeavesItsChartsOutWithALine(@TempDir Path dir) throws IOException {
    Path reports = copyOfTheSweep(dir);
    Files.writeString(
        reports.resolve("timeseries.csv"),
        "run,time_s,direction,utilization\nencapsulations-p0-r0,0.0,h1->leaf-1,0.5\n");

    int status = overlaysim("plot", reports.toString(), "--out", dir.resolve("plots").toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("timeseries.csv has no column queue_bytes: no link utilization and queue charts")
        .contains(": 6 charts");
    assertThat(Files.readString(dir.resolve("plots").resolve("index.html")))
        .contains("timeseries.csv has no column queue_bytes");
  }

  @Test
  void folderWithoutReportsIsRefusedAndNothingIsWritten(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path plots = dir.resolve("plots");

    int status = overlaysim("plot", empty.toString(), "--out", plots.toString());

    assertThat(status).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(err.toString()).contains(empty + ": no reports here (no summary.csv)");
    assertThat(names(dir)).containsExactly("empty");
  }

  @Test
  void aCellThatIsNotANumberIsNamedWithItsFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path reports = copyOfTheSweep(dir);
    Path throughput = reports.resolve("throughput.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(throughput));
    assertThat(lines.get(0))
        .startsWith(
            "run,overlays.frontend.encapsulation,underlay.defaults.mtu,replication,flow,"
                + "payload_bytes,wire_bytes,overhead_ratio,");
    String[] cells = lines.get(2).split(",", -1);
    cells[7] = "x";
    lines.set(2, String.join(",", cells));
    Files.write(throughput, lines);
    Path plots = dir.resolve("plots");

    int status = overlaysim("plot", reports.toString(), "--out", plots.toString());

    assertThat(status).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(err.toString())
        .contains("throughput.csv: line 3, column overhead_ratio: 'x' is not a number");
    assertThat(plots).doesNotExist();
    assertThat(names(dir)).containsExactly("reports");
  }

  @Test
  void anEarlierPlotIsReplacedButAFolderOfOtherFilesIsNot(@TempDir Path dir) throws IOException {
    Path plots = dir.resolve("plots");
    assertThat(overlaysim("plot", sweep.toString(), "--out", plots.toString())).isZero();
    Files.writeString(plots.resolve("stale.svg"), "<svg/>");

    assertThat(overlaysim("plot", sweep.toString(), "--out", plots.toString())).isZero();
    assertThat(plots.resolve("stale.svg")).doesNotExist();
    assertThat(plots.resolve("index.html")).exists();

    Path mine = Files.createDirectory(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    assertThat(overlaysim("plot", sweep.toString(), "--out", mine.toString()))
        .isEqualTo(ExitCodes.USER_ERROR);
    assertThat(err.toString()).contains(mine + ": holds files that are not plots");
    assertThat(names(mine)).containsExactly("notes.txt");
    assertThat(names(dir)).containsExactly("mine", "plots");
  }

  @Test
  void runAndBatchWithPlotDrawIntoDirPlots(@TempDir Path dir) throws IOException {
    Path example = RunCommandTest.EXAMPLES.resolve("two-hosts.yaml");
    for (String command : List.of("run", "batch")) {
      Path reports = dir.resolve(command);

      int status =
          overlaysim(
              command,
              example.toString(),
              "--out",
              reports.toString(),
              "--set",
              "duration=1s",
              "--plot");

      assertThat(status).as(err.toString()).isZero();
      assertThat(out.toString()).contains("Plots written to " + reports.resolve("plots"));
      assertThat(reports.resolve("plots").resolve("index.html")).exists();
      assertThat(names(reports.resolve("plots"))).anyMatch(f -> f.startsWith("latency-cdf-"));
    }
  }

  @Test
  void helpSaysWhatItDrawsInLinesThatFitATerminal() {
    assertThat(overlaysim("plot", "--help")).isZero();

    assertThat(out.toString()).contains("with 95% intervals over replications");
    assertThat(out.toString().lines()).allMatch(line -> line.length() <= 80);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void plotNeedsNoDisplayEvenWhereDisplayNamesOneThatDoesNotAnswer(@TempDir Path dir)
      throws Exception {
    Path plots = dir.resolve("plots");
    Path log = dir.resolve("log");
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder plot =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "plot",
                sweep.toString(),
                "--out",
                plots.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    plot.environment().put("DISPLAY", ":99");

    Process process = plot.start();

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    assertThat(plots.resolve("index.html")).exists();
  }

  private static Path copyOfTheSweep(Path dir) throws IOException {
    Path copy = Files.createDirectory(dir.resolve("reports"));
    try (Stream<Path> files = Files.list(sweep)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
