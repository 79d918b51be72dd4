package org.overlaysim.overlay.policy;

import org.overlaysim.engine.random.SplitMix64;

/**
 * A direct-mapped cache of verdict ids keyed by (src, dst, protocol, port), the two containers in
 * one word and protocol and port in the other, so container indices take their full range (a
 * cluster ten times Kubernetes' maximum has 1,500,000). Bounded (a colliding key overwrites the
 * slot), so memory stays fixed however many pairs a run touches; verdicts are pure functions of the
 * key, so eviction never changes a result.
 */
final class VerdictCache {
  private final long[] keys; // per slot: containers, then protocol and port
  private final int[] values; // -1 = empty
  private final int shift;

  /** Entries it holds (a power of two). */
  int entries() {
    return values.length;
  }

  VerdictCache(int entries) {
    if (entries < 1 || Integer.bitCount(entries) != 1) {
      throw new IllegalArgumentException("cache entries must be a power of two: " + entries);
    }
    keys = new long[2 * entries];
    values = new int[entries];
    java.util.Arrays.fill(values, -1);
    shift = 64 - Integer.numberOfTrailingZeros(entries);
  }

  /** The two containers of a key; -1 (outside the cluster) is a container like the others. */
  static long containers(int src, int dst) {
    return ((long) src << 32) | (dst & 0xFFFF_FFFFL);
  }

  /** Protocol and port of a key. */
  static long service(int protocol, int port) {
    return ((long) protocol << 32) | (port & 0xFFFF_FFFFL);
  }

  private int slot(long containers, long service) {
    // Fibonacci hashing spreads the packed fields over the top bits.
    long h = SplitMix64.spread(containers ^ SplitMix64.spread(service));
    return shift == 64 ? 0 : (int) (h >>> shift);
  }

  /** The cached verdict id, or -1. */
  int get(long containers, long service) {
    int slot = slot(containers, service);
    boolean hit = keys[2 * slot] == containers && keys[2 * slot + 1] == service;
    return hit ? values[slot] : -1;
  }

  void put(long containers, long service, int verdictId) {
    int slot = slot(containers, service);
    keys[2 * slot] = containers;
    keys[2 * slot + 1] = service;
    values[slot] = verdictId;
  }
}
