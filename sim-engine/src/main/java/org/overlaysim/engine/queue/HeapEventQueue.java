package org.overlaysim.engine.queue;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.EventQueue;

/**
 * A 4-ary min-heap on primitive arrays: times in a {@code long[]}, event slots in a parallel {@code
 * int[]}. A 4-ary heap halves the depth of a binary one and its four children share a cache line,
 * which is what a sift-down pays for (LaMarca and Ladner, "The influence of caches on the
 * performance of heaps", 1996).
 *
 * <p>Cancel is lazy: it retires the event's slot in O(1) and the heap entry is skipped when it
 * reaches the top. When cancelled entries outnumber live ones the heap is rebuilt without them in
 * O(n), so cancelled events never pile up and cancel stays amortised O(1).
 */
public final class HeapEventQueue implements EventQueue {
  private static final int ARITY_SHIFT = 2; // 4 children per node
  private static final int MIN_COMPACTION = 64;

  private final EventSlots slots;
  private long[] times;
  private int[] entrySlots;
  private int entries; // heap entries, cancelled ones included
  private int live;

  public HeapEventQueue() {
    this(64);
  }

  public HeapEventQueue(int initialCapacity) {
    int capacity = Math.max(4, initialCapacity);
    slots = new EventSlots(capacity);
    times = new long[capacity];
    entrySlots = new int[capacity];
  }

  @Override
  public long add(long timeNs, EventHandler handler) {
    if (handler == null) {
      throw new NullPointerException("handler");
    }
    if (timeNs < 0) {
      throw new IllegalArgumentException("negative time " + timeNs);
    }
    int slot = slots.allocate(handler);
    if (entries == times.length) {
      times = Arrays.copyOf(times, entries * 2);
      entrySlots = Arrays.copyOf(entrySlots, entries * 2);
    }
    siftUp(entries++, timeNs, slot);
    live++;
    return slots.idOf(slot);
  }

  @Override
  public boolean cancel(long eventId) {
    int slot = slots.slotOf(eventId);
    if (slot < 0) {
      return false;
    }
    slots.retire(slot);
    live--;
    int cancelled = entries - live;
    if (cancelled > MIN_COMPACTION && cancelled > live) {
      compact();
    }
    return true;
  }

  @Override
  public int size() {
    return live;
  }

  @Override
  public long firstTimeNs() {
    dropCancelledTop();
    return times[0];
  }

  @Override
  public EventHandler removeFirst() {
    dropCancelledTop();
    int slot = entrySlots[0];
    EventHandler handler = slots.handlers[slot];
    slots.retire(slot);
    slots.free(slot);
    removeTop();
    live--;
    return handler;
  }

  /** Length of the internal arrays: bounded by the peak of pending plus cancelled-unreclaimed. */
  public int capacity() {
    return Math.max(times.length, slots.capacity());
  }

  private void dropCancelledTop() {
    if (live == 0) {
      throw new NoSuchElementException("no pending event");
    }
    while (slots.isRetired(entrySlots[0])) {
      slots.free(entrySlots[0]);
      removeTop();
    }
  }

  private void removeTop() {
    int last = --entries;
    if (last > 0) {
      siftDown(0, times[last], entrySlots[last]);
    }
  }

  /** Drops every cancelled entry and restores heap order bottom-up (Floyd), O(n). */
  private void compact() {
    int kept = 0;
    for (int i = 0; i < entries; i++) {
      int slot = entrySlots[i];
      if (slots.isRetired(slot)) {
        slots.free(slot);
      } else {
        times[kept] = times[i];
        entrySlots[kept] = slot;
        kept++;
      }
    }
    entries = kept;
    for (int i = (entries - 2) >> ARITY_SHIFT; i >= 0; i--) {
      siftDown(i, times[i], entrySlots[i]);
    }
  }

  private boolean before(long time, int slot, long otherTime, int otherSlot) {
    return time < otherTime || (time == otherTime && slots.seqs[slot] < slots.seqs[otherSlot]);
  }

  private void siftUp(int pos, long time, int slot) {
    while (pos > 0) {
      int parent = (pos - 1) >> ARITY_SHIFT;
      long parentTime = times[parent];
      if (!before(time, slot, parentTime, entrySlots[parent])) {
        break;
      }
      times[pos] = parentTime;
      entrySlots[pos] = entrySlots[parent];
      pos = parent;
    }
    times[pos] = time;
    entrySlots[pos] = slot;
  }

  private void siftDown(int pos, long time, int slot) {
    final int n = entries;
    while (true) {
      int first = (pos << ARITY_SHIFT) + 1;
      if (first >= n) {
        break;
      }
      int end = Math.min(first + 4, n);
      int min = first;
      long minTime = times[first];
      for (int c = first + 1; c < end; c++) {
        long t = times[c];
        if (t < minTime
            || (t == minTime && slots.seqs[entrySlots[c]] < slots.seqs[entrySlots[min]])) {
          min = c;
          minTime = t;
        }
      }
      if (!before(minTime, entrySlots[min], time, slot)) {
        break;
      }
      times[pos] = minTime;
      entrySlots[pos] = entrySlots[min];
      pos = min;
    }
    times[pos] = time;
    entrySlots[pos] = slot;
  }
}
