package org.overlaysim.engine.queue;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.EventQueue;

/**
 * A calendar queue (Brown, "Calendar queues: a fast O(1) priority queue implementation for the
 * simulation event set problem", CACM 1988) on primitive arrays. Time is cut into buckets of width
 * 2^shift ns; bucket {@code (time >>> shift) & mask} keeps its events in a doubly linked list
 * sorted by (time, sequence), so equal times leave in insertion order. Finding the first event
 * walks the buckets from the current one, like turning the pages of a desk calendar: O(1) when the
 * width matches the spacing of the events near the head.
 *
 * <p>The width is re-estimated whenever the bucket count changes (the pending count doubled or fell
 * to a quarter) and whenever the work per operation shows that it no longer fits: too many empty
 * buckets skipped per removal (width too small) or too long a walk per insert (too wide). The
 * estimate is three times the mean gap among the first eighth of the pending events (Brown samples
 * the head for the same reason: far-future timers must not widen the buckets). A tail pointer per
 * bucket makes bursts of events at one time O(1) to append. Cancel unlinks in O(1).
 */
public final class CalendarEventQueue implements EventQueue {
  private static final int NIL = -1;
  private static final int MIN_BUCKETS = 16;

  /**
   * Average empty buckets skipped per removal, or nodes walked per insert, that trigger a re-fit.
   */
  private static final int WORK_LIMIT = 6;

  private final EventSlots slots;
  private long[] times; // per slot
  private int[] next; // per slot
  private int[] prev; // per slot
  private int[] heads; // per bucket
  private int[] tails; // per bucket
  private int mask;
  private int shift;
  private long currentBucket; // time >>> shift: no pending event is earlier than this bucket
  private int first = NIL; // cached first event, NIL when unknown
  private int live;

  private long opsSinceFit;
  private long workSinceFit;

  public CalendarEventQueue() {
    this(64);
  }

  public CalendarEventQueue(int initialCapacity) {
    int capacity = Math.max(4, initialCapacity);
    slots = new EventSlots(capacity);
    times = new long[capacity];
    next = new int[capacity];
    prev = new int[capacity];
    setBuckets(MIN_BUCKETS);
    shift = 10; // ~1 us until the first estimate
  }

  @Override
  public long add(long timeNs, EventHandler handler) {
    if (handler == null) {
      throw new NullPointerException("handler");
    }
    int slot = slots.allocate(handler);
    if (slot >= times.length) {
      growNodes();
    }
    times[slot] = timeNs;
    long bucket = timeNs >>> shift;
    if (live == 0 || bucket < currentBucket) {
      currentBucket = bucket;
    }
    if (first != NIL && timeNs < times[first]) {
      first = NIL;
    }
    workSinceFit += link(slot);
    opsSinceFit++;
    live++;
    if (live > 2 * heads.length) {
      refit(Integer.highestOneBit(live) * 2);
    }
    return slots.idOf(slot);
  }

  @Override
  public boolean cancel(long eventId) {
    int slot = slots.slotOf(eventId);
    if (slot < 0) {
      return false;
    }
    unlink(slot);
    if (slot == first) {
      first = NIL;
    }
    slots.retire(slot);
    slots.free(slot);
    live--;
    shrinkIfSparse();
    return true;
  }

  @Override
  public int size() {
    return live;
  }

  @Override
  public long firstTimeNs() {
    return times[findFirst()];
  }

  @Override
  public EventHandler removeFirst() {
    int slot = findFirst();
    unlink(slot);
    first = NIL;
    EventHandler handler = slots.handlers[slot];
    slots.retire(slot);
    slots.free(slot);
    live--;
    opsSinceFit++;
    if (opsSinceFit > heads.length && workSinceFit > WORK_LIMIT * opsSinceFit) {
      refit(heads.length);
    } else {
      shrinkIfSparse();
    }
    return handler;
  }

  /** Length of the largest internal array: bounded by the peak number of pending events. */
  public int capacity() {
    return Math.max(Math.max(times.length, slots.capacity()), heads.length);
  }

  /** Bucket width in ns (a power of two), for tests and diagnostics. */
  public long bucketWidthNs() {
    return 1L << shift;
  }

  private int findFirst() {
    if (first != NIL) {
      return first;
    }
    if (live == 0) {
      throw new NoSuchElementException("no pending event");
    }
    long bucket = currentBucket;
    for (int scanned = 0; scanned <= mask; scanned++, bucket++) {
      int head = heads[(int) (bucket & mask)];
      // The head is its bucket's earliest; if it falls in this year's page it is the earliest of
      // all.
      if (head != NIL && (times[head] >>> shift) <= bucket) {
        workSinceFit += scanned;
        currentBucket = bucket;
        first = head;
        return head;
      }
    }
    workSinceFit += heads.length;
    // A whole year without an event: jump straight to the earliest head.
    int earliest = NIL;
    for (int head : heads) {
      if (head != NIL && (earliest == NIL || before(head, earliest))) {
        earliest = head;
      }
    }
    currentBucket = times[earliest] >>> shift;
    first = earliest;
    return earliest;
  }

  private boolean before(int a, int b) {
    return times[a] < times[b] || (times[a] == times[b] && slots.seqs[a] < slots.seqs[b]);
  }

  /** Inserts {@code slot} in its bucket's sorted list; returns the nodes walked. */
  private int link(int slot) {
    int bucket = (int) ((times[slot] >>> shift) & mask);
    int tail = tails[bucket];
    if (tail == NIL) {
      heads[bucket] = slot;
      tails[bucket] = slot;
      next[slot] = NIL;
      prev[slot] = NIL;
      return 0;
    }
    if (!before(slot, tail)) {
      next[tail] = slot;
      prev[slot] = tail;
      next[slot] = NIL;
      tails[bucket] = slot;
      return 0;
    }
    int walked = 0;
    int after = heads[bucket];
    if (before(slot, after)) {
      heads[bucket] = slot;
      prev[slot] = NIL;
      next[slot] = after;
      prev[after] = slot;
      return 0;
    }
    int n;
    while (!before(slot, n = next[after])) {
      after = n;
      walked++;
    }
    next[after] = slot;
    prev[slot] = after;
    next[slot] = n;
    prev[n] = slot;
    return walked;
  }

  private void unlink(int slot) {
    int p = prev[slot];
    int n = next[slot];
    int bucket = (int) ((times[slot] >>> shift) & mask);
    if (p == NIL) {
      heads[bucket] = n;
    } else {
      next[p] = n;
    }
    if (n == NIL) {
      tails[bucket] = p;
    } else {
      prev[n] = p;
    }
  }

  private void shrinkIfSparse() {
    if (heads.length > MIN_BUCKETS && live < heads.length / 4) {
      refit(Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(1, live)) * 2));
    }
  }

  /** Re-estimates the width, resizes to {@code bucketCount} buckets and relinks every event. */
  private void refit(int bucketCount) {
    opsSinceFit = 0;
    workSinceFit = 0;
    int[] pending = new int[live];
    int count = 0;
    for (int head : heads) {
      for (int s = head; s != NIL; s = next[s]) {
        pending[count++] = s;
      }
    }
    int newShift = estimateShift(pending, count);
    if (newShift == shift && bucketCount == heads.length) {
      return;
    }
    shift = newShift;
    setBuckets(bucketCount);
    for (int i = 0; i < count; i++) {
      link(pending[i]);
    }
    first = NIL;
    if (count > 0) {
      long earliest = Long.MAX_VALUE;
      for (int i = 0; i < count; i++) {
        earliest = Math.min(earliest, times[pending[i]]);
      }
      currentBucket = earliest >>> shift;
    }
  }

  /** log2 of three times the mean gap among the earliest eighth of the pending events. */
  private int estimateShift(int[] pending, int count) {
    if (count < 2) {
      return shift;
    }
    long[] sample = new long[count];
    for (int i = 0; i < count; i++) {
      sample[i] = times[pending[i]];
    }
    int k = Math.max(1, Math.min(count - 1, count / 8));
    long kth = TimeSelection.select(sample, k);
    long min = Long.MAX_VALUE;
    for (long t : sample) {
      min = Math.min(min, t);
    }
    long span = kth - min; // may be 0 when many events share one time
    long width = Math.max(1, (span / k) * 3 + (span % k) * 3 / k);
    return 63 - Long.numberOfLeadingZeros(width);
  }

  private void setBuckets(int count) {
    heads = new int[count];
    tails = new int[count];
    Arrays.fill(heads, NIL);
    Arrays.fill(tails, NIL);
    mask = count - 1;
  }

  private void growNodes() {
    int capacity = slots.capacity();
    times = Arrays.copyOf(times, capacity);
    next = Arrays.copyOf(next, capacity);
    prev = Arrays.copyOf(prev, capacity);
  }
}
