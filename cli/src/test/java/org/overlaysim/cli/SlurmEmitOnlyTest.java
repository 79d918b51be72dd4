package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code overlaysim slurm --emit-only}: the job-array script, written and not submitted. */
class SlurmEmitOnlyTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int overlaysim(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void scriptIsAnArrayWithOneTaskPerShardRunningItsShard(@TempDir Path dir) throws IOException {
    int status =
        overlaysim(
            "slurm",
            ShardMergeTest.SWEEP.toString(),
            "--out",
            dir.toString(),
            "--shards",
            "4",
            "--partition",
            "short",
            "--parallel",
            "2",
            "--set",
            "seed=9",
            "--emit-only");

    assertThat(status).as(err.toString()).isZero();
    String script = Files.readString(dir.resolve("slurm").resolve("overlaysim-array.sh"));
    assertThat(script)
        .startsWith("#!/bin/bash\n")
        .contains("#SBATCH --array=0-3\n")
        .contains("#SBATCH --partition=short\n")
        .contains("#SBATCH --cpus-per-task=2\n")
        .contains("#SBATCH --output=" + dir.toAbsolutePath() + "/slurm/%A_%a.log\n")
        .contains(" batch " + ShardMergeTest.SWEEP.toAbsolutePath())
        .contains("--out " + dir.toAbsolutePath() + "/shards/\"$shard\" --shard \"$shard/4\"")
        .contains("--parallel 2 --set seed=9");
    assertThat(Files.isExecutable(dir.resolve("slurm").resolve("overlaysim-array.sh"))).isTrue();
    assertThat(out.toString()).contains("Submit it: sbatch ");
    assertThat(dir.resolve("shards")).doesNotExist();
  }

  @Test
  void aPartitionThatWouldAddALineToTheScriptIsRefused(@TempDir Path dir) {
    int status =
        overlaysim(
            "slurm",
            ShardMergeTest.SWEEP.toString(),
            "--out",
            dir.toString(),
            "--shards",
            "2",
            "--partition",
            "short\n#SBATCH --time=99-00:00:00",
            "--emit-only");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "--partition 'short\\n#SBATCH --time=99-00:00:00': a Slurm partition name holds"
                + " letters, digits, '_', '.' and '-' (several separated by ',')\n");
    assertThat(dir.resolve("slurm")).doesNotExist();
  }

  @Test
  void aFolderTheSbatchLineCannotHoldIsRefused(@TempDir Path dir) {
    Path out = dir.resolve("my results");
    int status =
        overlaysim(
            "slurm", ShardMergeTest.SWEEP.toString(), "--out", out.toString(), "--shards", "2");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "--out '"
                + out.toAbsolutePath()
                + "': the script's #SBATCH --output line cannot hold a folder name with spaces,"
                + " quotes, backslashes or control characters; choose another folder\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aFolderShardedWithAnotherShardCountIsRefusedBeforeSubmitting(@TempDir Path dir) {
    Path shard = dir.resolve("shards").resolve("0");
    assertThat(
            overlaysim(
                "batch",
                ShardMergeTest.SWEEP.toString(),
                "--out",
                shard.toString(),
                "--shard",
                "0/2"))
        .isZero();

    int status =
        overlaysim(
            "slurm", ShardMergeTest.SWEEP.toString(), "--out", dir.toString(), "--shards", "3");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("holds shard 0/2 of an earlier submission");
  }

  @Test
  void zeroShardsIsAUserError(@TempDir Path dir) {
    assertThat(
            overlaysim(
                "slurm",
                ShardMergeTest.SWEEP.toString(),
                "--out",
                dir.toString(),
                "--shards",
                "0",
                "--emit-only"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--shards must be at least 1");
  }
}
