package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.report.shard.ShardSpec;

/**
 * {@code batch --shard I/N} and {@code merge}: shards add up to exactly one batch, or are refused.
 */
class ShardMergeTest {
  static final Path SWEEP = Path.of("src", "test", "resources", "sharded-sweep.yaml");
  static final Path LOSSY = BatchResumeTest.SCENARIO;
  static final List<String> EXACT =
      List.of(
          "latency.csv",
          "throughput.csv",
          "drops.csv",
          "links.csv",
          "overlays.csv",
          "reachability.csv",
          "summary-ci.csv");

  private final StringWriter err = new StringWriter();

  private int overlaysim(String... args) {
    return Main.execute(
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

  /** The combined files of {@code actual} equal those of {@code expected}, wall clock aside. */
  static void assertSameReports(Path actual, Path expected) throws IOException {
    for (String file : EXACT) {
      assertThat(Files.readString(actual.resolve(file)))
          .as(file)
          .isEqualTo(Files.readString(expected.resolve(file)));
    }
    assertThat(RunCommandTest.withoutWallTime(actual.resolve("summary.csv")))
        .isEqualTo(RunCommandTest.withoutWallTime(expected.resolve("summary.csv")));
  }

  private List<Path> shards(Path dir, int count, String... files) {
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path shard = dir.resolve("shard-" + i);
      List<String> args = new ArrayList<>(List.of("batch"));
      args.addAll(List.of(files));
      args.addAll(List.of("--out", shard.toString(), "--shard", i + "/" + count));
      assertThat(overlaysim(args.toArray(String[]::new))).as(err.toString()).isZero();
      dirs.add(shard);
    }
    return dirs;
  }

  private int merge(List<Path> shards, Path out) {
    List<String> args = new ArrayList<>(List.of("merge"));
    shards.forEach(s -> args.add(s.toString()));
    args.addAll(List.of("--out", out.toString()));
    return overlaysim(args.toArray(String[]::new));
  }

  @Test
  void everyShardCountAssignsEveryRunToExactlyOneShard() {
    List<String> ids =
        IntStream.range(0, 200).mapToObj(i -> "scenario-p" + (i / 4) + "-r" + (i % 4)).toList();
    for (int count = 1; count <= 7; count++) {
      for (String id : ids) {
        int n = count;
        long owners = IntStream.range(0, n).filter(i -> new ShardSpec(i, n).contains(id)).count();
        assertThat(owners).as(id + " of " + n + " shards").isEqualTo(1);
      }
    }
  }

  @Test
  void shardsOfThreeSpreadTwelveRunsOverEveryShard() {
    Map<Integer, Integer> sizes = new TreeMap<>();
    for (int point = 0; point < 6; point++) {
      for (int rep = 0; rep < 2; rep++) {
        sizes.merge(ShardSpec.shardOf("sharded-sweep-p" + point + "-r" + rep, 3), 1, Integer::sum);
      }
    }
    assertThat(sizes).containsOnlyKeys(0, 1, 2);
  }

  @Test
  void mergedShardsEqualOneBatchOfTheSameFilesRowForRow(@TempDir Path dir) throws IOException {
    Path single = dir.resolve("single");
    assertThat(overlaysim("batch", SWEEP.toString(), LOSSY.toString(), "--out", single.toString()))
        .isZero();
    List<Path> shards = shards(dir, 3, SWEEP.toString(), LOSSY.toString());
    Path merged = dir.resolve("merged");

    assertThat(merge(List.of(shards.get(2), shards.get(0), shards.get(1)), merged))
        .as(err.toString())
        .isZero();

    assertSameReports(merged, single);
    try (var runs = Files.list(merged.resolve("runs"))) {
      assertThat(runs.filter(r -> Files.exists(r.resolve("report.json"))).count()).isEqualTo(18);
    }
  }

  @Test
  void aShardRunsOnlyItsOwnRunsAndItsCombinedFilesCoverOnlyThem(@TempDir Path dir)
      throws IOException {
    Path shard = shards(dir, 3, SWEEP.toString()).get(1);

    List<String> rows = Files.readAllLines(shard.resolve("summary.csv"));
    assertThat(rows.subList(1, rows.size()))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(ShardSpec.shardOf(r.split(",")[0], 3)).isEqualTo(1));
    assertThat(shard.resolve("shard.json")).exists();
  }

  @Test
  void mergeRefusesAMissingShardListingItsRuns(@TempDir Path dir) {
    List<Path> shards = shards(dir, 3, SWEEP.toString());

    int status = merge(List.of(shards.get(0), shards.get(2)), dir.resolve("merged"));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("refused")
        .contains("shard 1/3 (no folder given)")
        .contains("runs missing: sharded-sweep-p");
    assertThat(dir.resolve("merged").resolve("summary.csv")).doesNotExist();
  }

  @Test
  void mergeRefusesARunCompleteInTwoFolders(@TempDir Path dir) throws IOException {
    List<Path> shards = shards(dir, 3, SWEEP.toString());
    Path copy = dir.resolve("copy-of-0");
    copyTree(shards.get(0), copy);

    int status =
        merge(List.of(shards.get(0), shards.get(1), shards.get(2), copy), dir.resolve("m"));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("given more than once").contains("is duplicated");
  }

  @Test
  void mergeRefusesShardsOfAnotherBatch(@TempDir Path dir) {
    List<Path> shards = shards(dir, 3, SWEEP.toString());
    Path other = dir.resolve("other");
    assertThat(
            overlaysim(
                "batch",
                SWEEP.toString(),
                "--set",
                "seed=8",
                "--out",
                other.toString(),
                "--shard",
                "1/3"))
        .isZero();

    int status = merge(List.of(shards.get(0), other, shards.get(2)), dir.resolve("m"));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains(other + ": manifest disagrees");
  }

  @Test
  void badShardSpecIsAUserError(@TempDir Path dir) {
    assertThat(overlaysim("batch", SWEEP.toString(), "--out", dir.toString(), "--shard", "3/3"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--shard").contains("0..2");
  }

  @Test
  void aFolderHoldingAnotherShardIsRefused(@TempDir Path dir) {
    Path shard = shards(dir, 3, SWEEP.toString()).get(0);

    int status = overlaysim("batch", SWEEP.toString(), "--out", shard.toString(), "--shard", "1/3");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("holds shard 0/3, not 1/3");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
