package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch killed halfway and started again loses nothing and redoes nothing. */
class BatchResumeTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "replicated-lossy.yaml");
  static final List<String> COMBINED =
      List.of(
          "latency.csv",
          "throughput.csv",
          "drops.csv",
          "links.csv",
          "overlays.csv",
          "summary-ci.csv");

  private static int overlaysim(String... args) {
    StringWriter sink = new StringWriter();
    return Main.execute(new PrintWriter(sink, true), new PrintWriter(sink, true), args);
  }

  @Test
  void batchKilledWithSigkillAndRestartedGivesTheSameReportsAsOneUninterruptedBatch(
      @TempDir Path dir) throws Exception {
    Path uninterrupted = dir.resolve("uninterrupted");
    Path resumed = dir.resolve("resumed");
    assertThat(overlaysim("batch", SCENARIO.toString(), "--out", uninterrupted.toString()))
        .isZero();

    Process batch =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "batch",
                SCENARIO.toString(),
                "--out",
                resumed.toString(),
                "--parallel",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (completeRuns(resumed) < 2 && batch.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    batch.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally block runs
    int completeWhenKilled = completeRuns(resumed);
    assertThat(completeWhenKilled).as("killed halfway").isBetween(1, 5);
    assertThat(resumed.resolve("summary.csv")).as("combined files come at the end").doesNotExist();

    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "batch",
            SCENARIO.toString(),
            "--out",
            resumed.toString());

    assertThat(status).isZero();
    assertThat(err.toString())
        .contains(completeWhenKilled + " of 6 runs already complete")
        .contains("run 6/6 done");
    for (String file : COMBINED) {
      assertThat(Files.readString(resumed.resolve(file)))
          .as(file)
          .isEqualTo(Files.readString(uninterrupted.resolve(file)));
    }
    assertThat(RunCommandTest.withoutWallTime(resumed.resolve("summary.csv")))
        .isEqualTo(RunCommandTest.withoutWallTime(uninterrupted.resolve("summary.csv")));
  }

  @Test
  void replicationsDifferAndGetConfidenceIntervals(@TempDir Path dir) throws IOException {
    assertThat(overlaysim("batch", SCENARIO.toString(), "--out", dir.toString())).isZero();

    List<String> lines = Files.readAllLines(dir.resolve("summary-ci.csv"));
    assertThat(lines.get(0))
        .isEqualTo("scenario,figure,flow,replications,mean,stddev,ci95_low,ci95_high");
    String delivered =
        lines.stream()
            .filter(l -> l.startsWith("replicated-lossy,packets_delivered,"))
            .findFirst()
            .orElseThrow();
    String[] cells = delivered.split(",");
    assertThat(cells[3]).isEqualTo("6");
    double mean = Double.parseDouble(cells[4]);
    double low = Double.parseDouble(cells[6]);
    double high = Double.parseDouble(cells[7]);
    assertThat(low).as("losses differ between replications").isLessThan(mean);
    assertThat(high).isGreaterThan(mean);
  }

  private static int completeRuns(Path out) throws IOException {
    Path runs = out.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      return (int) dirs.filter(d -> Files.exists(d.resolve("report.json"))).count();
    }
  }
}
