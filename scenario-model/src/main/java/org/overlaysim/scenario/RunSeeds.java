package org.overlaysim.scenario;

import org.overlaysim.engine.random.SplitMix64;

/**
 * Seeds of the runs of a scenario: {@code seed(s, p, r) = mix(mix(s + φ·(p + 1)) + φ·(r + 1))},
 * where {@code mix} is the SplitMix64 finaliser (Steele, Lea, Flood 2014) and {@code φ} its
 * increment 0x9e3779b97f4a7c15. Every (point, replication) gets a well-separated 64-bit seed,
 * adding points or replications never changes the seeds of the others, and the same file always
 * gives the same seeds.
 */
public final class RunSeeds {
  private static final long GOLDEN_GAMMA = SplitMix64.GOLDEN_GAMMA;

  private RunSeeds() {}

  public static long seed(long scenarioSeed, int point, int replication) {
    long pointSeed = mix(scenarioSeed + GOLDEN_GAMMA * (point + 1L));
    return mix(pointSeed + GOLDEN_GAMMA * (replication + 1L));
  }

  private static long mix(long z) {
    return SplitMix64.mix(z);
  }
}
