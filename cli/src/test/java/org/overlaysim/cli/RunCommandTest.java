package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code overlaysim run} as a user meets it: the example library, bad input, determinism. */
class RunCommandTest {
  static final Path EXAMPLES = Path.of("..", "scenarios", "examples");
  static final Path MALFORMED = Path.of("..", "scenarios", "src", "test", "resources", "malformed");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int overlaysim(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /**
   * Examples run once in a test of their own, which checks more of their output than the loop
   * below: k8s-max (150,000 containers) takes about 10 s and 1.3 GiB of heap.
   */
  static final Set<String> RUN_IN_THEIR_OWN_TEST = Set.of("k8s-max.yaml");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !RUN_IN_THEIR_OWN_TEST.contains(f.getFileName().toString()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleRunsAndWritesTheContractReports(Path example, @TempDir Path dir) {
    Path reports = dir.resolve("out");

    int status = overlaysim("run", example.toString(), "--out", reports.toString());

    assertThat(status).as(err.toString()).isZero();
    for (String file :
        List.of(
            "summary.csv",
            "latency.csv",
            "throughput.csv",
            "drops.csv",
            "links.csv",
            "overlays.csv")) {
      assertThat(reports.resolve(file)).exists();
    }
    assertThat(out.toString()).contains("Reports written to");
  }

  @Test
  void sameScenarioAndSeedGiveByteIdenticalReportsWallClockAside(@TempDir Path dir)
      throws IOException {
    Path example = EXAMPLES.resolve("three-sites.yaml");
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    assertThat(overlaysim("run", example.toString(), "--out", first.toString())).isZero();
    assertThat(overlaysim("run", example.toString(), "--out", second.toString())).isZero();

    for (String file :
        List.of("latency.csv", "throughput.csv", "drops.csv", "links.csv", "overlays.csv")) {
      assertThat(Files.readAllBytes(second.resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
    assertThat(withoutWallTime(second.resolve("summary.csv")))
        .isEqualTo(withoutWallTime(first.resolve("summary.csv")));
  }

  @Test
  void fingerprintIsTheSameForTheSameScenarioAndDiffersWhenTimingChanges(@TempDir Path dir) {
    String example = EXAMPLES.resolve("three-sites.yaml").toString();
    String pattern = "fingerprint three-sites-p0-r0: ([0-9a-f]{16}) over [0-9,]+ events";

    overlaysim("run", example, "--out", dir.resolve("a").toString(), "--fingerprint");
    overlaysim("run", example, "--out", dir.resolve("b").toString(), "--fingerprint");
    // IP-in-IP adds 20 bytes where VXLAN adds 50: every packet leaves its links earlier.
    overlaysim(
        "run",
        example,
        "--out",
        dir.resolve("c").toString(),
        "--fingerprint",
        "--set",
        "overlays.frontend.encapsulation=ipip");

    List<String> printed =
        java.util.regex.Pattern.compile(pattern)
            .matcher(out.toString())
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(printed).as(err.toString()).hasSize(3);
    assertThat(printed.get(1)).isEqualTo(printed.get(0));
    assertThat(printed.get(2)).isNotEqualTo(printed.get(0));
  }

  @Test
  void setOverridesAScenarioValue(@TempDir Path dir) throws IOException {
    Path reports = dir.resolve("out");

    int status =
        overlaysim(
            "run",
            EXAMPLES.resolve("two-hosts.yaml").toString(),
            "--out",
            reports.toString(),
            "--set",
            "overlays.net.encapsulation=geneve");

    assertThat(status).as(err.toString()).isZero();
    assertThat(Files.readAllLines(reports.resolve("overlays.csv")).get(1)).contains(",geneve,");
  }

  @Test
  void profileReportsWhereTheTimeWentAndThePeakHeap(@TempDir Path dir) {
    int status =
        overlaysim(
            "run",
            EXAMPLES.resolve("two-hosts.yaml").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--profile");

    assertThat(status).isZero();
    assertThat(out.toString())
        .containsPattern("loading and validating [0-9.]+ s")
        .containsPattern("two-hosts-p0-r0: build [0-9.]+ s, run [0-9.]+ s; [0-9,-]+ events/s")
        .containsPattern("statistics and report files [0-9.]+ s")
        .containsPattern("peak heap [0-9.]+ MiB");
  }

  @Test
  void matrixPrintsWhoReachesWhomForEachProbePort(@TempDir Path dir) {
    int status =
        overlaysim(
            "run",
            EXAMPLES.resolve("multi-tenant.yaml").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--matrix");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("multi-tenant-p0-r0 TCP/5432")
        .contains("v vni-mismatch")
        .contains("0 blue-web   -..vv")
        .contains("2 blue-batch xx-vv");
  }

  @Test
  void matrixSaysSoWhenTheScenarioHasNoProbeAndTheSummaryNamesWhatEachMeanIs(@TempDir Path dir) {
    int status =
        overlaysim(
            "run",
            EXAMPLES.resolve("two-hosts.yaml").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--matrix");

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("No reachability matrix: the scenario has no probe")
        .containsPattern("ping-0 +ping +c1 -> c2: 10 samples of RTT, mean [0-9.]+ ms");
  }

  @Test
  void outputPathThatIsAFileIsRefusedWithExitTwo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");

    int status =
        overlaysim("run", EXAMPLES.resolve("two-hosts.yaml").toString(), "--out", file.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("taken").contains("not a directory");
  }

  static Stream<String[]> malformed() throws IOException {
    return Files.readAllLines(MALFORMED.resolve("catalogue.csv")).stream()
        .skip(1)
        .map(line -> line.split(",", 4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedScenarioExitsTwoNamingLineAndPathAndWritesNothing(
      String file, String line, String path, String words, @TempDir Path dir) {
    Path reports = dir.resolve("out");

    int status = overlaysim("run", MALFORMED.resolve(file).toString(), "--out", reports.toString());

    assertThat(status).isEqualTo(2);
    String expectedPrefix = file + ":" + line + ":";
    assertThat(err.toString().lines())
        .as("one line per problem, the first naming file, line and path")
        .anySatisfy(
            l -> {
              assertThat(l).contains(expectedPrefix);
              if (!path.isEmpty()) {
                assertThat(l).contains(" " + path + ": ");
              }
            });
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(reports).doesNotExist();
  }

  static List<String> withoutWallTime(Path summary) throws IOException {
    List<String> lines = Files.readAllLines(summary);
    int column = List.of(lines.get(0).split(",")).indexOf("wall_time_s");
    return lines.stream()
        .map(
            l -> {
              String[] cells = l.split(",", -1);
              cells[column] = "";
              return String.join(",", cells);
            })
        .toList();
  }
}
