package org.overlaysim.engine.random;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014): a bijective 64-bit mix, used to derive independent seeds and to expand one seed
 * into a generator's state, as its authors and xoshiro's recommend.
 */
public final class SplitMix64 {
  /** The golden-ratio increment of SplitMix64's state. */
  public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SplitMix64() {}

  /** Mixes {@code z} so that every input bit affects every output bit. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Fibonacci hashing (Knuth, TAOCP 6.4): the key times 2^64/φ, this generator's gamma; the top
   * bits of the product index a power-of-two table. One multiply, for the hash tables of the packet
   * path (primitive maps, the conntrack table, the verdict cache), where {@link #mix}'s three
   * rounds would cost; exact-keyed tables need spread, not a bijective mix.
   */
  public static long spread(long key) {
    return key * GOLDEN_GAMMA;
  }

  /**
   * A stable 64-bit hash of a name: FNV-1a over its UTF-8 bytes, then mixed. Unlike {@link
   * String#hashCode()} it has 64 bits (no collisions among realistic stream names) and is not
   * affected by the JDK.
   */
  public static long hash(String name) {
    long h = 0xCBF29CE484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return mix(h ^ name.length());
  }
}
