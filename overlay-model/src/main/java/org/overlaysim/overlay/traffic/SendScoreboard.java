package org.overlaysim.overlay.traffic;

/**
 * The sender's segments between snd_una and snd_nxt, as Linux's retransmit queue: each with its
 * sequence range, last transmission time and SACKED / LOST / RETRANS marks, in sequence order (a
 * ring), and in transmission order (Linux's tsorted list, which RACK walks from the oldest). Counts
 * are Linux's packets_out, sacked_out, lost_out and retrans_out. Grows by doubling; nothing is
 * allocated per segment.
 *
 * <p>Segments sent once went out in sequence order, so until one is sent again transmission order
 * is sequence order and needs no links: they are made when a segment is first sent again, and
 * dropped once no segment sent twice is left.
 */
final class SendScoreboard {
  static final int SACKED = 1;
  static final int LOST = 2;

  /** Linux's TCPCB_SACKED_RETRANS: a retransmission outstanding. */
  static final int RETRANS = 4;

  /** Linux's TCPCB_EVER_RETRANS: its ACK gives no unambiguous RTT sample (Karn). */
  static final int EVER_RETRANS = 8;

  private static final int NONE = -1;
  private static final int INITIAL_SLOTS = 64;

  // A segment's record, by ring slot, in parallel arrays of the narrowest type that holds it (21
  // bytes a segment while none is sent twice): an ACK walks them in order, so each array is read
  // as one stream. Segments are contiguous (each starts where the one before ends), so only the
  // first one's start is kept.
  private long headStart;
  private long[] ends;
  private long[] sentNs;

  /** The transmission count when last sent, ordering sends at the same instant (wraps). */
  private int[] order;

  private byte[] flags;

  /**
   * Next and previous slot in transmission order, of the segments RACK may still find lost (not
   * SACKed, not marked lost unless retransmitted since); kept only while {@link #linkedOrder}.
   */
  private int[] tsNext;

  private int[] tsPrev;

  /** Whether transmission order is kept in links: some segment in the ring was sent twice. */
  private boolean linkedOrder;

  /** Segments in the ring sent more than once (EVER_RETRANS). */
  private int everRetransmitted;

  private int capacity;
  private int mask;
  private int head;
  private int count;
  private int tsHead = NONE;
  private int tsTail = NONE;
  private int transmissions;

  int packetsOut;
  int sackedOut;
  int lostOut;
  int retransOut;

  /** The end of the highest SACKed segment (Linux's fack), 0 when none. */
  long highestSacked;

  /** Where the search for lost segments to retransmit starts (Linux's retransmit_skb_hint). */
  private long retransmitHint = Long.MAX_VALUE;

  /** What the last {@link #acknowledge} or {@link #sack} found, read by the connection. */
  int newlyDelivered;

  /** Transmission times of the oldest and newest never-retransmitted segment newly acked. */
  long firstAckedXmitNs;

  long lastAckedXmitNs;

  /** Likewise for segments newly SACKed. */
  long firstSackedXmitNs;

  long lastSackedXmitNs;

  /**
   * Lowest start of a never-retransmitted segment newly delivered: below the highest SACK before
   * the ACK, it arrived after later-sent data (reordering, Linux's tcp_check_sack_reordering).
   */
  long reordered;

  int size() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** Linux's tcp_packets_in_flight: out − (sacked + lost) + retransmissions outstanding. */
  int inFlight() {
    return packetsOut - sackedOut - lostOut + retransOut;
  }

  private int slot(int index) {
    return (head + index) & mask;
  }

  long start(int index) {
    return startOf(slot(index));
  }

  private long startOf(int slot) {
    return slot == head ? headStart : ends[(slot - 1) & mask];
  }

  long end(int index) {
    return ends[slot(index)];
  }

  long xmitNs(int index) {
    return sentNs[slot(index)];
  }

  /** A new segment [s, e) sent at {@code now}, where the last one ends. */
  void add(long s, long e, long now) {
    if (count == 0) {
      headStart = s;
    } else if (s != ends[slot(count - 1)]) {
      throw new IllegalArgumentException(
          "segment at " + s + " after one ending at " + end(count - 1));
    }
    if (count == capacity) {
      grow();
    }
    int i = slot(count);
    ends[i] = e;
    sentNs[i] = now;
    order[i] = transmissions++;
    flags[i] = 0;
    if (linkedOrder) {
      tsAppend(i);
    }
    count++;
    packetsOut++;
  }

  /**
   * Doubles the ring, its segments from index 0 (allocated on the first segment, so that a
   * connection's small parts lie together in memory).
   */
  private void grow() {
    int grownCapacity = capacity == 0 ? INITIAL_SLOTS : 2 * capacity;
    if (linkedOrder) {
      int[] next = new int[grownCapacity];
      int[] prev = new int[grownCapacity];
      for (int k = 0; k < count; k++) {
        next[k] = unrolled(tsNext[slot(k)]);
        prev[k] = unrolled(tsPrev[slot(k)]);
      }
      tsNext = next;
      tsPrev = prev;
      tsHead = unrolled(tsHead);
      tsTail = unrolled(tsTail);
    } else {
      tsNext = null; // made at the ring's size when needed
      tsPrev = null;
    }
    ends = unrolled(ends, new long[grownCapacity]);
    sentNs = unrolled(sentNs, new long[grownCapacity]);
    order = unrolled(order, new int[grownCapacity]);
    flags = unrolled(flags, new byte[grownCapacity]);
    capacity = grownCapacity;
    mask = grownCapacity - 1;
    head = 0;
  }

  /** The index (the slot once the ring starts at 0) of a slot. */
  private int unrolled(int oldSlot) {
    return oldSlot == NONE ? NONE : (oldSlot - head) & mask;
  }

  /** Copies the ring's segments into {@code to} from index 0 (any primitive array type). */
  private <T> T unrolled(T from, T to) {
    if (count > 0) {
      int firstPart = Math.min(count, capacity - head);
      System.arraycopy(from, head, to, 0, firstPart);
      System.arraycopy(from, 0, to, firstPart, count - firstPart);
    }
    return to;
  }

  // ------------------------------------------------------------------ transmission order

  /**
   * A segment is sent again: transmission order, sequence order so far, is linked (the segments
   * RACK may still find lost: neither SACKed nor marked lost).
   */
  private void linkInTransmissionOrder() {
    if (tsNext == null || tsNext.length < capacity) {
      tsNext = new int[capacity];
      tsPrev = new int[capacity];
    }
    tsHead = NONE;
    tsTail = NONE;
    for (int k = 0; k < count; k++) {
      int i = slot(k);
      if ((flags[i] & (SACKED | LOST)) == 0) {
        tsAppend(i);
      } else {
        tsNext[i] = NONE;
        tsPrev[i] = NONE;
      }
    }
    linkedOrder = true;
  }

  private boolean linked(int i) {
    return tsPrev[i] != NONE || tsHead == i;
  }

  private void tsAppend(int i) {
    tsNext[i] = NONE;
    tsPrev[i] = tsTail;
    if (tsTail == NONE) {
      tsHead = i;
    } else {
      tsNext[tsTail] = i;
    }
    tsTail = i;
  }

  private void tsUnlink(int i) {
    if (!linkedOrder || !linked(i)) {
      return;
    }
    int next = tsNext[i];
    int prev = tsPrev[i];
    if (prev == NONE) {
      tsHead = next;
    } else {
      tsNext[prev] = next;
    }
    if (next == NONE) {
      tsTail = prev;
    } else {
      tsPrev[next] = prev;
    }
    tsPrev[i] = NONE;
    tsNext[i] = NONE;
  }

  // ------------------------------------------------------------------ acknowledgments

  private void resetFindings() {
    newlyDelivered = 0;
    firstAckedXmitNs = -1;
    lastAckedXmitNs = -1;
    firstSackedXmitNs = -1;
    lastSackedXmitNs = -1;
    reordered = Long.MAX_VALUE;
  }

  /**
   * Removes the segments the cumulative {@code ack} covers (Linux's tcp_clean_rtx_queue), telling
   * RACK of each; returns how many were removed.
   */
  int acknowledge(long ack, long now, Rack rack, long minRttNs) {
    int removed = 0;
    while (count > 0 && ends[head] <= ack) {
      int i = head;
      int f = flags[i];
      if ((f & SACKED) != 0) {
        sackedOut--;
      } else {
        newlyDelivered++;
        if ((f & EVER_RETRANS) == 0) {
          if (firstAckedXmitNs < 0) {
            firstAckedXmitNs = sentNs[i];
          }
          lastAckedXmitNs = sentNs[i];
          reordered = Math.min(reordered, headStart);
        }
        rack.advance(f, order[i], sentNs[i], now, minRttNs);
      }
      if ((f & LOST) != 0) {
        lostOut--;
      }
      if ((f & RETRANS) != 0) {
        retransOut--;
      }
      if ((f & EVER_RETRANS) != 0) {
        everRetransmitted--;
      }
      tsUnlink(i);
      packetsOut--;
      headStart = ends[i];
      head = (head + 1) & mask;
      count--;
      removed++;
    }
    if (everRetransmitted == 0) {
      linkedOrder = false; // what is left was sent once each, in sequence order
    }
    return removed;
  }

  /** The first index whose segment starts at or after {@code seq}. */
  private int lowerBound(long seq) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start(mid) < seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Marks the segments wholly inside the SACK block [s, e) (Linux's tcp_sacktag_one); the findings
   * add up over one ACK's blocks and cumulative part ({@link #beginAck} resets them).
   */
  void sack(long s, long e, long now, Rack rack, long minRttNs) {
    for (int k = lowerBound(s); k < count; k++) {
      int i = slot(k);
      if (ends[i] > e) {
        break;
      }
      int f = flags[i];
      if ((f & SACKED) != 0) {
        continue;
      }
      if ((f & EVER_RETRANS) == 0) {
        if (firstSackedXmitNs < 0 || sentNs[i] < firstSackedXmitNs) {
          firstSackedXmitNs = sentNs[i];
        }
        lastSackedXmitNs = Math.max(lastSackedXmitNs, sentNs[i]);
        reordered = Math.min(reordered, startOf(i));
      }
      rack.advance(f, order[i], sentNs[i], now, minRttNs);
      if ((f & LOST) != 0) {
        lostOut--;
      }
      if ((f & RETRANS) != 0) {
        retransOut--;
      }
      flags[i] = (byte) ((f | SACKED) & ~(LOST | RETRANS));
      sackedOut++;
      newlyDelivered++;
      highestSacked = Math.max(highestSacked, ends[i]);
      tsUnlink(i);
    }
  }

  /** Resets the findings before an ACK is processed. */
  void beginAck() {
    resetFindings();
  }

  // ------------------------------------------------------------------ loss marking

  /** Linux's tcp_mark_skb_lost. */
  private void markLost(int i) {
    int f = flags[i];
    if ((f & SACKED) != 0) {
      return;
    }
    if ((f & LOST) != 0) {
      if ((f & RETRANS) != 0) { // a retransmission lost again
        flags[i] = (byte) (f & ~RETRANS);
        retransOut--;
      }
    } else {
      flags[i] = (byte) (f | LOST);
      lostOut++;
    }
    retransmitHint = Math.min(retransmitHint, startOf(i));
  }

  /**
   * RACK (RFC 8985 section 6.2, Linux's tcp_rack_detect_loss): walking from the oldest
   * transmission, a segment sent before the most recently delivered one is lost once RACK's RTT
   * plus the reordering window has passed since it was sent. Returns the longest wait still pending
   * (ns; 0 when none) for the reordering timer; {@code newlyLost} counts what it marked.
   */
  long detectLoss(long now, Rack rack, long reoWndNs) {
    long wait = 0;
    newlyLost = 0;
    if (linkedOrder) {
      for (int i = tsHead; i != NONE; ) {
        int next = tsNext[i];
        long remaining = rackCheck(i, now, rack, reoWndNs);
        if (remaining < 0) {
          break;
        }
        wait = Math.max(wait, remaining);
        i = next;
      }
    } else {
      for (int k = 0; k < count; k++) {
        int i = slot(k);
        if ((flags[i] & (SACKED | LOST)) != 0) {
          continue; // not in transmission order's walk
        }
        long remaining = rackCheck(i, now, rack, reoWndNs);
        if (remaining < 0) {
          break;
        }
        wait = Math.max(wait, remaining);
      }
    }
    return wait;
  }

  /**
   * One segment of RACK's walk: -1 when it was sent after the most recently delivered one (the walk
   * ends), 0 when it is marked lost now (or was), else how long it has yet to wait.
   */
  private long rackCheck(int i, long now, Rack rack, long reoWndNs) {
    int f = flags[i];
    if ((f & LOST) != 0 && (f & RETRANS) == 0) {
      return 0;
    }
    if (!Rack.sentAfter(rack.xmitNs, sentNs[i], rack.order, order[i])) {
      return -1;
    }
    long remaining = rack.rttNs + reoWndNs - (now - sentNs[i]);
    if (remaining > 0) {
      return remaining;
    }
    markLost(i);
    newlyLost++;
    tsUnlink(i);
    return 0;
  }

  int newlyLost;

  /**
   * After a retransmission timeout (Linux's tcp_timeout_mark_lost): everything not SACKed is lost,
   * outstanding retransmissions included.
   */
  void markAllLost() {
    for (int k = 0; k < count; k++) {
      int i = slot(k);
      markLost(i);
      tsUnlink(i);
    }
  }

  // ------------------------------------------------------------------ retransmission

  /**
   * The next segment marked lost and not yet retransmitted, at or after the hint (Linux's
   * tcp_xmit_retransmit_queue walk), or -1.
   */
  int nextToRetransmit() {
    if (retransOut >= lostOut) {
      return -1;
    }
    for (int k = retransmitHint == Long.MAX_VALUE ? count : lowerBound(retransmitHint);
        k < count;
        k++) {
      int f = flags[slot(k)];
      if ((f & LOST) != 0 && (f & (RETRANS | SACKED)) == 0) {
        retransmitHint = start(k);
        return k;
      }
    }
    retransmitHint = Long.MAX_VALUE;
    return -1;
  }

  /** The segment at {@code index} is sent again at {@code now} as a repair of a loss. */
  void retransmitted(int index, long now) {
    int i = slot(index);
    countFirstResend(i);
    flags[i] |= RETRANS | EVER_RETRANS;
    retransOut++;
    resent(i, now);
  }

  /** A tail loss probe resends the last segment: a new transmission time, no loss marks. */
  void probed(int index, long now) {
    int i = slot(index);
    countFirstResend(i);
    flags[i] |= EVER_RETRANS;
    resent(i, now);
  }

  private void countFirstResend(int i) {
    if ((flags[i] & EVER_RETRANS) == 0) {
      everRetransmitted++;
    }
  }

  private void resent(int i, long now) {
    if (!linkedOrder) {
      linkInTransmissionOrder();
    }
    sentNs[i] = now;
    order[i] = transmissions++;
    tsUnlink(i);
    tsAppend(i);
  }

  /** Forgets every segment (the path MTU fell: what is outstanding is sent again, re-cut). */
  void clear() {
    while (count > 0) {
      tsUnlink(head);
      head = (head + 1) & mask;
      count--;
    }
    packetsOut = 0;
    sackedOut = 0;
    lostOut = 0;
    retransOut = 0;
    everRetransmitted = 0;
    linkedOrder = false;
    highestSacked = 0;
    retransmitHint = Long.MAX_VALUE;
  }
}
