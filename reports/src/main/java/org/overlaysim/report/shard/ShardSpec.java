package org.overlaysim.report.shard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Shard {@code index} of {@code count} (0-based, {@code 0 <= index < count}, the numbering of Slurm
 * array tasks given {@code --array=0-(N-1)} and of Kubernetes' {@code JOB_COMPLETION_INDEX}). A run
 * belongs to exactly one shard, chosen by a hash of its id alone: the assignment is stable across
 * machines, Java versions and the order of the files, and any shard count covers every run once.
 */
public record ShardSpec(int index, int count) {
  public ShardSpec {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be at least 1, not " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard index must be in 0.." + (count - 1) + " for " + count + " shards, not " + index);
    }
  }

  /** Parses {@code I/N}, e.g. {@code 0/3}; throws IllegalArgumentException with a user message. */
  public static ShardSpec parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "shard must be I/N (0-based index I of N shards), e.g. 0/3, not '" + text + "'");
    }
    try {
      return new ShardSpec(
          Integer.parseInt(text.substring(0, slash).trim()),
          Integer.parseInt(text.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "shard must be I/N (0-based index I of N shards), e.g. 0/3, not '" + text + "'", e);
    }
  }

  /** The shard of a run: the first 8 bytes of SHA-256(run id), unsigned, modulo {@code count}. */
  public static int shardOf(String runId, int count) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
      return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), count);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public boolean contains(String runId) {
    return shardOf(runId, count) == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
