package org.overlaysim.scenario;

/**
 * Seeds of the runs of a scenario: {@code seed(s, p, r) = mix(mix(s + φ·(p + 1)) + φ·(r + 1))},
 * where {@code mix} is the SplitMix64 finaliser (Steele, Lea, Flood 2014) and {@code φ} its
 * increment 0x9e3779b97f4a7c15. Every (point, replication) gets a well-separated 64-bit seed,
 * adding points or replications never changes the seeds of the others, and the same file always
 * gives the same seeds.
 */
public final class RunSeeds {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private RunSeeds() {}

  public static long seed(long scenarioSeed, int point, int replication) {
    long pointSeed = mix(scenarioSeed + GOLDEN_GAMMA * (point + 1L));
    return mix(pointSeed + GOLDEN_GAMMA * (replication + 1L));
  }

  /** The SplitMix64 output function (variant 13 of Stafford's mixers). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
