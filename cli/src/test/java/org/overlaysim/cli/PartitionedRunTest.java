package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run cut into partitions gives the same reports on 1, 2 and 4 threads, and the same as its pins
 * ({@link ExampleFingerprints}: every report and capture byte for byte, every partition's events at
 * the same nanoseconds): every example, k8s-max (five sites, five partitions) and the dumbbell
 * reference workload against ns-3 (three routers 5 ms apart, three partitions).
 */
class PartitionedRunTest {
  static final Path DUMBBELL = Path.of("..", "benchmarks", "peers", "dumbbell.yaml");

  static Stream<Path> scenarios() throws IOException {
    return Stream.concat(RunCommandTest.examples(), Stream.of(K8sMaxExampleTest.EXAMPLE, DUMBBELL));
  }

  private record Result(String stdout, Path reports) {}

  /** What {@code overlaysim ARGS} returned and printed. */
  private record Command(int status, String out, String err) {}

  private static Command overlaysim(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Command(status, out.toString(), err.toString());
  }

  private static Result run(Path scenario, Path dir, int threads, String... more) {
    Path reports = dir.resolve("threads-" + threads);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                scenario.toString(),
                "--out",
                reports.toString(),
                "--fingerprint",
                "--profile",
                "--threads",
                Integer.toString(threads)));
    args.addAll(List.of(more));
    Command c = overlaysim(args.toArray(new String[0]));
    assertThat(c.status()).as(c.err()).isZero();
    return new Result(c.out(), reports);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void everyThreadCountGivesThePinnedReports(Path scenario, @TempDir Path dir) throws IOException {
    String name = scenario.getFileName().toString().replace(".yaml", "");
    List<String> first = null;
    for (int threads : new int[] {1, 2, 4}) {
      Result r = run(scenario, dir, threads);
      List<String> fingerprint = ExampleFingerprints.fingerprint(r.stdout(), r.reports());
      if (first == null) {
        first = fingerprint;
      }
      assertThat(fingerprint).as("%s on %d threads", name, threads).isEqualTo(first);
      ExampleFingerprints.check(name, r.stdout(), r.reports());
    }
  }

  @Test
  void sitesMillisecondsApartAreCutAndTheProfileSaysHow(@TempDir Path dir) {
    String k8s = run(K8sMaxExampleTest.EXAMPLE, dir.resolve("k8s"), 2).stdout();
    assertThat(k8s).contains("5 partitions on 2 threads");
    assertThat(k8s).containsPattern("partition 4: [0-9,]+ steps, [0-9,]+ events, busy");

    assertThat(run(DUMBBELL, dir.resolve("dumbbell"), 4).stdout())
        .as("three routers 5 ms apart: three partitions, never more threads than partitions")
        .contains("3 partitions on 3 threads");

    assertThat(
            run(RunCommandTest.EXAMPLES.resolve("three-sites.yaml"), dir.resolve("ts"), 2).stdout())
        .contains("3 partitions on 2 threads");
    assertThat(
            run(RunCommandTest.EXAMPLES.resolve("two-hosts.yaml"), dir.resolve("th"), 2).stdout())
        .contains("one partition: no router-to-router link of 100 us or more cuts it");
  }

  @Test
  void aCutRunsTimeSeriesIsTheSameOnEveryThreadCount(@TempDir Path dir) throws IOException {
    Path example = RunCommandTest.EXAMPLES.resolve("three-sites.yaml");
    List<String> series = new ArrayList<>();
    for (int threads : new int[] {1, 3}) {
      Result r = run(example, dir, threads, "--set", "sample=50ms");
      assertThat(r.stdout()).contains("3 partitions on " + threads + " threads");
      series.add(Files.readString(r.reports().resolve("timeseries.csv")));
    }
    assertThat(series.get(0).lines().count()).isGreaterThan(1_000);
    assertThat(series.get(1)).isEqualTo(series.get(0));
  }

  @Test
  void aBatchGivesEachRunTheCoresItsOtherRunsLeaveOver() {
    assertThat(BatchCommand.threadsPerRun(2, 2, 1)).as("one run, two cores").isEqualTo(2);
    assertThat(BatchCommand.threadsPerRun(8, 2, 24))
        .as("two runs at once, eight cores")
        .isEqualTo(4);
    assertThat(BatchCommand.threadsPerRun(2, 2, 24)).isEqualTo(1);
    assertThat(BatchCommand.threadsPerRun(2, 4, 24)).as("more runs than cores").isEqualTo(1);
  }

  @Test
  void zeroThreadsIsRefusedInTheUsersWordsWithNothingWritten(@TempDir Path dir) {
    Path reports = dir.resolve("out");

    Command c =
        overlaysim(
            "run",
            RunCommandTest.EXAMPLES.resolve("two-hosts.yaml").toString(),
            "--out",
            reports.toString(),
            "--threads",
            "0");

    assertThat(c.status()).isEqualTo(2);
    assertThat(c.err()).contains("--threads must be at least 1, not 0");
    assertThat(reports).doesNotExist();
  }
}
