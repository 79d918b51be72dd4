package org.overlaysim.engine;

import org.overlaysim.engine.random.SplitMix64;

/**
 * Independent named random streams derived from one scenario seed and a replication number (ns-3's
 * SetSeed/SetRun/AssignStreams). A stream's numbers depend only on (seed, replication, name):
 * asking for another stream, or for streams in another order, never changes them.
 *
 * <p>The stream's seed is SplitMix64 applied over the seed, the replication and a 64-bit FNV-1a
 * hash of the name's UTF-8 bytes; that seed is expanded into a xoshiro256++ state.
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;
  private final long base;

  public RandomStreams(long seed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0, got " + replication);
    }
    this.seed = seed;
    this.replication = replication;
    this.base = SplitMix64.mix(SplitMix64.mix(seed) + SplitMix64.GOLDEN_GAMMA * (replication + 1L));
  }

  public long seed() {
    return seed;
  }

  public int replication() {
    return replication;
  }

  /**
   * A new stream named {@code name}, starting at the same numbers every time it is asked for with
   * the same seed and replication. Give each consumer its own name (e.g. {@code "link/a-b/loss"}).
   */
  public RandomStream stream(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("stream name must not be empty");
    }
    return new RandomStream(SplitMix64.mix(base ^ SplitMix64.hash(name)));
  }
}
