package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /** Runs the CLI, its stderr into {@code err}. */
  private static int overlaysimTo(StringWriter err, String... args) {
    return Main.execute(
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

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

    Process batch = startBatch(resumed, dir.resolve("killed.log"));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (completeRuns(resumed) < 2 && batch.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    batch.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no finally block runs
    int completeWhenKilled = completeRuns(resumed);
    assertThat(completeWhenKilled).as("killed halfway").isBetween(1, 5);
    assertThat(resumed.resolve("summary.csv")).as("combined files come at the end").doesNotExist();

    StringWriter err = new StringWriter();
    int status = overlaysimTo(err, "batch", SCENARIO.toString(), "--out", resumed.toString());

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
  void batchStoppedBySigtermSaysHowFarItCameAndResumesToTheSameReports(@TempDir Path dir)
      throws Exception {
    Path uninterrupted = dir.resolve("uninterrupted");
    Path resumed = dir.resolve("resumed");
    assertThat(overlaysim("batch", SCENARIO.toString(), "--out", uninterrupted.toString()))
        .isZero();

    Path log = dir.resolve("stopped.log");
    Process batch = startBatch(resumed, log);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (completeRuns(resumed) < 2 && batch.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    batch.destroy(); // SIGTERM: the shutdown hook stops the batch, as Ctrl-C's SIGINT does
    assertThat(batch.waitFor(1, TimeUnit.MINUTES)).isTrue();
    int complete = completeRuns(resumed);
    assertThat(complete).as("stopped halfway").isBetween(2, 5);
    assertThat(batch.exitValue()).as("128 + SIGTERM").isEqualTo(143);
    assertThat(Files.readAllLines(log))
        .last()
        .isEqualTo(
            "interrupted: "
                + complete
                + " of 6 runs complete in "
                + resumed
                + "/; run the same command to resume");
    assertThat(resumed.resolve("summary.csv")).as("combined files come at the end").doesNotExist();
    try (Stream<Path> files = Files.walk(resumed)) {
      assertThat(files.map(Path::getFileName).map(Path::toString))
          .as("no temporary file left")
          .noneMatch(name -> name.endsWith(".tmp"));
    }
    try (Stream<Path> runDirs = Files.list(resumed.resolve("runs"))) {
      assertThat(runDirs)
          .as("every run folder left is a complete run")
          .allMatch(d -> Files.exists(d.resolve("report.json")));
    }

    StringWriter err = new StringWriter();
    assertThat(overlaysimTo(err, "batch", SCENARIO.toString(), "--out", resumed.toString()))
        .isZero();
    assertThat(err.toString()).contains(complete + " of 6 runs already complete");
    assertSameReports(resumed, uninterrupted);
  }

  @Test
  void runsOfAnotherVersionOrAnotherScenarioAndDamagedOnesAreRedoneAndSaidSo(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("out");
    Path reference = dir.resolve("reference");
    assertThat(overlaysim("batch", SCENARIO.toString(), "--out", reference.toString())).isZero();
    assertThat(overlaysim("batch", SCENARIO.toString(), "--out", out.toString())).isZero();
    Path runs = out.resolve("runs");
    String model = "3fa2c1d09b8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a";
    for (int r : new int[] {0, 3}) { // made by an older overlaysim
      Path report = runs.resolve("replicated-lossy-p0-r" + r).resolve("report.json");
      Files.writeString(
          report,
          Files.readString(report)
              .replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"0.1.0\"")
              .replaceFirst("\"model\" : \"[^\"]*\"", "\"model\" : \"" + model + "\""));
    }
    Path truncated = runs.resolve("replicated-lossy-p0-r4").resolve("report.json");
    byte[] whole = Files.readAllBytes(truncated);
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2)); // a crash mid-write

    StringWriter err = new StringWriter();
    assertThat(overlaysimTo(err, "batch", SCENARIO.toString(), "--out", out.toString())).isZero();
    assertThat(err.toString().lines().limit(3))
        .containsExactly(
            "2 runs were made by overlaysim 0.1.0 (model 3fa2c1d0…), redoing them",
            "1 run has a damaged report.json (cut short by a crash?), redoing them",
            "3 of 6 runs already complete in the output directory: resuming");
    assertThat(err.toString()).contains("run 6/6 done");
    assertSameReports(out, reference);
    assertThat(Files.readString(truncated).strip())
        .as("redone and whole again")
        .startsWith("{")
        .endsWith("}")
        .hasSizeGreaterThan(whole.length / 2 + 100);

    StringWriter changed = new StringWriter();
    assertThat(
            overlaysimTo(
                changed, "batch", SCENARIO.toString(), "--out", out.toString(), "--set", "seed=8"))
        .isZero();
    assertThat(changed.toString().lines().findFirst())
        .hasValue(
            "6 runs were made from another version of the scenario (the file or a --set"
                + " changed), redoing them");
  }

  private static Process startBatch(Path out, Path log) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "batch",
            SCENARIO.toString(),
            "--out",
            out.toString(),
            "--parallel",
            "1")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void assertSameReports(Path actual, Path expected) throws IOException {
    for (String file : COMBINED) {
      assertThat(Files.readString(actual.resolve(file)))
          .as(file)
          .isEqualTo(Files.readString(expected.resolve(file)));
    }
    assertThat(RunCommandTest.withoutWallTime(actual.resolve("summary.csv")))
        .isEqualTo(RunCommandTest.withoutWallTime(expected.resolve("summary.csv")));
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
