package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code overlaysim slurm} on a real single-node Slurm cluster (slurmctld, slurmd, munged). */
class SlurmCommandTest {
  static final Path SWEEP = ShardMergeTest.SWEEP;

  @TempDir static Path clusterDir;
  static LocalSlurmCluster cluster;
  static Path local;

  @BeforeAll
  static void startClusterAndRunTheSweepLocally() throws Exception {
    cluster = LocalSlurmCluster.start(clusterDir.resolve("cluster"));
    local = clusterDir.resolve("local");
    Result batch = overlaysim(clusterDir, "batch", SWEEP.toString(), "--out", local.toString());
    assertThat(batch.status()).as(batch.err()).isZero();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  record Result(int status, String out, String err) {}

  /** Runs overlaysim in its own JVM, as a user would, with the cluster's SLURM_CONF. */
  static Result overlaysim(Path logs, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(logs, "out", ".log");
    Path err = Files.createTempFile(logs, "err", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (cluster != null) {
      builder.environment().putAll(cluster.environment());
    }
    Process process = builder.start();
    if (!process.waitFor(4, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Result slurm(Path dir) throws IOException, InterruptedException {
    return overlaysim(
        dir,
        "slurm",
        SWEEP.toString(),
        "--out",
        dir.resolve("out").toString(),
        "--shards",
        "3",
        "--parallel",
        "1",
        "--poll",
        "0.3");
  }

  @Test
  void twelveRunsInThreeArrayTasksGiveTheReportsOfOneLocalBatch(@TempDir Path dir)
      throws Exception {
    Result result = slurm(dir);

    assertThat(result.status()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("Submitted job array")
        .contains("tasks 0,1,2 of 3 shards, 12 runs")
        .contains("0 pending, 0 running, 3 completed, 0 failed; 12/12 runs complete")
        .contains("Merged 12 runs from 3 shards");
    ShardMergeTest.assertSameReports(dir.resolve("out"), local);
  }

  @Test
  void arrayTaskCancelledWhileRunningIsResubmittedAloneAndFinishedRunsAreKept(@TempDir Path dir)
      throws Exception {
    Path slow = Path.of("src", "test", "resources", "sharded-slow.yaml");
    Path out = dir.resolve("out");
    Path stdout = dir.resolve("slurm.out");
    List<String> args =
        List.of(
            "slurm",
            slow.toString(),
            "--out",
            out.toString(),
            "--shards",
            "3",
            "--parallel",
            "1",
            "--poll",
            "0.3");
    Process first = start(stdout, args);
    String job = awaitJobId(stdout, first);
    Path shardOne = out.resolve("shards").resolve("1");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (completeReports(shardOne).isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    ExternalCommand scancel = scancel(job + "_1");
    assertThat(scancel.ok()).as(scancel.err()).isTrue();
    Map<Path, byte[]> beforeKill = completeReports(shardOne);
    assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String firstOut = Files.readString(stdout);

    assertThat(first.exitValue()).as(firstOut).isEqualTo(1);
    assertThat(firstOut)
        .contains("task 1 (shard 1/3): CANCELLED")
        .contains("Resubmit only them: sbatch --array=1 ");
    assertThat(beforeKill).as("killed after its first run").isNotEmpty();
    assertThat(beforeKill.size()).as("killed before its last run").isLessThan(4);

    Result resubmitted = overlaysim(dir, args.toArray(String[]::new));

    assertThat(resubmitted.status()).as(resubmitted.out() + resubmitted.err()).isZero();
    assertThat(resubmitted.out())
        .contains("2 of 3 shards already complete")
        .contains("tasks 1 of 3 shards")
        .contains("Merged 12 runs from 3 shards");
    for (var e : beforeKill.entrySet()) {
      assertThat(Files.readAllBytes(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
    }
    assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(13);
  }

  private static Process start(Path stdout, List<String> args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(stdout.toFile());
    builder.environment().putAll(cluster.environment());
    return builder.start();
  }

  private static String awaitJobId(Path stdout, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline && process.isAlive()) {
      var matcher =
          java.util.regex.Pattern.compile("Submitted job array (\\d+)")
              .matcher(Files.exists(stdout) ? Files.readString(stdout) : "");
      if (matcher.find()) {
        return matcher.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no job submitted: " + Files.readString(stdout));
  }

  private static ExternalCommand scancel(String task) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("scancel", task);
    builder.environment().putAll(cluster.environment());
    Process p = builder.redirectErrorStream(true).start();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
      return new ExternalCommand(p.exitValue(), new String(p.getInputStream().readAllBytes()), "");
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  private static Map<Path, byte[]> completeReports(Path shards) throws IOException {
    Map<Path, byte[]> reports = new LinkedHashMap<>();
    if (!Files.isDirectory(shards)) {
      return reports;
    }
    try (var walk = Files.walk(shards)) {
      for (Path p : walk.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
        reports.put(p, Files.readAllBytes(p));
      }
    }
    return reports;
  }
}
