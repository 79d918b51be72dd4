package org.overlaysim.overlay.policy;

import org.overlaysim.engine.random.SplitMix64;

/**
 * A direct-mapped cache of verdict ids keyed by a packed (src, dst, protocol, port) long. Bounded
 * (a colliding key overwrites the slot), so memory stays fixed however many pairs a run touches;
 * verdicts are pure functions of the key, so eviction never changes a result.
 */
final class VerdictCache {
  static final long EMPTY = -1L;

  private final long[] keys;
  private final int[] values;
  private final int shift;

  VerdictCache(int entries) {
    if (entries < 1 || Integer.bitCount(entries) != 1) {
      throw new IllegalArgumentException("cache entries must be a power of two: " + entries);
    }
    keys = new long[entries];
    values = new int[entries];
    java.util.Arrays.fill(keys, EMPTY);
    shift = 64 - Integer.numberOfTrailingZeros(entries);
  }

  /** src and dst below 2^20 - 1, protocol below 256, port below 65536. */
  static long key(int src, int dst, int protocol, int port) {
    return ((long) src << 44) | ((long) dst << 24) | ((long) protocol << 16) | port;
  }

  private int slot(long key) {
    // Fibonacci hashing spreads the packed fields over the top bits.
    return shift == 64 ? 0 : (int) (SplitMix64.spread(key) >>> shift);
  }

  /** The cached verdict id, or -1. */
  int get(long key) {
    int slot = slot(key);
    return keys[slot] == key ? values[slot] : -1;
  }

  void put(long key, int verdictId) {
    int slot = slot(key);
    keys[slot] = key;
    values[slot] = verdictId;
  }
}
