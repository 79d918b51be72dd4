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
 * estimate is a few times the mean gap among the first eighth of the pending events (Brown samples
 * the head for the same reason: far-future timers must not widen the buckets). A tail pointer per
 * bucket makes bursts of events at one time O(1) to append. Cancel unlinks in O(1).
 *
 * <p>Layout: an event's time, sequence, links and id generation sit side by side in one {@code
 * long[]} (32 bytes, half a cache line) and a bucket's head and tail in adjacent ints, because at
 * 10^5 pending events and more each separate array touched would be one more cache miss.
 */
public final class CalendarEventQueue implements EventQueue {
  private static final int NIL = -1;
  private static final int MIN_BUCKETS = 16;

  /**
   * Average empty buckets skipped per removal, or nodes walked per insert, that trigger a re-fit.
   */
  private static final int WORK_LIMIT = 6;

  /** Bucket width in mean gaps between the earliest events. */
  private static final int GAPS_PER_BUCKET = 3;

  // node fields, at node index slot << 2
  private static final int TIME = 0;
  private static final int SEQ = 1;
  private static final int LINKS = 2; // next << 32 | prev
  private static final int GEN_FREE = 3; // generation << 32 | next free slot

  private long[] nodes;
  private EventHandler[] handlers;
  private int allocated;
  private int freeHead = NIL;
  private long nextSeq;

  private int[] buckets; // head at 2b, tail at 2b + 1
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
    nodes = new long[capacity << 2];
    handlers = new EventHandler[capacity];
    setBuckets(MIN_BUCKETS);
    shift = 10; // ~1 us until the first estimate
  }

  @Override
  public long add(long timeNs, EventHandler handler) {
    if (handler == null) {
      throw new NullPointerException("handler");
    }
    if (timeNs < 0) {
      throw new IllegalArgumentException("negative time " + timeNs);
    }
    int slot = allocate();
    int node = slot << 2;
    nodes[node + TIME] = timeNs;
    nodes[node + SEQ] = nextSeq++;
    handlers[slot] = handler;
    long bucket = timeNs >>> shift;
    if (live == 0 || bucket < currentBucket) {
      currentBucket = bucket;
    }
    if (first != NIL && timeNs < nodes[(first << 2) + TIME]) {
      first = NIL;
    }
    workSinceFit += link(slot);
    opsSinceFit++;
    live++;
    if (live > 2 * bucketCount()) {
      refit(Integer.highestOneBit(live) * 2);
    }
    return (nodes[node + GEN_FREE] & 0xFFFF_FFFF_0000_0000L) | slot;
  }

  @Override
  public boolean cancel(long eventId) {
    int slot = (int) eventId;
    if (slot < 0
        || slot >= allocated
        || handlers[slot] == null
        || (nodes[(slot << 2) + GEN_FREE] >>> 32) != (eventId >>> 32)) {
      return false;
    }
    unlink(slot);
    if (slot == first) {
      first = NIL;
    }
    release(slot);
    shrinkIfSparse();
    return true;
  }

  @Override
  public int size() {
    return live;
  }

  @Override
  public long firstTimeNs() {
    return nodes[(findFirst() << 2) + TIME];
  }

  @Override
  public EventHandler removeFirst() {
    int slot = findFirst();
    unlink(slot);
    first = NIL;
    EventHandler handler = handlers[slot];
    release(slot);
    opsSinceFit++;
    if (opsSinceFit > bucketCount() && workSinceFit > WORK_LIMIT * opsSinceFit) {
      refit(bucketCount());
    } else {
      shrinkIfSparse();
    }
    return handler;
  }

  /** Length of the largest internal array, in entries: bounded by the peak of pending events. */
  public int capacity() {
    return Math.max(handlers.length, bucketCount());
  }

  /** Bucket width in ns (a power of two), for tests and diagnostics. */
  public long bucketWidthNs() {
    return 1L << shift;
  }

  private int bucketCount() {
    return mask + 1;
  }

  private int allocate() {
    int slot = freeHead;
    if (slot != NIL) {
      freeHead = (int) nodes[(slot << 2) + GEN_FREE];
      return slot;
    }
    if (allocated == handlers.length) {
      nodes = Arrays.copyOf(nodes, nodes.length * 2);
      handlers = Arrays.copyOf(handlers, handlers.length * 2);
    }
    return allocated++;
  }

  /** Ends the slot's event: a new generation makes its id stale; the slot joins the free list. */
  private void release(int slot) {
    handlers[slot] = null;
    int at = (slot << 2) + GEN_FREE;
    long generation = (nodes[at] >>> 32) + 1;
    nodes[at] = (generation << 32) | (freeHead & 0xFFFF_FFFFL);
    freeHead = slot;
    live--;
  }

  private long time(int slot) {
    return nodes[(slot << 2) + TIME];
  }

  private int nextOf(int slot) {
    return (int) (nodes[(slot << 2) + LINKS] >> 32);
  }

  private int prevOf(int slot) {
    return (int) nodes[(slot << 2) + LINKS];
  }

  private void setLinks(int slot, int next, int prev) {
    nodes[(slot << 2) + LINKS] = ((long) next << 32) | (prev & 0xFFFF_FFFFL);
  }

  private void setNext(int slot, int next) {
    int at = (slot << 2) + LINKS;
    nodes[at] = ((long) next << 32) | (nodes[at] & 0xFFFF_FFFFL);
  }

  private void setPrev(int slot, int prev) {
    int at = (slot << 2) + LINKS;
    nodes[at] = (nodes[at] & 0xFFFF_FFFF_0000_0000L) | (prev & 0xFFFF_FFFFL);
  }

  private boolean before(int a, int b) {
    long ta = time(a);
    long tb = time(b);
    return ta < tb || (ta == tb && nodes[(a << 2) + SEQ] < nodes[(b << 2) + SEQ]);
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
      int head = buckets[(int) (bucket & mask) << 1];
      // The head is its bucket's earliest; if it is on this year's page it is the earliest of all.
      if (head != NIL && (time(head) >>> shift) <= bucket) {
        workSinceFit += scanned;
        currentBucket = bucket;
        first = head;
        return head;
      }
    }
    workSinceFit += bucketCount();
    // A whole year without an event: jump straight to the earliest head.
    int earliest = NIL;
    for (int b = 0; b <= mask; b++) {
      int head = buckets[b << 1];
      if (head != NIL && (earliest == NIL || before(head, earliest))) {
        earliest = head;
      }
    }
    currentBucket = time(earliest) >>> shift;
    first = earliest;
    return earliest;
  }

  /** Inserts {@code slot} in its bucket's sorted list; returns the nodes walked. */
  private int link(int slot) {
    int at = (int) ((time(slot) >>> shift) & mask) << 1;
    int tail = buckets[at + 1];
    if (tail == NIL) {
      buckets[at] = slot;
      buckets[at + 1] = slot;
      setLinks(slot, NIL, NIL);
      return 0;
    }
    if (!before(slot, tail)) {
      setNext(tail, slot);
      setLinks(slot, NIL, tail);
      buckets[at + 1] = slot;
      return 0;
    }
    int after = buckets[at];
    if (before(slot, after)) {
      buckets[at] = slot;
      setLinks(slot, after, NIL);
      setPrev(after, slot);
      return 0;
    }
    int walked = 0;
    int n;
    while (!before(slot, n = nextOf(after))) {
      after = n;
      walked++;
    }
    setNext(after, slot);
    setLinks(slot, n, after);
    setPrev(n, slot);
    return walked;
  }

  private void unlink(int slot) {
    long links = nodes[(slot << 2) + LINKS];
    int n = (int) (links >> 32);
    int p = (int) links;
    int at = (int) ((time(slot) >>> shift) & mask) << 1;
    if (p == NIL) {
      buckets[at] = n;
    } else {
      setNext(p, n);
    }
    if (n == NIL) {
      buckets[at + 1] = p;
    } else {
      setPrev(n, p);
    }
  }

  private void shrinkIfSparse() {
    if (mask >= MIN_BUCKETS && live < bucketCount() / 4) {
      refit(Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(1, live)) * 2));
    }
  }

  /** Re-estimates the width, resizes to {@code bucketCount} buckets and relinks every event. */
  private void refit(int bucketCount) {
    opsSinceFit = 0;
    workSinceFit = 0;
    int[] pending = new int[live];
    int count = 0;
    for (int b = 0; b <= mask; b++) {
      for (int s = buckets[b << 1]; s != NIL; s = nextOf(s)) {
        pending[count++] = s;
      }
    }
    int newShift = estimateShift(pending, count);
    if (newShift == shift && bucketCount == bucketCount()) {
      return;
    }
    shift = newShift;
    setBuckets(bucketCount);
    long earliest = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      link(pending[i]);
      earliest = Math.min(earliest, time(pending[i]));
    }
    first = NIL;
    if (count > 0) {
      currentBucket = earliest >>> shift;
    }
  }

  /** log2 of a few mean gaps among the earliest eighth of the pending events. */
  private int estimateShift(int[] pending, int count) {
    if (count < 2) {
      return shift;
    }
    long[] sample = new long[count];
    long min = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      sample[i] = time(pending[i]);
      min = Math.min(min, sample[i]);
    }
    int k = Math.max(1, Math.min(count - 1, count / 8));
    long span = TimeSelection.select(sample, k) - min; // 0 when many events share one time
    long width = Math.max(1, (span / k) * GAPS_PER_BUCKET + (span % k) * GAPS_PER_BUCKET / k);
    return 63 - Long.numberOfLeadingZeros(width);
  }

  private void setBuckets(int count) {
    buckets = new int[count << 1];
    Arrays.fill(buckets, NIL);
    mask = count - 1;
  }
}
