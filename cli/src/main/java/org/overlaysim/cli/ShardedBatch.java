package org.overlaysim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.overlaysim.report.RunStore;
import org.overlaysim.report.shard.ShardManifest;
import org.overlaysim.report.shard.ShardManifest.PlannedRun;
import org.overlaysim.report.shard.ShardSpec;
import org.overlaysim.scenario.Run;

/** {@code batch --shard I/N}: records the whole batch in the shard's folder, keeps its own runs. */
final class ShardedBatch {
  private ShardedBatch() {}

  static ShardSpec parse(String text) {
    try {
      return ShardSpec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--shard: " + e.getMessage());
    }
  }

  /** The whole batch as a manifest for shard {@code shard}. */
  static ShardManifest manifest(
      ShardSpec shard, List<Path> files, List<String> overrides, List<Run> runs) {
    return new ShardManifest(
        shard.index(),
        shard.count(),
        files.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList(),
        overrides,
        plan(runs));
  }

  static List<PlannedRun> plan(List<Run> runs) {
    return runs.stream().map(r -> new PlannedRun(r.id(), RunStore.fingerprint(r))).toList();
  }

  /**
   * Writes {@code DIR/shard.json} and returns the runs of the shard, in batch order. A folder that
   * already holds another shard (or the shards of another count) is refused: its runs would be
   * merged as this shard's.
   */
  static List<Run> prepare(
      Path out, ShardSpec shard, List<Path> files, List<String> overrides, List<Run> runs)
      throws IOException {
    Optional<ShardManifest> existing = ShardManifest.read(out);
    if (existing.isPresent() && !existing.get().shard().equals(shard)) {
      throw new UserInputException(
          out
              + ": holds shard "
              + existing.get().shard()
              + ", not "
              + shard
              + " (give each shard its own --out)");
    }
    manifest(shard, files, overrides, runs).write(out);
    return runs.stream().filter(r -> shard.contains(r.id())).toList();
  }
}
