package org.overlaysim.overlay.traffic;

/**
 * The sender's segments between snd_una and snd_nxt, as Linux's retransmit queue: each with its
 * sequence range, last transmission time and SACKED / LOST / RETRANS marks, in sequence order (a
 * ring), and linked in transmission order (Linux's tsorted list, which RACK walks from the oldest).
 * Counts are Linux's packets_out, sacked_out, lost_out and retrans_out. Grows by doubling; nothing
 * is allocated per segment.
 */
final class SendScoreboard {
  static final int SACKED = 1;
  static final int LOST = 2;

  /** Linux's TCPCB_SACKED_RETRANS: a retransmission outstanding. */
  static final int RETRANS = 4;

  /** Linux's TCPCB_EVER_RETRANS: its ACK gives no unambiguous RTT sample (Karn). */
  static final int EVER_RETRANS = 8;

  private static final int NONE = -1;

  // One segment's record is one 64-byte stride of a single array (an ACK touches one or two cache
  // lines a segment, not seven arrays): its start, end, last transmission time, transmission count
  // (orders sends at the same instant), flags, and next and previous slot in transmission order.
  private static final int SHIFT = 3;
  private static final int START = 0;
  private static final int END = 1;
  private static final int XMIT = 2;
  private static final int ORDER = 3;
  private static final int FLAGS = 4;
  private static final int TS_NEXT = 5;
  private static final int TS_PREV = 6;
  private static final int INITIAL_SLOTS = 64;

  // Allocated on the first segment, so that a connection's small parts lie together in memory.
  private long[] seg = new long[0];
  private int capacity;
  private int mask;
  private int head;
  private int count;
  private int tsHead = NONE;
  private int tsTail = NONE;
  private long transmissions;

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
    return seg[(slot(index) << SHIFT) + START];
  }

  long end(int index) {
    return seg[(slot(index) << SHIFT) + END];
  }

  long xmitNs(int index) {
    return seg[(slot(index) << SHIFT) + XMIT];
  }

  /** A new segment [s, e) sent at {@code now}. */
  void add(long s, long e, long now) {
    if (count == capacity) {
      grow();
    }
    int i = slot(count);
    seg[(i << SHIFT) + START] = s;
    seg[(i << SHIFT) + END] = e;
    seg[(i << SHIFT) + XMIT] = now;
    seg[(i << SHIFT) + ORDER] = transmissions++;
    seg[(i << SHIFT) + FLAGS] = 0;
    tsAppend(i);
    count++;
    packetsOut++;
  }

  private void grow() {
    int n = capacity;
    int grownCapacity = n == 0 ? INITIAL_SLOTS : 2 * n;
    long[] grown = new long[grownCapacity << SHIFT];
    for (int k = 0; k < count; k++) {
      int old = slot(k) << SHIFT;
      int to = k << SHIFT;
      grown[to + START] = seg[old + START];
      grown[to + END] = seg[old + END];
      grown[to + XMIT] = seg[old + XMIT];
      grown[to + ORDER] = seg[old + ORDER];
      grown[to + FLAGS] = seg[old + FLAGS];
      grown[to + TS_NEXT] = remap((int) seg[old + TS_NEXT], n);
      grown[to + TS_PREV] = remap((int) seg[old + TS_PREV], n);
    }
    tsHead = remap(tsHead, n);
    tsTail = remap(tsTail, n);
    seg = grown;
    capacity = grownCapacity;
    mask = grownCapacity - 1;
    head = 0;
  }

  private int remap(int oldSlot, int oldLength) {
    return oldSlot == NONE ? NONE : (oldSlot - head) & (oldLength - 1);
  }

  // ------------------------------------------------------------------ transmission order

  private boolean linked(int i) {
    return ((int) seg[(i << SHIFT) + TS_PREV]) != NONE || tsHead == i;
  }

  private void tsAppend(int i) {
    seg[(i << SHIFT) + TS_NEXT] = NONE;
    seg[(i << SHIFT) + TS_PREV] = tsTail;
    if (tsTail == NONE) {
      tsHead = i;
    } else {
      seg[(tsTail << SHIFT) + TS_NEXT] = i;
    }
    tsTail = i;
  }

  private void tsUnlink(int i) {
    if (!linked(i)) {
      return;
    }
    int b = i << SHIFT;
    int next = (int) seg[b + TS_NEXT];
    int prev = (int) seg[b + TS_PREV];
    if (prev == NONE) {
      tsHead = next;
    } else {
      seg[(prev << SHIFT) + TS_NEXT] = next;
    }
    if (next == NONE) {
      tsTail = prev;
    } else {
      seg[(next << SHIFT) + TS_PREV] = prev;
    }
    seg[b + TS_PREV] = NONE;
    seg[b + TS_NEXT] = NONE;
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
    while (count > 0 && seg[(head << SHIFT) + END] <= ack) {
      int i = head;
      int f = ((int) seg[(i << SHIFT) + FLAGS]);
      if ((f & SACKED) != 0) {
        sackedOut--;
      } else {
        newlyDelivered++;
        if ((f & EVER_RETRANS) == 0) {
          if (firstAckedXmitNs < 0) {
            firstAckedXmitNs = seg[(i << SHIFT) + XMIT];
          }
          lastAckedXmitNs = seg[(i << SHIFT) + XMIT];
          reordered = Math.min(reordered, seg[(i << SHIFT) + START]);
        }
        rack.advance(f, seg[(i << SHIFT) + ORDER], seg[(i << SHIFT) + XMIT], now, minRttNs);
      }
      if ((f & LOST) != 0) {
        lostOut--;
      }
      if ((f & RETRANS) != 0) {
        retransOut--;
      }
      tsUnlink(i);
      packetsOut--;
      head = (head + 1) & mask;
      count--;
      removed++;
    }
    return removed;
  }

  /** The first index whose segment starts at or after {@code seq}. */
  private int lowerBound(long seq) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (seg[(slot(mid) << SHIFT) + START] < seq) {
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
      if (seg[(i << SHIFT) + END] > e) {
        break;
      }
      int f = ((int) seg[(i << SHIFT) + FLAGS]);
      if ((f & SACKED) != 0) {
        continue;
      }
      if ((f & EVER_RETRANS) == 0) {
        if (firstSackedXmitNs < 0 || seg[(i << SHIFT) + XMIT] < firstSackedXmitNs) {
          firstSackedXmitNs = seg[(i << SHIFT) + XMIT];
        }
        lastSackedXmitNs = Math.max(lastSackedXmitNs, seg[(i << SHIFT) + XMIT]);
        reordered = Math.min(reordered, seg[(i << SHIFT) + START]);
      }
      rack.advance(f, seg[(i << SHIFT) + ORDER], seg[(i << SHIFT) + XMIT], now, minRttNs);
      if ((f & LOST) != 0) {
        lostOut--;
      }
      if ((f & RETRANS) != 0) {
        retransOut--;
      }
      seg[(i << SHIFT) + FLAGS] = (f | SACKED) & ~(LOST | RETRANS);
      sackedOut++;
      newlyDelivered++;
      highestSacked = Math.max(highestSacked, seg[(i << SHIFT) + END]);
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
    int f = ((int) seg[(i << SHIFT) + FLAGS]);
    if ((f & SACKED) != 0) {
      return;
    }
    if ((f & LOST) != 0) {
      if ((f & RETRANS) != 0) { // a retransmission lost again
        seg[(i << SHIFT) + FLAGS] = f & ~RETRANS;
        retransOut--;
      }
    } else {
      seg[(i << SHIFT) + FLAGS] = f | LOST;
      lostOut++;
    }
    retransmitHint = Math.min(retransmitHint, seg[(i << SHIFT) + START]);
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
    int i = tsHead;
    while (i != NONE) {
      int next = ((int) seg[(i << SHIFT) + TS_NEXT]);
      int f = ((int) seg[(i << SHIFT) + FLAGS]);
      if ((f & LOST) != 0 && (f & RETRANS) == 0) {
        i = next;
        continue;
      }
      if (!Rack.sentAfter(
          rack.xmitNs, seg[(i << SHIFT) + XMIT], rack.order, seg[(i << SHIFT) + ORDER])) {
        break;
      }
      long remaining = rack.rttNs + reoWndNs - (now - seg[(i << SHIFT) + XMIT]);
      if (remaining <= 0) {
        markLost(i);
        newlyLost++;
        tsUnlink(i);
      } else {
        wait = Math.max(wait, remaining);
      }
      i = next;
    }
    return wait;
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
      int f = ((int) seg[(slot(k) << SHIFT) + FLAGS]);
      if ((f & LOST) != 0 && (f & (RETRANS | SACKED)) == 0) {
        retransmitHint = seg[(slot(k) << SHIFT) + START];
        return k;
      }
    }
    retransmitHint = Long.MAX_VALUE;
    return -1;
  }

  /** The segment at {@code index} is sent again at {@code now} as a repair of a loss. */
  void retransmitted(int index, long now) {
    int i = slot(index);
    seg[(i << SHIFT) + FLAGS] |= RETRANS | EVER_RETRANS;
    retransOut++;
    resent(i, now);
  }

  /** A tail loss probe resends the last segment: a new transmission time, no loss marks. */
  void probed(int index, long now) {
    int i = slot(index);
    seg[(i << SHIFT) + FLAGS] |= EVER_RETRANS;
    resent(i, now);
  }

  private void resent(int i, long now) {
    seg[(i << SHIFT) + XMIT] = now;
    seg[(i << SHIFT) + ORDER] = transmissions++;
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
    highestSacked = 0;
    retransmitHint = Long.MAX_VALUE;
  }
}
