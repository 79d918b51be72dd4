package org.overlaysim.topology.internal;

import java.util.Arrays;

/**
 * A read-only map from int keys to non-negative int values by open addressing with linear probing:
 * no boxing, one or two cache lines per lookup (e.g. underlay address to host index, looked up at
 * every router hop). Load factor at most 1/2.
 */
public final class IntToIntIndex {
  private final int[] keys;
  private final int[] values; // -1 = empty slot
  private final int mask;
  private final int shift;

  /** Maps {@code keys[i]} to {@code values[i]}; keys must be distinct, values non-negative. */
  public IntToIntIndex(int[] keys, int[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("keys and values differ in length");
    }
    int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
    this.keys = new int[capacity];
    this.values = new int[capacity];
    this.mask = capacity - 1;
    this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
    Arrays.fill(this.values, -1);
    for (int i = 0; i < keys.length; i++) {
      if (values[i] < 0) {
        throw new IllegalArgumentException("negative value " + values[i]);
      }
      int slot = slot(keys[i]);
      while (this.values[slot] >= 0) {
        if (this.keys[slot] == keys[i]) {
          throw new IllegalArgumentException("duplicate key " + keys[i]);
        }
        slot = (slot + 1) & mask;
      }
      this.keys[slot] = keys[i];
      this.values[slot] = values[i];
    }
  }

  /** The value of {@code key}, or -1 if absent. */
  public int get(int key) {
    int slot = slot(key);
    while (true) {
      int value = values[slot];
      if (value < 0 || keys[slot] == key) {
        return value;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int slot(int key) {
    // Fibonacci hashing (top bits of key * 2^32 / phi): consecutive addresses spread out.
    return (key * 0x9E3779B9) >>> shift;
  }
}
