package org.overlaysim.engine.queue;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.EventQueue;

/**
 * A two-rung ladder queue (Tang, Goh and Thng, "Ladder queue: an O(1) priority queue structure for
 * large-scale discrete event simulation", ACM TOMACS 2005) whose bottom is a small 4-ary heap.
 *
 * <ul>
 *   <li><b>Top</b>: far-future events, unsorted, appended in O(1).
 *   <li><b>Rung</b>: when the bottom and the rung run dry, the earliest half of Top is spread over
 *       up to {@value #MAX_BUCKETS} buckets of equal power-of-two width, about {@value #PER_BUCKET}
 *       events each; later inserts that fall in the rung's range are appended to their bucket.
 *   <li><b>Bottom</b>: a 4-ary min-heap ordered by (time, sequence) holding the events up to the
 *       end of the bucket loaded last; the first event is its root.
 * </ul>
 *
 * <p>Why it is fast: an insert is an append to one of a few thousand chains whose tails stay in
 * cache, and a bucket moves into the bottom heap as one sequential pass; the random memory accesses
 * of a large heap or calendar (a cache miss per level or per bucket) are gone. Why it stays
 * correct: the time axis is partitioned (bottom up to {@code bottomLast}, then the buckets, then
 * Top), so all events of one time are in the same place, and the bottom heap breaks ties by
 * sequence: equal times leave in insertion order. When a bucket turns out too full (skewed times)
 * the heap only gets deeper; past a limit everything is re-spread. When a re-spread finds at most
 * {@value #SMALL} events, the whole set simply becomes the heap until it grows past {@value
 * #SPILL_MIN}.
 *
 * <p>Cancel is lazy and amortised O(1): the event's slot is marked and its entry dropped when it
 * surfaces or passes through a re-spread; when cancelled entries still outnumber live ones all
 * entries are gathered again without them, so they never pile up. Entries are stored in pooled
 * fixed-size chunks, so memory follows the number of events held, not the history of bucket sizes.
 */
public final class LadderEventQueue implements EventQueue {
  private static final int NIL = -1;
  private static final int SMALL = 1024;
  private static final int SPILL_MIN = 8192;
  private static final int PER_BUCKET = 128;
  private static final int MAX_BUCKETS = 1 << 14;
  private static final int SAMPLE = 2048;
  private static final int CHUNK_SHIFT = 6;
  private static final int CHUNK = 1 << CHUNK_SHIFT;
  private static final int MIN_COMPACTION = 64;

  // slot state: generation << 32 | status, status = next free slot, LIVE or CANCELLED
  private static final int LIVE = -2;
  private static final int CANCELLED = -3;
  private long[] slotState;
  private int allocated;
  private int freeSlot = NIL;
  private long nextSeq;
  private int live;
  private int cancelledHeld;

  // bottom: 4-ary heap
  private long[] heapTime;
  private long[] heapSeq;
  private int[] heapSlot;
  private EventHandler[] heapHandler;
  private int heapSize;
  private long bottomLast = Long.MIN_VALUE; // events at or before this time go to the heap
  private int spillLimit = SPILL_MIN;

  // pooled chunks of entries, chained per bucket and for Top
  private long[] chunkTime;
  private long[] chunkSeq;
  private int[] chunkSlot;
  private EventHandler[] chunkHandler;
  private int[] chunkNext;
  private int[] chunkFill;
  private int chunksAllocated;
  private int freeChunk = NIL;

  // the rung: buckets [current, bucketCount), then Top at index TOP
  private static final int TOP = MAX_BUCKETS;
  private final int[] chainHead = new int[MAX_BUCKETS + 1];
  private final int[] chainTail = new int[MAX_BUCKETS + 1];
  private int topCount;
  private long rungStart;
  private int shift;
  private int bucketCount;
  private int current;

  private final long[] sample = new long[SAMPLE];

  public LadderEventQueue() {
    slotState = new long[64];
    heapTime = new long[64];
    heapSeq = new long[64];
    heapSlot = new int[64];
    heapHandler = new EventHandler[64];
    chunkNext = new int[16];
    chunkFill = new int[16];
    chunkTime = new long[16 << CHUNK_SHIFT];
    chunkSeq = new long[16 << CHUNK_SHIFT];
    chunkSlot = new int[16 << CHUNK_SHIFT];
    chunkHandler = new EventHandler[16 << CHUNK_SHIFT];
    Arrays.fill(chainHead, NIL);
    Arrays.fill(chainTail, NIL);
  }

  @Override
  public long add(long timeNs, EventHandler handler) {
    if (handler == null) {
      throw new NullPointerException("handler");
    }
    if (timeNs < 0) {
      throw new IllegalArgumentException("negative time " + timeNs);
    }
    int slot = allocateSlot();
    long seq = nextSeq++;
    live++;
    if (timeNs <= bottomLast) {
      heapPush(timeNs, seq, slot, handler);
      if (heapSize > spillLimit) {
        regather(false);
      }
    } else {
      long bucket = (timeNs - rungStart) >>> shift;
      int chain = bucket < bucketCount ? (int) bucket : TOP;
      if (chain == TOP) {
        topCount++;
      }
      append(chain, timeNs, seq, slot, handler);
    }
    return (slotState[slot] & 0xFFFF_FFFF_0000_0000L) | slot;
  }

  @Override
  public boolean cancel(long eventId) {
    int slot = (int) eventId;
    if (slot < 0 || slot >= allocated) {
      return false;
    }
    long state = slotState[slot];
    if ((int) state != LIVE || (state >>> 32) != (eventId >>> 32)) {
      return false;
    }
    slotState[slot] = (((state >>> 32) + 1) << 32) | (CANCELLED & 0xFFFF_FFFFL);
    live--;
    cancelledHeld++;
    if (cancelledHeld > MIN_COMPACTION && cancelledHeld > live) {
      regather(true);
    }
    return true;
  }

  @Override
  public int size() {
    return live;
  }

  @Override
  public long firstTimeNs() {
    settleFirst();
    return heapTime[0];
  }

  @Override
  public EventHandler removeFirst() {
    settleFirst();
    int slot = heapSlot[0];
    EventHandler handler = heapHandler[0];
    heapPop();
    long state = slotState[slot];
    slotState[slot] = (((state >>> 32) + 1) << 32) | (freeSlot & 0xFFFF_FFFFL);
    freeSlot = slot;
    live--;
    return handler;
  }

  /** Slots ever allocated plus entry capacity: bounded by the peak of events held at once. */
  public int capacity() {
    return Math.max(Math.max(slotState.length, heapTime.length), chunkNext.length << CHUNK_SHIFT);
  }

  // ---------------------------------------------------------------- first event

  /** Makes the heap root the first live event, loading buckets or re-spreading Top as needed. */
  private void settleFirst() {
    if (live == 0) {
      throw new NoSuchElementException("no pending event");
    }
    while (true) {
      if (heapSize == 0) {
        refillBottom();
        continue;
      }
      int slot = heapSlot[0];
      if (cancelledHeld == 0 || (int) slotState[slot] != CANCELLED) {
        return;
      }
      heapPop();
      releaseCancelled(slot);
    }
  }

  private void refillBottom() {
    while (current < bucketCount) {
      int bucket = current++;
      if (chainHead[bucket] != NIL) {
        bottomLast = lastTimeOfBucket(bucket);
        drainIntoHeap(bucket);
        heapify();
        spillLimit = Math.max(SPILL_MIN, 2 * heapSize);
        return;
      }
    }
    bucketCount = 0;
    current = 0;
    spreadTop();
  }

  private long lastTimeOfBucket(int bucket) {
    long width = 1L << shift;
    long end = (bucket + 1L) > Long.MAX_VALUE / width ? Long.MAX_VALUE : (bucket + 1L) * width;
    return end > Long.MAX_VALUE - rungStart ? Long.MAX_VALUE : rungStart + end - 1;
  }

  /**
   * Starts a new rung from Top: the earliest half of Top (estimated from a strided sample) is
   * spread over buckets of about {@value #PER_BUCKET} events; a small Top goes straight into the
   * heap.
   */
  private void spreadTop() {
    int n = topCount;
    if (n == 0) {
      throw new IllegalStateException("live events but none held");
    }
    if (n <= SMALL) {
      bottomLast = Long.MAX_VALUE;
      drainIntoHeap(TOP);
      topCount = 0;
      heapify();
      spillLimit = Math.max(SPILL_MIN, 2 * heapSize);
      return;
    }
    long min = Long.MAX_VALUE;
    int stride = Math.max(1, n / SAMPLE);
    int sampled = 0;
    int index = 0;
    for (int c = chainHead[TOP]; c != NIL; c = chunkNext[c]) {
      int base = c << CHUNK_SHIFT;
      for (int i = base, end = base + chunkFill[c]; i < end; i++, index++) {
        long t = chunkTime[i];
        min = Math.min(min, t);
        if (index % stride == 0 && sampled < SAMPLE) {
          sample[sampled++] = t;
        }
      }
    }
    long median = TimeSelection.select(sample, sampled, sampled / 2);
    int buckets = Math.max(2, Math.min(MAX_BUCKETS, n / 2 / PER_BUCKET));
    long perBucket = (median - min) / buckets; // < 2^62, so the shift stays <= 62
    rungStart = min;
    shift = 64 - Long.numberOfLeadingZeros(perBucket);
    bucketCount = buckets;
    current = 0;
    bottomLast = min - 1;

    int chunk = chainHead[TOP];
    chainHead[TOP] = NIL;
    chainTail[TOP] = NIL;
    topCount = 0;
    while (chunk != NIL) {
      int base = chunk << CHUNK_SHIFT;
      for (int i = base, end = base + chunkFill[chunk]; i < end; i++) {
        int slot = chunkSlot[i];
        if (cancelledHeld > 0 && (int) slotState[slot] == CANCELLED) {
          releaseCancelled(slot); // dropped on its way through, like a cancelled heap root
          chunkHandler[i] = null;
          continue;
        }
        long t = chunkTime[i];
        long bucket = (t - rungStart) >>> shift;
        int chain = bucket < bucketCount ? (int) bucket : TOP;
        if (chain == TOP) {
          topCount++;
        }
        append(chain, t, chunkSeq[i], slot, chunkHandler[i]);
        chunkHandler[i] = null;
      }
      int next = chunkNext[chunk];
      freeChunk(chunk);
      chunk = next;
    }
  }

  /**
   * Moves every held entry back to Top, dropping cancelled ones if asked, and empties the rung and
   * the heap: the next look at the first event spreads them afresh. Used when the heap has grown
   * past its limit (skewed times) and when cancelled entries outnumber live ones.
   */
  private void regather(boolean dropCancelled) {
    int oldTop = chainHead[TOP];
    chainHead[TOP] = NIL;
    chainTail[TOP] = NIL;
    topCount = 0;
    for (int i = 0; i < heapSize; i++) {
      keep(heapTime[i], heapSeq[i], heapSlot[i], heapHandler[i], dropCancelled);
      heapHandler[i] = null;
    }
    heapSize = 0;
    for (int bucket = current; bucket < bucketCount; bucket++) {
      regatherChain(chainHead[bucket], dropCancelled);
      chainHead[bucket] = NIL;
      chainTail[bucket] = NIL;
    }
    regatherChain(oldTop, dropCancelled);
    bucketCount = 0;
    current = 0;
    bottomLast = Long.MIN_VALUE;
    spillLimit = SPILL_MIN;
  }

  private void regatherChain(int chunk, boolean dropCancelled) {
    while (chunk != NIL) {
      int base = chunk << CHUNK_SHIFT;
      for (int i = base, end = base + chunkFill[chunk]; i < end; i++) {
        keep(chunkTime[i], chunkSeq[i], chunkSlot[i], chunkHandler[i], dropCancelled);
        chunkHandler[i] = null;
      }
      int next = chunkNext[chunk];
      freeChunk(chunk);
      chunk = next;
    }
  }

  private void keep(long t, long seq, int slot, EventHandler h, boolean dropCancelled) {
    if (dropCancelled && (int) slotState[slot] == CANCELLED) {
      releaseCancelled(slot);
      return;
    }
    topCount++;
    append(TOP, t, seq, slot, h);
  }

  // ---------------------------------------------------------------- slots

  private int allocateSlot() {
    int slot = freeSlot;
    if (slot != NIL) {
      long state = slotState[slot];
      freeSlot = (int) state;
      slotState[slot] = (state & 0xFFFF_FFFF_0000_0000L) | (LIVE & 0xFFFF_FFFFL);
      return slot;
    }
    if (allocated == slotState.length) {
      slotState = Arrays.copyOf(slotState, allocated * 2);
    }
    slot = allocated++;
    slotState[slot] = LIVE & 0xFFFF_FFFFL;
    return slot;
  }

  /** Frees a cancelled slot once its entry is gone (its generation was advanced at cancel). */
  private void releaseCancelled(int slot) {
    slotState[slot] = (slotState[slot] & 0xFFFF_FFFF_0000_0000L) | (freeSlot & 0xFFFF_FFFFL);
    freeSlot = slot;
    cancelledHeld--;
  }

  // ---------------------------------------------------------------- chunks

  private void append(int chain, long t, long seq, int slot, EventHandler h) {
    int tail = chainTail[chain];
    if (tail == NIL || chunkFill[tail] == CHUNK) {
      int fresh = newChunk();
      if (tail == NIL) {
        chainHead[chain] = fresh;
      } else {
        chunkNext[tail] = fresh;
      }
      chainTail[chain] = fresh;
      tail = fresh;
    }
    int i = (tail << CHUNK_SHIFT) + chunkFill[tail]++;
    chunkTime[i] = t;
    chunkSeq[i] = seq;
    chunkSlot[i] = slot;
    chunkHandler[i] = h;
  }

  private int newChunk() {
    int chunk = freeChunk;
    if (chunk != NIL) {
      freeChunk = chunkNext[chunk];
    } else {
      if (chunksAllocated == chunkNext.length) {
        int chunks = chunksAllocated * 2;
        chunkNext = Arrays.copyOf(chunkNext, chunks);
        chunkFill = Arrays.copyOf(chunkFill, chunks);
        chunkTime = Arrays.copyOf(chunkTime, chunks << CHUNK_SHIFT);
        chunkSeq = Arrays.copyOf(chunkSeq, chunks << CHUNK_SHIFT);
        chunkSlot = Arrays.copyOf(chunkSlot, chunks << CHUNK_SHIFT);
        chunkHandler = Arrays.copyOf(chunkHandler, chunks << CHUNK_SHIFT);
      }
      chunk = chunksAllocated++;
    }
    chunkNext[chunk] = NIL;
    chunkFill[chunk] = 0;
    return chunk;
  }

  private void freeChunk(int chunk) {
    chunkNext[chunk] = freeChunk;
    freeChunk = chunk;
  }

  /** Appends the chain's entries to the heap array (unordered) and frees its chunks. */
  private void drainIntoHeap(int chain) {
    int chunk = chainHead[chain];
    chainHead[chain] = NIL;
    chainTail[chain] = NIL;
    while (chunk != NIL) {
      int base = chunk << CHUNK_SHIFT;
      int fill = chunkFill[chunk];
      ensureHeapCapacity(heapSize + fill);
      System.arraycopy(chunkTime, base, heapTime, heapSize, fill);
      System.arraycopy(chunkSeq, base, heapSeq, heapSize, fill);
      System.arraycopy(chunkSlot, base, heapSlot, heapSize, fill);
      System.arraycopy(chunkHandler, base, heapHandler, heapSize, fill);
      Arrays.fill(chunkHandler, base, base + fill, null);
      heapSize += fill;
      int next = chunkNext[chunk];
      freeChunk(chunk);
      chunk = next;
    }
  }

  // ---------------------------------------------------------------- bottom heap

  private void ensureHeapCapacity(int needed) {
    if (needed > heapTime.length) {
      int capacity = Math.max(needed, heapTime.length * 2);
      heapTime = Arrays.copyOf(heapTime, capacity);
      heapSeq = Arrays.copyOf(heapSeq, capacity);
      heapSlot = Arrays.copyOf(heapSlot, capacity);
      heapHandler = Arrays.copyOf(heapHandler, capacity);
    }
  }

  private void heapPush(long t, long seq, int slot, EventHandler h) {
    ensureHeapCapacity(heapSize + 1);
    int pos = heapSize++;
    while (pos > 0) {
      int parent = (pos - 1) >> 2;
      long pt = heapTime[parent];
      if (t > pt || (t == pt && seq > heapSeq[parent])) {
        break;
      }
      move(parent, pos);
      pos = parent;
    }
    put(pos, t, seq, slot, h);
  }

  private void heapPop() {
    int last = --heapSize;
    if (last > 0) {
      long t = heapTime[last];
      long seq = heapSeq[last];
      int slot = heapSlot[last];
      EventHandler h = heapHandler[last];
      heapHandler[last] = null;
      siftDown(0, t, seq, slot, h);
    } else {
      heapHandler[0] = null;
    }
  }

  private void heapify() {
    for (int i = (heapSize - 2) >> 2; i >= 0; i--) {
      siftDown(i, heapTime[i], heapSeq[i], heapSlot[i], heapHandler[i]);
    }
  }

  private void siftDown(int pos, long t, long seq, int slot, EventHandler h) {
    int n = heapSize;
    while (true) {
      int first = (pos << 2) + 1;
      if (first >= n) {
        break;
      }
      int min = first;
      long minTime = heapTime[first];
      for (int c = first + 1, end = Math.min(first + 4, n); c < end; c++) {
        long ct = heapTime[c];
        if (ct < minTime || (ct == minTime && heapSeq[c] < heapSeq[min])) {
          min = c;
          minTime = ct;
        }
      }
      if (t < minTime || (t == minTime && seq < heapSeq[min])) {
        break;
      }
      move(min, pos);
      pos = min;
    }
    put(pos, t, seq, slot, h);
  }

  private void move(int from, int to) {
    heapTime[to] = heapTime[from];
    heapSeq[to] = heapSeq[from];
    heapSlot[to] = heapSlot[from];
    heapHandler[to] = heapHandler[from];
  }

  private void put(int pos, long t, long seq, int slot, EventHandler h) {
    heapTime[pos] = t;
    heapSeq[pos] = seq;
    heapSlot[pos] = slot;
    heapHandler[pos] = h;
  }
}
