package org.overlaysim.engine;

import java.util.SplittableRandom;

/**
 * Independent named random streams derived from one scenario seed and a replication number. Asking
 * for a new stream never changes the numbers of another (ns-3's substreams).
 *
 * <p>PLACEHOLDER: the engine issue replaces the derivation and adds distributions; the signature
 * stays.
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;

  public RandomStreams(long seed, int replication) {
    this.seed = seed;
    this.replication = replication;
  }

  /** The stream named {@code name}, the same numbers each time for the same seed. */
  public RandomStream stream(String name) {
    long h = seed * 0x9E3779B97F4A7C15L + replication;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * 0x100000001B3L;
    }
    return new RandomStream(new SplittableRandom(h));
  }
}
