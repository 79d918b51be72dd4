package org.overlaysim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.overlaysim.report.RunReport;
import org.overlaysim.report.shard.CompletedRuns;
import org.overlaysim.report.shard.ShardManifest;
import org.overlaysim.report.shard.ShardManifest.PlannedRun;
import org.overlaysim.report.shard.ShardSpec;
import org.overlaysim.scenario.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim slurm FILE... --out DIR --shards N}: a batch as a Slurm job array. */
@Command(
    name = "slurm",
    mixinStandardHelpOptions = true,
    description = {
      "Run a batch on a Slurm cluster: writes DIR/slurm/overlaysim-array.sh, a job array with"
          + " one task per shard ('overlaysim batch --shard $SLURM_ARRAY_TASK_ID/N' into"
          + " DIR/shards/<i>), submits it with sbatch, follows it with squeue and merges the"
          + " shards into DIR at the end.",
      "Run again on the same DIR, it submits only the shards not yet complete; complete runs"
          + " are never redone. DIR, the scenario files and overlaysim must be on storage the"
          + " nodes share."
    })
final class SlurmCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--shards", required = true, paramLabel = "N", description = "Array tasks.")
  int shards;

  @Option(names = "--partition", paramLabel = "P", description = "Slurm partition.")
  String partition;

  @Option(
      names = "--parallel",
      paramLabel = "K",
      description = "Runs at once in each task (and its --cpus-per-task); default: the node's.")
  int parallel;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a value in every scenario, e.g. --set duration=10s.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--emit-only", description = "Write the script, submit nothing.")
  boolean emitOnly;

  @Option(
      names = "--poll",
      paramLabel = "SECONDS",
      description = "Seconds between squeue polls (default ${DEFAULT-VALUE}).")
  double pollSeconds = 5;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (shards < 1) {
      throw new UserInputException("--shards must be at least 1, not " + shards);
    }
    if (parallel < 0) {
      throw new UserInputException("--parallel must be at least 1, not " + parallel);
    }
    if (!(pollSeconds > 0)) {
      throw new UserInputException("--poll must be positive, not " + pollSeconds);
    }
    if (partition != null && !partition.matches(SlurmScript.PARTITION)) {
      throw new UserInputException(
          "--partition '"
              + Shell.printable(partition)
              + "': a Slurm partition name holds letters, digits, '_', '.' and '-'"
              + " (several separated by ',')");
    }
    String dirName = out.toAbsolutePath().normalize().toString();
    if (Shell.hasControl(dirName) || !dirName.matches("[^\\s\"'\\\\]+")) {
      throw new UserInputException(
          "--out '"
              + Shell.printable(dirName)
              + "': the script's #SBATCH --output line cannot hold a folder name with spaces,"
              + " quotes, backslashes or control characters; choose another folder");
    }
    List<Run> runs = BatchInputs.load(files, overrides);
    OutputDirectory.usable(out);
    Path dir = out.toAbsolutePath().normalize();
    SlurmScript script =
        new SlurmScript(
            Launcher.command(), files, overrides, dir, shards, parallel, partition, "overlaysim");
    Files.createDirectories(SlurmScript.logDir(dir));
    Files.writeString(script.path(), script.render());
    Files.setPosixFilePermissions(script.path(), PosixFilePermissions.fromString("rwxr-xr-x"));
    PrintWriter console = spec.commandLine().getOut();
    if (emitOnly) {
      console.println("Wrote " + script.path());
      console.println("Submit it: sbatch " + script.path());
      console.println("Then merge: overlaysim merge " + dir.resolve("shards") + "/* --out " + dir);
      return ExitCodes.OK;
    }

    List<PlannedRun> plan = ShardedBatch.plan(runs);
    refuseOtherShardCounts(dir);
    List<Integer> incomplete = incompleteShards(dir, plan);
    if (!incomplete.isEmpty()) {
      if (incomplete.size() < shards) {
        console.printf(
            "%d of %d shards already complete; submitting the others%n",
            shards - incomplete.size(), shards);
      }
      String jobId = SlurmQueue.submit(script, incomplete);
      console.printf(
          "Submitted job array %s: tasks %s of %d shards, %d runs; logs in %s%n",
          jobId, join(incomplete), shards, runs.size(), SlurmScript.logDir(dir));
      watch(console, jobId, incomplete, dir, plan);
      List<Integer> failed = incompleteShards(dir, plan);
      if (!failed.isEmpty()) {
        reportFailures(jobId, failed, script, dir, plan);
        return ExitCodes.INTERNAL_FAILURE;
      }
    } else {
      console.printf("All %d shards already complete%n", shards);
    }
    List<Path> shardDirs = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      shardDirs.add(SlurmScript.shardDir(dir, i));
    }
    List<RunReport> merged = MergeCommand.merge(shardDirs, dir);
    console.printf("Merged %d runs from %d shards into %s%n", merged.size(), shards, dir);
    return ExitCodes.OK;
  }

  /** A DIR sharded with another --shards would mix two assignments of runs to shards. */
  private void refuseOtherShardCounts(Path dir) throws IOException {
    Path shardsDir = dir.resolve("shards");
    if (!Files.isDirectory(shardsDir)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    try (var dirs = Files.list(shardsDir)) {
      for (Path shard : dirs.sorted().toList()) {
        Optional<ShardManifest> manifest = ShardManifest.read(shard);
        if (manifest.isPresent() && manifest.get().shardCount() != shards) {
          problems.add(
              shard
                  + ": holds shard "
                  + manifest.get().shard()
                  + " of an earlier submission; give --shards "
                  + manifest.get().shardCount()
                  + " again, or another --out");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new UserInputException(problems);
    }
  }

  /** Shards whose folder lacks the manifest or one of its runs (complete, same inputs). */
  private List<Integer> incompleteShards(Path dir, List<PlannedRun> plan) throws IOException {
    List<Integer> incomplete = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      if (missing(dir, plan, i) > 0 || ShardManifest.read(SlurmScript.shardDir(dir, i)).isEmpty()) {
        incomplete.add(i);
      }
    }
    return incomplete;
  }

  private int missing(Path dir, List<PlannedRun> plan, int shard) throws IOException {
    ShardSpec spec = new ShardSpec(shard, shards);
    List<PlannedRun> own = plan.stream().filter(r -> spec.contains(r.id())).toList();
    return own.size() - CompletedRuns.in(SlurmScript.shardDir(dir, shard), own).size();
  }

  /** Polls squeue until no task of the array is left, printing each change of the counts. */
  private void watch(
      PrintWriter console, String jobId, List<Integer> tasks, Path dir, List<PlannedRun> plan)
      throws IOException, InterruptedException {
    String last = "";
    int failures = 0;
    while (true) {
      Optional<Map<Integer, String>> queued = SlurmQueue.queued(jobId);
      if (queued.isEmpty()) {
        if (++failures >= 12) {
          throw new UserInputException(
              "squeue has not answered about job " + jobId + " for a minute; follow it by hand");
        }
        Thread.sleep((long) (pollSeconds * 1000));
        continue;
      }
      failures = 0;
      int pending = 0;
      int running = 0;
      int completed = 0;
      int failed = 0;
      for (int task : tasks) {
        String state = queued.get().get(task);
        if (state == null) {
          if (missing(dir, plan, task) == 0) {
            completed++;
          } else {
            failed++;
          }
        } else if (state.equals("PENDING") || state.equals("CONFIGURING")) {
          pending++;
        } else {
          running++;
        }
      }
      int done = 0;
      for (int i = 0; i < shards; i++) {
        ShardSpec spec = new ShardSpec(i, shards);
        done +=
            CompletedRuns.in(
                    SlurmScript.shardDir(dir, i),
                    plan.stream().filter(r -> spec.contains(r.id())).toList())
                .size();
      }
      String line =
          String.format(
              "job %s: %d pending, %d running, %d completed, %d failed; %d/%d runs complete",
              jobId, pending, running, completed, failed, done, plan.size());
      if (!line.equals(last)) {
        console.println(line);
        last = line;
      }
      if (queued.get().isEmpty() || pending + running == 0) {
        return;
      }
      Thread.sleep((long) (pollSeconds * 1000));
    }
  }

  private void reportFailures(
      String jobId, List<Integer> failed, SlurmScript script, Path dir, List<PlannedRun> plan)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Map<Integer, String> states = SlurmQueue.ended(jobId);
    Map<Integer, Integer> missing = new TreeMap<>();
    for (int task : failed) {
      missing.put(task, missing(dir, plan, task));
    }
    err.printf("%d array task(s) of job %s failed: %s%n", failed.size(), jobId, join(failed));
    missing.forEach(
        (task, count) ->
            err.printf(
                "  task %d (shard %d/%d): %s, %d runs missing; log %s%n",
                task,
                task,
                shards,
                states.getOrDefault(task, "ended"),
                count,
                script.log(jobId, task)));
    err.printf("Resubmit only them: sbatch --array=%s %s%n", join(failed), script.path());
    err.printf("  then merge: overlaysim merge %s/* --out %s%n", dir.resolve("shards"), dir);
    err.println(
        "Or run this same 'overlaysim slurm' command again: it submits only the incomplete shards"
            + " and keeps every complete run.");
  }

  private static String join(List<Integer> indices) {
    return String.join(",", indices.stream().map(String::valueOf).toList());
  }
}
