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

  private long[] start = new long[64];
  private long[] end = new long[64];
  private long[] xmitNs = new long[64];
  private long[] order = new long[64]; // transmission count: orders sends at the same instant
  private int[] flags = new int[64];
  private int[] tsNext = new int[64];
  private int[] tsPrev = new int[64];
  private int mask = 63;
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
    return start[slot(index)];
  }

  long end(int index) {
    return end[slot(index)];
  }

  long xmitNs(int index) {
    return xmitNs[slot(index)];
  }

  /** A new segment [s, e) sent at {@code now}. */
  void add(long s, long e, long now) {
    if (count == start.length) {
      grow();
    }
    int i = slot(count);
    start[i] = s;
    end[i] = e;
    xmitNs[i] = now;
    order[i] = transmissions++;
    flags[i] = 0;
    tsAppend(i);
    count++;
    packetsOut++;
  }

  private void grow() {
    int n = start.length;
    long[] s = new long[2 * n];
    long[] e = new long[2 * n];
    long[] x = new long[2 * n];
    long[] o = new long[2 * n];
    int[] f = new int[2 * n];
    int[] next = new int[2 * n];
    int[] prev = new int[2 * n];
    for (int k = 0; k < count; k++) {
      int old = slot(k);
      s[k] = start[old];
      e[k] = end[old];
      x[k] = xmitNs[old];
      o[k] = order[old];
      f[k] = flags[old];
      next[k] = remap(tsNext[old], n);
      prev[k] = remap(tsPrev[old], n);
    }
    tsHead = remap(tsHead, n);
    tsTail = remap(tsTail, n);
    start = s;
    end = e;
    xmitNs = x;
    order = o;
    flags = f;
    tsNext = next;
    tsPrev = prev;
    mask = 2 * n - 1;
    head = 0;
  }

  private int remap(int oldSlot, int oldLength) {
    return oldSlot == NONE ? NONE : (oldSlot - head) & (oldLength - 1);
  }

  // ------------------------------------------------------------------ transmission order

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
    if (!linked(i)) {
      return;
    }
    if (tsPrev[i] == NONE) {
      tsHead = tsNext[i];
    } else {
      tsNext[tsPrev[i]] = tsNext[i];
    }
    if (tsNext[i] == NONE) {
      tsTail = tsPrev[i];
    } else {
      tsPrev[tsNext[i]] = tsPrev[i];
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
    while (count > 0 && end[head] <= ack) {
      int i = head;
      int f = flags[i];
      if ((f & SACKED) != 0) {
        sackedOut--;
      } else {
        newlyDelivered++;
        if ((f & EVER_RETRANS) == 0) {
          if (firstAckedXmitNs < 0) {
            firstAckedXmitNs = xmitNs[i];
          }
          lastAckedXmitNs = xmitNs[i];
          reordered = Math.min(reordered, start[i]);
        }
        rack.advance(f, order[i], xmitNs[i], now, minRttNs);
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
      if (start[slot(mid)] < seq) {
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
      if (end[i] > e) {
        break;
      }
      int f = flags[i];
      if ((f & SACKED) != 0) {
        continue;
      }
      if ((f & EVER_RETRANS) == 0) {
        if (firstSackedXmitNs < 0 || xmitNs[i] < firstSackedXmitNs) {
          firstSackedXmitNs = xmitNs[i];
        }
        lastSackedXmitNs = Math.max(lastSackedXmitNs, xmitNs[i]);
        reordered = Math.min(reordered, start[i]);
      }
      rack.advance(f, order[i], xmitNs[i], now, minRttNs);
      if ((f & LOST) != 0) {
        lostOut--;
      }
      if ((f & RETRANS) != 0) {
        retransOut--;
      }
      flags[i] = (f | SACKED) & ~(LOST | RETRANS);
      sackedOut++;
      newlyDelivered++;
      highestSacked = Math.max(highestSacked, end[i]);
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
        flags[i] = f & ~RETRANS;
        retransOut--;
      }
    } else {
      flags[i] = f | LOST;
      lostOut++;
    }
    retransmitHint = Math.min(retransmitHint, start[i]);
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
      int next = tsNext[i];
      int f = flags[i];
      if ((f & LOST) != 0 && (f & RETRANS) == 0) {
        i = next;
        continue;
      }
      if (!Rack.sentAfter(rack.xmitNs, xmitNs[i], rack.order, order[i])) {
        break;
      }
      long remaining = rack.rttNs + reoWndNs - (now - xmitNs[i]);
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
      int f = flags[slot(k)];
      if ((f & LOST) != 0 && (f & (RETRANS | SACKED)) == 0) {
        retransmitHint = start[slot(k)];
        return k;
      }
    }
    retransmitHint = Long.MAX_VALUE;
    return -1;
  }

  /** The segment at {@code index} is sent again at {@code now} as a repair of a loss. */
  void retransmitted(int index, long now) {
    int i = slot(index);
    flags[i] |= RETRANS | EVER_RETRANS;
    retransOut++;
    resent(i, now);
  }

  /** A tail loss probe resends the last segment: a new transmission time, no loss marks. */
  void probed(int index, long now) {
    int i = slot(index);
    flags[i] |= EVER_RETRANS;
    resent(i, now);
  }

  private void resent(int i, long now) {
    xmitNs[i] = now;
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
    highestSacked = 0;
    retransmitHint = Long.MAX_VALUE;
  }
}
