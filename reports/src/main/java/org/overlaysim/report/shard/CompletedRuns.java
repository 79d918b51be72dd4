package org.overlaysim.report.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.overlaysim.report.RunStore;
import org.overlaysim.report.shard.ShardManifest.PlannedRun;

/**
 * Which planned runs an output folder holds complete: {@code runs/<id>/report.json} present,
 * readable, naming the planned fingerprint and made by this build of overlaysim (a report of older
 * inputs, of another build, or cut short by a crash does not count), as {@code batch}'s resume
 * decides.
 */
public final class CompletedRuns {
  private CompletedRuns() {}

  /** The ids of the runs complete in {@code dir} whose fingerprint matches one of {@code plan}. */
  public static Set<String> in(Path dir, List<PlannedRun> plan) throws IOException {
    Set<String> complete = new TreeSet<>();
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return complete;
    }
    for (PlannedRun run : plan) {
      Path report = runs.resolve(run.id()).resolve(RunStore.REPORT_FILE);
      if (RunStore.find(report, run::fingerprint).state() == RunStore.State.COMPLETE) {
        complete.add(run.id());
      }
    }
    return complete;
  }

  /** How many folders under {@code dir/runs} hold a report.json (cheap, for progress lines). */
  public static int count(Path dir) throws IOException {
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      return (int) dirs.filter(d -> Files.isRegularFile(d.resolve(RunStore.REPORT_FILE))).count();
    }
  }
}
