package org.overlaysim.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Slurm says about the tasks of one job array: {@code squeue} for the tasks still queued or
 * running; for ended ones {@code scontrol show job} (kept for MinJobAge after the end) or, where
 * accounting is on, {@code sacct}. The shard's own files decide whether an ended task succeeded.
 */
final class SlurmQueue {
  private SlurmQueue() {}

  /** Submits the script for these array indices; returns the job id. */
  static String submit(SlurmScript script, List<Integer> tasks) throws IOException {
    String array = String.join(",", tasks.stream().map(String::valueOf).toList());
    ExternalCommand sbatch =
        ExternalCommand.run(
            List.of("sbatch", "--parsable", "--array=" + array, script.path().toString()));
    if (!sbatch.ok()) {
      throw new UserInputException(
          "sbatch refused the job array (exit " + sbatch.exitCode() + "): " + sbatch.err().strip());
    }
    String id = sbatch.out().strip();
    int semicolon = id.indexOf(';'); // "<job id>;<cluster>" on federated clusters
    return semicolon < 0 ? id : id.substring(0, semicolon);
  }

  /** Array index to squeue state (PENDING, RUNNING, ...) of the tasks not ended; empty = none. */
  static Optional<Map<Integer, String>> queued(String jobId) throws IOException {
    ExternalCommand squeue =
        ExternalCommand.run(List.of("squeue", "-h", "-r", "-j", jobId, "-o", "%K %T"));
    Map<Integer, String> tasks = new TreeMap<>();
    if (!squeue.ok()) {
      // A job whose record is already purged is "invalid": all of it has ended.
      return squeue.err().contains("Invalid job id") ? Optional.of(tasks) : Optional.empty();
    }
    for (String line : squeue.out().lines().toList()) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length == 2 && cells[0].matches("\\d+")) {
        tasks.put(Integer.parseInt(cells[0]), cells[1]);
      }
    }
    return Optional.of(tasks);
  }

  /** Array index to "STATE exit N:S" of ended tasks, as far as Slurm still knows them. */
  static Map<Integer, String> ended(String jobId) throws IOException {
    Map<Integer, String> states = new TreeMap<>();
    ExternalCommand scontrol = ExternalCommand.run(List.of("scontrol", "-o", "show", "job", jobId));
    if (scontrol.ok()) {
      for (String record : scontrol.out().lines().toList()) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : record.trim().split("\\s+")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
        String task = fields.get("ArrayTaskId");
        if (task != null && task.matches("\\d+")) {
          states.put(
              Integer.parseInt(task),
              fields.getOrDefault("JobState", "?")
                  + " exit "
                  + fields.getOrDefault("ExitCode", "?"));
        }
      }
    }
    if (states.isEmpty()) {
      ExternalCommand sacct =
          ExternalCommand.run(
              List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,ExitCode"));
      if (sacct.ok()) {
        for (String line : sacct.out().lines().toList()) {
          String[] cells = line.split("\\|");
          String prefix = jobId + "_";
          if (cells.length == 3 && cells[0].startsWith(prefix)) {
            String task = cells[0].substring(prefix.length());
            if (task.matches("\\d+")) {
              states.put(Integer.parseInt(task), cells[1] + " exit " + cells[2]);
            }
          }
        }
      }
    }
    return states;
  }
}
