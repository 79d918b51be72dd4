package org.overlaysim.engine.queue;

import java.util.Arrays;
import java.util.NoSuchElementException;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.EventQueue;

/**
 * A ladder queue (Tang, Goh and Thng, "Ladder queue: an O(1) priority queue structure for
 * large-scale discrete event simulation", ACM TOMACS 2005) with up to {@value #MAX_RUNGS} rungs
 * whose bottom is a small 4-ary heap.
 *
 * <ul>
 *   <li><b>Top</b>: far-future events, unsorted, appended in O(1).
 *   <li><b>Rung 0</b>: when everything below runs dry, the earliest half of Top is spread over up
 *       to {@value #MAX_BUCKETS} buckets of equal power-of-two width, about {@value #PER_BUCKET}
 *       events each.
 *   <li><b>Finer rungs</b>: when the next bucket to go to the bottom holds more than {@value
 *       #SPAWN_THRESHOLD} events, its events are spread over a finer rung instead (width from their
 *       count, about {@value #CHILD_PER_BUCKET} per bucket); when inserts push the bottom past
 *       {@value #BOTTOM_LIMIT}, the bottom itself becomes the finest rung.
 *   <li><b>Bottom</b>: a 4-ary min-heap ordered by (time, sequence) holding the events up to {@code
 *       bottomLast}; the first event is its root.
 * </ul>
 *
 * <p>Why rungs: network simulations are skewed. Timers and arrivals far ahead decide rung 0's
 * bucket width (milliseconds), while link arrivals a few microseconds ahead are inserted all the
 * time; with one rung they all land in the bottom heap, which grows to thousands (5,000 on average
 * in the k8s-max example), and every removal sifts through it. A finer rung keeps them in chains
 * and the bottom at about one small bucket (under 200 there).
 *
 * <p>Why it stays correct: the time axis is partitioned, from the earliest: the bottom (up to
 * {@code bottomLast}), then the finest rung's unread buckets, ..., rung 0's unread buckets, Top;
 * each rung's range ends where the next coarser rung's unread part begins. An insert goes to the
 * first rung, coarse to fine, whose unread part starts at or before its time (or the bottom). So
 * all events of one time are in one place, and the bottom heap breaks ties by sequence: equal times
 * leave in insertion order. A bucket whose events all have one time cannot be split: it goes to the
 * heap whatever its size (so does any bucket once all rungs are in use).
 *
 * <p>Cancel is lazy and amortised O(1): the event's slot is marked and its entry dropped when it
 * surfaces or passes through a re-spread; when cancelled entries still outnumber live ones all
 * entries are gathered again without them, so they never pile up. Entries are stored in pooled
 * fixed-size chunks, so memory follows the number of events held, not the history of bucket sizes.
 */
public final class LadderEventQueue implements EventQueue {
  private static final int NIL = -1;
  private static final int SMALL = 1024;
  private static final int PER_BUCKET = 128;
  private static final int MAX_BUCKETS = 1 << 14;
  private static final int MAX_RUNGS = 8;
  private static final int SPAWN_THRESHOLD = 512;
  private static final int CHILD_PER_BUCKET = 64;
  private static final int BOTTOM_LIMIT = 1024;
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
  private int bottomLimit = BOTTOM_LIMIT;
  private int maxBottomSize;

  // pooled chunks of entries, chained per bucket and for Top
  private long[] chunkTime;
  private long[] chunkSeq;
  private int[] chunkSlot;
  private EventHandler[] chunkHandler;
  private int[] chunkNext;
  private int[] chunkFill;
  private int chunksAllocated;
  private int freeChunk = NIL;

  // Top is chain 0; rungs 0 (coarsest) .. rungs - 1 (finest), rung r's bucket b is chain
  // 1 + r * MAX_BUCKETS + b (chain arrays grow as finer rungs are first used)
  private static final int TOP = 0;
  private int[] chainHead = new int[0];
  private int[] chainTail = new int[0];
  private int topCount;
  private int rungs;
  private final long[] rungStart = new long[MAX_RUNGS];
  private final long[] rungFirst = new long[MAX_RUNGS]; // first time of the unread buckets
  private final long[] rungLast = new long[MAX_RUNGS]; // last time the rung covers
  private final int[] rungShift = new int[MAX_RUNGS];
  private final int[] rungBuckets = new int[MAX_RUNGS];
  private final int[] rungCurrent = new int[MAX_RUNGS]; // next bucket to read

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
    ensureChains(0);
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
      if (heapSize > bottomLimit) {
        bottomOverflow();
      }
    } else {
      append(chainFor(timeNs), timeNs, seq, slot, handler);
    }
    return (slotState[slot] & 0xFFFF_FFFF_0000_0000L) | slot;
  }

  /** The chain of a time after {@code bottomLast}: the coarsest rung whose unread part has it. */
  private int chainFor(long t) {
    for (int r = 0; r < rungs; r++) {
      if (t >= rungFirst[r]) {
        if (r == 0 && t > rungLast[0]) {
          break;
        }
        return 1 + r * MAX_BUCKETS + (int) ((t - rungStart[r]) >>> rungShift[r]);
      }
    }
    topCount++;
    return TOP;
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
    if (heapSize > maxBottomSize) {
      maxBottomSize = heapSize;
    }
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

  /** Entries in the bottom heap now (cancelled ones not yet dropped included); a diagnostic. */
  public int bottomSize() {
    return heapSize;
  }

  /** The largest bottom heap any removal has seen; a diagnostic of how well the rungs work. */
  public int maxBottomSize() {
    return maxBottomSize;
  }

  /** Rungs in use now (0 when everything is in the bottom or Top); a diagnostic. */
  public int rungCount() {
    return rungs;
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

  /**
   * Loads the finest rung's next non-empty bucket into the (empty) heap, or spreads it over a finer
   * rung first when it is crowded; an exhausted rung is dropped, and with no rung left Top is
   * spread.
   */
  private void refillBottom() {
    while (heapSize == 0) {
      if (rungs == 0) {
        spreadTop();
        continue;
      }
      int r = rungs - 1;
      int bucket = rungCurrent[r];
      int chain = 1 + r * MAX_BUCKETS + bucket;
      long last = lastTimeOfBucket(r, bucket);
      rungCurrent[r] = bucket + 1;
      if (bucket + 1 == rungBuckets[r]) {
        rungs--; // the coarser rung (or Top) already goes on from last + 1; the chain stays
        // readable
      } else {
        rungFirst[r] = last + 1;
      }
      bottomLast = last;
      if (chainHead[chain] == NIL) {
        continue; // nothing pending up to last: the bottom may move past it
      }
      if (rungs < MAX_RUNGS && chainSize(chain) > SPAWN_THRESHOLD && spawnRung(chain, last)) {
        continue;
      }
      drainIntoHeap(chain);
      heapify();
      bottomLimit = Math.max(BOTTOM_LIMIT, 2 * heapSize);
    }
  }

  private long lastTimeOfBucket(int r, int bucket) {
    if (bucket + 1 == rungBuckets[r]) {
      return rungLast[r];
    }
    long width = 1L << rungShift[r];
    long start = rungStart[r];
    if (bucket + 1L > (rungLast[r] - start) / width) {
      return rungLast[r];
    }
    return start + (bucket + 1L) * width - 1;
  }

  private int chainSize(int chain) {
    int n = 0;
    for (int c = chainHead[chain]; c != NIL; c = chunkNext[c]) {
      n += chunkFill[c];
    }
    return n;
  }

  /**
   * Spreads a crowded bucket, whose range ends at {@code last}, over a new finest rung; returns
   * false, changing nothing, when its events all have one time (ties cannot be split).
   */
  private boolean spawnRung(int chain, long last) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int n = 0;
    for (int c = chainHead[chain]; c != NIL; c = chunkNext[c]) {
      int base = c << CHUNK_SHIFT;
      for (int i = base, end = base + chunkFill[c]; i < end; i++) {
        long t = chunkTime[i];
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
      n += chunkFill[c];
    }
    if (min == max) {
      return false;
    }
    int chunk = chainHead[chain];
    chainHead[chain] = NIL;
    chainTail[chain] = NIL;
    openRung(min, max, last, n);
    while (chunk != NIL) {
      int base = chunk << CHUNK_SHIFT;
      for (int i = base, end = base + chunkFill[chunk]; i < end; i++) {
        rebucket(chunkTime[i], chunkSeq[i], chunkSlot[i], chunkHandler[i]);
        chunkHandler[i] = null;
      }
      int next = chunkNext[chunk];
      freeChunk(chunk);
      chunk = next;
    }
    return true;
  }

  /**
   * The bottom outgrew its limit from inserts (skewed times): it becomes the finest rung, unless
   * its events all have one time or no rung is left, when it may grow to twice its size first. When
   * the bottom covers all times (a small Top went straight to it), everything is re-spread.
   */
  private void bottomOverflow() {
    if (bottomLast == Long.MAX_VALUE) {
      regather(false);
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < heapSize; i++) {
      min = Math.min(min, heapTime[i]);
      max = Math.max(max, heapTime[i]);
    }
    if (rungs == MAX_RUNGS || min == max) {
      bottomLimit = 2 * heapSize;
      return;
    }
    openRung(min, max, bottomLast, heapSize);
    for (int i = 0; i < heapSize; i++) {
      rebucket(heapTime[i], heapSeq[i], heapSlot[i], heapHandler[i]);
      heapHandler[i] = null;
    }
    heapSize = 0;
  }

  /**
   * Opens a new finest rung for {@code n} events in [min, max] (min < max) that covers [min, last]:
   * the range the bottom and the coarser rungs leave to it. Bucket width is a power of two giving
   * about {@value #CHILD_PER_BUCKET} events a bucket if they were spread evenly, widened if the
   * range would need more than {@value #MAX_BUCKETS} buckets.
   */
  private void openRung(long min, long max, long last, int n) {
    int r = rungs++;
    ensureChains(r + 1);
    long width = (max - min) / Math.max(1, n / CHILD_PER_BUCKET);
    int shift = 64 - Long.numberOfLeadingZeros(width);
    while (((last - min) >>> shift) >= MAX_BUCKETS) {
      shift++;
    }
    rungStart[r] = min;
    rungFirst[r] = min;
    rungLast[r] = last;
    rungShift[r] = shift;
    rungBuckets[r] = (int) ((last - min) >>> shift) + 1;
    rungCurrent[r] = 0;
    bottomLast = min - 1; // nothing is pending between the old bottomLast and min
  }

  /** Appends an entry to its bucket of the finest rung, dropping it if cancelled. */
  private void rebucket(long t, long seq, int slot, EventHandler h) {
    if (cancelledHeld > 0 && (int) slotState[slot] == CANCELLED) {
      releaseCancelled(slot);
      return;
    }
    int r = rungs - 1;
    append(1 + r * MAX_BUCKETS + (int) ((t - rungStart[r]) >>> rungShift[r]), t, seq, slot, h);
  }

  /** Chain arrays for Top and rungs [0, rungsNeeded), grown as finer rungs are first used. */
  private void ensureChains(int rungsNeeded) {
    int needed = 1 + Math.max(1, rungsNeeded) * MAX_BUCKETS;
    int old = chainHead.length;
    if (old < needed) {
      chainHead = Arrays.copyOf(chainHead, needed);
      chainTail = Arrays.copyOf(chainTail, needed);
      Arrays.fill(chainHead, old, needed, NIL);
      Arrays.fill(chainTail, old, needed, NIL);
    }
  }

  /**
   * Starts rung 0 from Top: the earliest half of Top (estimated from a strided sample) is spread
   * over buckets of about {@value #PER_BUCKET} events; a small Top goes straight into the heap.
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
      bottomLimit = Math.max(BOTTOM_LIMIT, 2 * heapSize);
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
    int shift = 64 - Long.numberOfLeadingZeros(perBucket);
    long width = 1L << shift;
    rungs = 1;
    rungStart[0] = min;
    rungFirst[0] = min;
    rungLast[0] =
        buckets > (Long.MAX_VALUE - min) / width ? Long.MAX_VALUE : min + buckets * width - 1;
    rungShift[0] = shift;
    rungBuckets[0] = buckets;
    rungCurrent[0] = 0;
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
        append(chainFor(t), t, chunkSeq[i], slot, chunkHandler[i]);
        chunkHandler[i] = null;
      }
      int next = chunkNext[chunk];
      freeChunk(chunk);
      chunk = next;
    }
  }

  /**
   * Moves every held entry back to Top, dropping cancelled ones if asked, and empties the rungs and
   * the heap: the next look at the first event spreads them afresh. Used when cancelled entries
   * outnumber live ones, and when a heap loaded from a small Top has grown too big.
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
    for (int r = 0; r < rungs; r++) {
      for (int bucket = rungCurrent[r]; bucket < rungBuckets[r]; bucket++) {
        int chain = 1 + r * MAX_BUCKETS + bucket;
        regatherChain(chainHead[chain], dropCancelled);
        chainHead[chain] = NIL;
        chainTail[chain] = NIL;
      }
    }
    regatherChain(oldTop, dropCancelled);
    rungs = 0;
    bottomLast = Long.MIN_VALUE;
    bottomLimit = BOTTOM_LIMIT;
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
        // by half, not double: fine rungs hold many part-filled chunks, and the pool should stay
        // close to its peak use
        int chunks = chunksAllocated + (chunksAllocated >> 1);
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
    put(siftUp(heapSize++, t, seq), t, seq, slot, h);
  }

  /** Moves the entries above a hole at {@code pos} down while they come after (t, seq). */
  private int siftUp(int pos, long t, long seq) {
    while (pos > 0) {
      int parent = (pos - 1) >> 2;
      long pt = heapTime[parent];
      if (t > pt || (t == pt && seq > heapSeq[parent])) {
        break;
      }
      move(parent, pos);
      pos = parent;
    }
    return pos;
  }

  /** The first of the children from {@code first} (at most four, below {@code n}). */
  private int smallestChild(int first, int n) {
    int min = first;
    long minTime = heapTime[first];
    for (int c = first + 1, end = Math.min(first + 4, n); c < end; c++) {
      long ct = heapTime[c];
      if (ct < minTime || (ct == minTime && heapSeq[c] < heapSeq[min])) {
        min = c;
        minTime = ct;
      }
    }
    return min;
  }

  /**
   * Removes the root. Floyd's bottom-up variant: the hole left at the root goes down to a leaf
   * along the smallest children, then the last entry rises from there; the last entry is a leaf's
   * and almost always belongs near the leaves, so this skips the comparison with it on every level
   * on the way down (an unpredictable branch per level).
   */
  private void heapPop() {
    int last = --heapSize;
    if (last == 0) {
      heapHandler[0] = null;
      return;
    }
    long t = heapTime[last];
    long seq = heapSeq[last];
    int slot = heapSlot[last];
    EventHandler h = heapHandler[last];
    heapHandler[last] = null;
    int pos = 0;
    for (int first = 1; first < last; first = (pos << 2) + 1) {
      int min = smallestChild(first, last);
      move(min, pos);
      pos = min;
    }
    put(siftUp(pos, t, seq), t, seq, slot, h);
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
      int min = smallestChild(first, n);
      long minTime = heapTime[min];
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
