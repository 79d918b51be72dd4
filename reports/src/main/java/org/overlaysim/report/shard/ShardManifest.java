package org.overlaysim.report.shard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.overlaysim.report.ReportFiles;

/**
 * {@code shard.json} in a shard's output folder, written by a sharded batch before it runs
 * anything: the whole batch's runs in batch order (with the fingerprint of their inputs), the
 * shard, and the input files. Merge needs it to know which runs to expect and in which order to
 * write the rows, so the merged files equal those of one unsharded batch.
 *
 * @param shardIndex this folder's shard, 0-based
 * @param shardCount the number of shards of the batch
 * @param inputs the scenario files, absolute, in command-line order
 * @param overrides the {@code --set} values, in order
 * @param runs every run of the whole batch (all shards), in batch order
 */
public record ShardManifest(
    int shardIndex,
    int shardCount,
    List<String> inputs,
    List<String> overrides,
    List<PlannedRun> runs) {
  public static final String FILE = "shard.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .build();

  /** One run of the batch: its id and the fingerprint of its inputs (RunStore.fingerprint). */
  public record PlannedRun(String id, String fingerprint) {
    public PlannedRun {
      if (id == null || id.isBlank() || fingerprint == null || fingerprint.isBlank()) {
        throw new IllegalArgumentException("a planned run needs an id and a fingerprint");
      }
    }
  }

  public ShardManifest {
    new ShardSpec(shardIndex, shardCount); // validates
    inputs = List.copyOf(inputs);
    overrides = List.copyOf(overrides);
    runs = List.copyOf(runs);
  }

  public ShardSpec shard() {
    return new ShardSpec(shardIndex, shardCount);
  }

  /** The runs of the batch that belong to this manifest's shard, in batch order. */
  public List<PlannedRun> ownRuns() {
    ShardSpec shard = shard();
    return runs.stream().filter(r -> shard.contains(r.id())).toList();
  }

  /**
   * True when both describe the same batch: the same shard count and the same runs in the same
   * order with the same fingerprints (input paths may differ between machines, so they do not
   * count).
   */
  public boolean sameBatchAs(ShardManifest other) {
    return shardCount == other.shardCount && runs.equals(other.runs);
  }

  public static Path file(Path shardDir) {
    return shardDir.resolve(FILE);
  }

  public void write(Path shardDir) throws IOException {
    Files.createDirectories(shardDir);
    ReportFiles.writeAtomically(
        file(shardDir), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
  }

  /** The manifest of a shard folder, if it has one. */
  public static Optional<ShardManifest> read(Path shardDir) throws IOException {
    Path file = file(shardDir);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), ShardManifest.class));
  }
}
