package org.overlaysim.engine.collect;

import org.overlaysim.engine.random.SplitMix64;

/**
 * A read-only map from long keys to non-negative int values by open addressing with linear probing:
 * no boxing, usually one cache line per lookup whatever the size (a binary search over 15,000
 * addresses of one overlay touches fourteen). Load factor at most 1/2. The first value put for a
 * key is kept. The one primitive map of the model: underlay addresses to hosts, (overlay, address)
 * and (overlay, MAC) to containers.
 */
public final class LongIntIndex {
  // A slot's key and value side by side (key, then value; value -1 = empty slot), so that a lookup
  // reads one cache line rather than one in each of two arrays: the indexes of a large cluster
  // outgrow the caches and are read several times per packet.
  private final long[] slots;
  private final int mask;
  private final int shift;

  /** An index of {@code size} entries at most, filled by {@link #putIfAbsent}. */
  public LongIntIndex(int size) {
    int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
    slots = new long[2 * capacity];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    for (int slot = 0; slot < capacity; slot++) {
      slots[2 * slot + 1] = -1;
    }
  }

  public void putIfAbsent(long key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    int slot = slot(key);
    while (slots[2 * slot + 1] >= 0) {
      if (slots[2 * slot] == key) {
        return;
      }
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = key;
    slots[2 * slot + 1] = value;
  }

  /** The value of {@code key}, or -1 if absent. */
  public int get(long key) {
    int slot = slot(key);
    while (true) {
      int value = (int) slots[2 * slot + 1];
      if (value < 0 || slots[2 * slot] == key) {
        return value;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int slot(long key) {
    // Consecutive addresses and MACs spread over the table.
    return (int) (SplitMix64.spread(key) >>> shift);
  }
}
