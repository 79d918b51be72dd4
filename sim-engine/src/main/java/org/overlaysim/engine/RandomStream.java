package org.overlaysim.engine;

import java.util.SplittableRandom;

/** One independent sequence of random numbers; not thread-safe. PLACEHOLDER (see RandomStreams). */
public final class RandomStream {
  private final SplittableRandom random;

  RandomStream(SplittableRandom random) {
    this.random = random;
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** Uniform in [0, bound). */
  public long nextLong(long bound) {
    return random.nextLong(bound);
  }

  /** Exponential with the given mean. */
  public double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }
}
