package org.overlaysim.overlay.traffic;

import java.util.Arrays;

/**
 * The receiver's out-of-order data and the SACK blocks it reports. Data above rcv_nxt is kept as
 * merged [start, end) ranges; the blocks are Linux's selective_acks: at most 4, the one the latest
 * segment extended first (RFC 2018 section 4), blocks below rcv_nxt removed; and one pending D-SACK
 * (RFC 2883) for a duplicate segment, sent once ahead of them.
 */
final class SackReceiver {
  /** Linux's TCP_NUM_SACKS. */
  static final int MAX_BLOCKS = 4;

  private long[] rangeStart = new long[8];
  private long[] rangeEnd = new long[8];
  private int ranges;

  private final long[] blockStart = new long[MAX_BLOCKS];
  private final long[] blockEnd = new long[MAX_BLOCKS];
  private int blocks;

  private long dsackStart = -1;
  private long dsackEnd;

  boolean hasOutOfOrder() {
    return ranges > 0;
  }

  /** Segment [s, e) arrived above rcv_nxt. */
  void addOutOfOrder(long s, long e) {
    insertRange(s, e);
    newBlock(s, e);
  }

  private void insertRange(long s, long e) {
    // Most segments extend the last range: find from the end.
    int i = ranges;
    while (i > 0 && rangeStart[i - 1] > e) {
      i--;
    }
    // Ranges [j, i) overlap or touch [s, e).
    int j = i;
    while (j > 0 && rangeEnd[j - 1] >= s) {
      j--;
    }
    if (j < i) {
      s = Math.min(s, rangeStart[j]);
      e = Math.max(e, rangeEnd[i - 1]);
      System.arraycopy(rangeStart, i, rangeStart, j + 1, ranges - i);
      System.arraycopy(rangeEnd, i, rangeEnd, j + 1, ranges - i);
      ranges -= i - j - 1;
    } else {
      if (ranges == rangeStart.length) {
        rangeStart = Arrays.copyOf(rangeStart, 2 * ranges);
        rangeEnd = Arrays.copyOf(rangeEnd, 2 * ranges);
      }
      System.arraycopy(rangeStart, j, rangeStart, j + 1, ranges - j);
      System.arraycopy(rangeEnd, j, rangeEnd, j + 1, ranges - j);
      ranges++;
    }
    rangeStart[j] = s;
    rangeEnd[j] = e;
  }

  /** Linux's tcp_sack_new_ofo_skb: extend a block and move it first, or make a new first one. */
  private void newBlock(long s, long e) {
    for (int b = 0; b < blocks; b++) {
      if (s <= blockEnd[b] && e >= blockStart[b]) {
        long bs = Math.min(s, blockStart[b]);
        long be = Math.max(e, blockEnd[b]);
        shiftDown(b);
        blockStart[0] = bs;
        blockEnd[0] = be;
        coalesce();
        return;
      }
    }
    if (blocks == MAX_BLOCKS) {
      blocks--; // the oldest block is no longer reported
    }
    shiftDown(blocks);
    blocks++;
    blockStart[0] = s;
    blockEnd[0] = e;
  }

  /** Moves blocks [0, b) one down, freeing the first. */
  private void shiftDown(int b) {
    System.arraycopy(blockStart, 0, blockStart, 1, b);
    System.arraycopy(blockEnd, 0, blockEnd, 1, b);
  }

  /** Linux's tcp_sack_maybe_coalesce: the first block swallows others it now overlaps. */
  private void coalesce() {
    int b = 1;
    while (b < blocks) {
      if (blockStart[b] <= blockEnd[0] && blockEnd[b] >= blockStart[0]) {
        blockStart[0] = Math.min(blockStart[0], blockStart[b]);
        blockEnd[0] = Math.max(blockEnd[0], blockEnd[b]);
        System.arraycopy(blockStart, b + 1, blockStart, b, blocks - b - 1);
        System.arraycopy(blockEnd, b + 1, blockEnd, b, blocks - b - 1);
        blocks--;
      } else {
        b++;
      }
    }
  }

  /** Moves rcv_nxt over queued data it reaches; drops blocks it covers (tcp_sack_remove). */
  long advance(long rcvNxt) {
    int consumed = 0;
    while (consumed < ranges && rangeStart[consumed] <= rcvNxt) {
      rcvNxt = Math.max(rcvNxt, rangeEnd[consumed]);
      consumed++;
    }
    if (consumed > 0) {
      System.arraycopy(rangeStart, consumed, rangeStart, 0, ranges - consumed);
      System.arraycopy(rangeEnd, consumed, rangeEnd, 0, ranges - consumed);
      ranges -= consumed;
    }
    int b = 0;
    while (b < blocks) {
      if (blockStart[b] <= rcvNxt) {
        System.arraycopy(blockStart, b + 1, blockStart, b, blocks - b - 1);
        System.arraycopy(blockEnd, b + 1, blockEnd, b, blocks - b - 1);
        blocks--;
      } else {
        b++;
      }
    }
    return rcvNxt;
  }

  /** A segment [s, e) arrived again, wholly or partly below rcv_nxt (Linux's tcp_dsack_set). */
  void duplicate(long s, long e) {
    dsackStart = s;
    dsackEnd = e;
  }

  /**
   * How many blocks the next ACK carries when {@code room} fit (3 with timestamps: Linux's
   * tcp_established_options), the D-SACK included.
   */
  int blocksToSend(int room) {
    return Math.min(room, blocks + (dsackStart >= 0 ? 1 : 0));
  }

  /**
   * Writes the next ACK's blocks as start, end pairs into {@code out} (D-SACK first, sent once);
   * returns their count.
   */
  int write(long[] out, int room) {
    int n = 0;
    if (dsackStart >= 0 && n < room) {
      out[0] = dsackStart;
      out[1] = dsackEnd;
      n++;
      dsackStart = -1;
    }
    for (int b = 0; b < blocks && n < room; b++, n++) {
      out[2 * n] = blockStart[b];
      out[2 * n + 1] = blockEnd[b];
    }
    return n;
  }
}
