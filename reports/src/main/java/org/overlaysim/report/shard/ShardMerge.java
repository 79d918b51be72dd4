package org.overlaysim.report.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.overlaysim.report.ReplicationStatistics;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.RunReport;
import org.overlaysim.report.RunStore;
import org.overlaysim.report.TimeSeriesReport;
import org.overlaysim.report.shard.ShardManifest.PlannedRun;

/**
 * Combines the output folders of a sharded batch into what one unsharded batch of the same files
 * writes: the combined CSV files at the top of the output folder, rows in batch order (from the
 * manifests), and every run's folder under {@code runs/}. Refuses, listing every problem, a set of
 * folders that is not exactly one batch: missing runs, a run in two folders, disagreeing manifests.
 */
public final class ShardMerge {
  private ShardMerge() {}

  /**
   * Checks the shard folders, then writes the merged reports to {@code out}.
   *
   * @return the merged reports, in batch order
   */
  public static List<RunReport> merge(List<Path> shardDirs, Path out)
      throws IOException, MergeRefusedException {
    Map<Path, ShardManifest> manifests = manifests(shardDirs);
    ShardManifest plan = manifests.values().iterator().next();
    Map<String, List<Path>> holders = holders(manifests, plan);
    refuseUnlessExactlyOnce(manifests, plan, holders);

    Map<Path, Map<String, RunReport>> stored = new LinkedHashMap<>();
    for (Path dir : manifests.keySet()) {
      Map<String, RunReport> byId = new TreeMap<>();
      for (RunReport report : RunStore.readAll(dir)) {
        byId.put(report.runId(), report);
      }
      stored.put(dir, byId);
    }
    List<RunReport> reports = new ArrayList<>();
    for (PlannedRun run : plan.runs()) {
      Path from = holders.get(run.id()).get(0);
      reports.add(stored.get(from).get(run.id()));
      copyRun(new RunStore(from).runDir(run.id()), new RunStore(out).runDir(run.id()));
    }
    ReportFiles.write(out, reports);
    ReplicationStatistics.writeIfReplicated(out, reports);
    TimeSeriesReport.combine(out, reports);
    return List.copyOf(reports);
  }

  private static Map<Path, ShardManifest> manifests(List<Path> shardDirs)
      throws IOException, MergeRefusedException {
    if (shardDirs.isEmpty()) {
      throw new MergeRefusedException(List.of("no shard folder given"));
    }
    List<String> problems = new ArrayList<>();
    Map<Path, ShardManifest> manifests = new LinkedHashMap<>();
    for (Path dir : shardDirs) {
      if (!Files.isDirectory(dir)) {
        problems.add(dir + ": no such directory");
        continue;
      }
      var manifest = ShardManifest.read(dir);
      if (manifest.isEmpty()) {
        problems.add(
            dir + ": no " + ShardManifest.FILE + " (not written by 'overlaysim batch --shard')");
      } else if (manifests.putIfAbsent(dir.toAbsolutePath().normalize(), manifest.get()) != null) {
        problems.add(dir + ": given twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new MergeRefusedException(problems);
    }
    Map.Entry<Path, ShardManifest> first = manifests.entrySet().iterator().next();
    for (var e : manifests.entrySet()) {
      if (!e.getValue().sameBatchAs(first.getValue())) {
        problems.add(
            e.getKey()
                + ": manifest disagrees with "
                + first.getKey()
                + " ("
                + difference(e.getValue(), first.getValue())
                + "): not shards of the same batch");
      }
    }
    if (!problems.isEmpty()) {
      throw new MergeRefusedException(problems);
    }
    return manifests;
  }

  private static String difference(ShardManifest a, ShardManifest b) {
    if (a.shardCount() != b.shardCount()) {
      return a.shardCount() + " shards vs " + b.shardCount();
    }
    if (a.runs().size() != b.runs().size()) {
      return a.runs().size() + " runs vs " + b.runs().size();
    }
    for (int i = 0; i < a.runs().size(); i++) {
      PlannedRun x = a.runs().get(i);
      PlannedRun y = b.runs().get(i);
      if (!x.id().equals(y.id())) {
        return "run " + (i + 1) + " is " + x.id() + " vs " + y.id();
      }
      if (!x.fingerprint().equals(y.fingerprint())) {
        return "run " + x.id() + " has other inputs (fingerprint differs)";
      }
    }
    return "inputs differ";
  }

  /** For each planned run, the folders that hold it complete, in the order the folders came. */
  private static Map<String, List<Path>> holders(
      Map<Path, ShardManifest> manifests, ShardManifest plan) throws IOException {
    Map<String, List<Path>> holders = new LinkedHashMap<>();
    plan.runs().forEach(r -> holders.put(r.id(), new ArrayList<>()));
    for (Path dir : manifests.keySet()) {
      for (String id : CompletedRuns.in(dir, plan.runs())) {
        holders.get(id).add(dir);
      }
    }
    return holders;
  }

  private static void refuseUnlessExactlyOnce(
      Map<Path, ShardManifest> manifests, ShardManifest plan, Map<String, List<Path>> holders)
      throws MergeRefusedException {
    List<String> problems = new ArrayList<>();
    Map<Integer, List<Path>> byShard = new TreeMap<>();
    manifests.forEach(
        (dir, m) -> byShard.computeIfAbsent(m.shardIndex(), i -> new ArrayList<>()).add(dir));
    byShard.forEach(
        (index, dirs) -> {
          if (dirs.size() > 1) {
            problems.add(
                "shard " + index + "/" + plan.shardCount() + " given more than once: " + dirs);
          }
        });
    holders.forEach(
        (id, dirs) -> {
          if (dirs.size() > 1) {
            problems.add("run " + id + " is duplicated: complete in " + dirs);
          }
        });
    Map<Integer, List<String>> missing = new TreeMap<>();
    for (PlannedRun run : plan.runs()) {
      if (holders.get(run.id()).isEmpty()) {
        missing
            .computeIfAbsent(ShardSpec.shardOf(run.id(), plan.shardCount()), i -> new ArrayList<>())
            .add(run.id());
      }
    }
    missing.forEach(
        (index, ids) -> {
          List<Path> dirs = byShard.get(index);
          long planned =
              plan.runs().stream()
                  .filter(r -> ShardSpec.shardOf(r.id(), plan.shardCount()) == index)
                  .count();
          problems.add(
              "shard "
                  + index
                  + "/"
                  + plan.shardCount()
                  + (dirs == null ? " (no folder given)" : " (" + dirs.get(0) + ")")
                  + ": "
                  + ids.size()
                  + " of "
                  + planned
                  + " runs missing: "
                  + String.join(", ", ids));
        });
    if (!problems.isEmpty()) {
      throw new MergeRefusedException(problems);
    }
  }

  /** Copies a run's folder, report.json last so a half-copied run never looks complete. */
  private static void copyRun(Path from, Path to) throws IOException {
    if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
      return;
    }
    Files.createDirectories(to);
    Files.deleteIfExists(to.resolve(RunStore.REPORT_FILE));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.sorted().toList();
    }
    for (Path source : files) {
      if (source.getFileName().toString().equals(RunStore.REPORT_FILE)
          && source.getParent().equals(from)) {
        continue;
      }
      Path target = to.resolve(from.relativize(source).toString());
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(
        from.resolve(RunStore.REPORT_FILE),
        to.resolve(RunStore.REPORT_FILE),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
