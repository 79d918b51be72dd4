package org.overlaysim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sbatch job-array script of a sharded batch: array task {@code i} runs {@code overlaysim batch
 * FILES --out DIR/shards/i --shard i/N}, logging to {@code DIR/slurm/<job>_<i>.log}.
 *
 * @param parallel runs at once per task (also its --cpus-per-task), or 0 for the batch default
 * @param partition the Slurm partition, or null for the cluster's default
 */
record SlurmScript(
    List<String> launcher,
    List<Path> files,
    List<String> overrides,
    Path out,
    int shards,
    int parallel,
    String partition,
    String jobName) {
  static final String FILE = "overlaysim-array.sh";

  SlurmScript {
    launcher = List.copyOf(launcher);
    files = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    overrides = List.copyOf(overrides);
    out = out.toAbsolutePath().normalize();
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1: " + shards);
    }
    // These go unquoted into #SBATCH and comment lines: SlurmCommand refuses them as user input.
    if (partition != null && !partition.matches(PARTITION)) {
      throw new IllegalArgumentException("not a partition name: " + Shell.printable(partition));
    }
    if (!jobName.matches(PARTITION) || !out.toString().matches("[^\\s\\p{Cntrl}\"'\\\\]+")) {
      throw new IllegalArgumentException("a job name or folder a script line cannot hold");
    }
  }

  /** A Slurm partition (or job) name, or several separated by ','. */
  static final String PARTITION = "[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*";

  static Path logDir(Path out) {
    return out.resolve("slurm");
  }

  static Path shardDir(Path out, int index) {
    return out.resolve("shards").resolve(Integer.toString(index));
  }

  Path path() {
    return logDir(out).resolve(FILE);
  }

  Path log(String jobId, int task) {
    return logDir(out).resolve(jobId + "_" + task + ".log");
  }

  String render() {
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/bash");
    lines.add("# Written by 'overlaysim slurm': one array task per shard of the batch (0-based).");
    lines.add("# Resubmit some shards only: sbatch --array=1,4 " + Shell.quote(path().toString()));
    lines.add("# Then merge: overlaysim merge " + out.resolve("shards") + "/* --out " + out);
    lines.add("#SBATCH --job-name=" + jobName);
    lines.add("#SBATCH --array=0-" + (shards - 1));
    lines.add("#SBATCH --output=" + logDir(out).resolve("%A_%a.log"));
    if (partition != null) {
      lines.add("#SBATCH --partition=" + partition);
    }
    if (parallel > 0) {
      lines.add("#SBATCH --cpus-per-task=" + parallel);
    }
    lines.add("set -euo pipefail");
    lines.add("shard=\"${SLURM_ARRAY_TASK_ID:?run me with sbatch --array}\"");
    List<String> command = new ArrayList<>(launcher);
    command.add("batch");
    files.forEach(f -> command.add(f.toString()));
    StringBuilder exec = new StringBuilder("exec " + Shell.join(command));
    exec.append(" --out ")
        .append(Shell.quote(out.resolve("shards").toString()))
        .append("/\"$shard\"")
        .append(" --shard \"$shard/")
        .append(shards)
        .append('"');
    if (parallel > 0) {
      exec.append(" --parallel ").append(parallel);
    }
    for (String override : overrides) {
      exec.append(" --set ").append(Shell.quote(override));
    }
    lines.add(exec.toString());
    return String.join("\n", lines) + "\n";
  }
}
