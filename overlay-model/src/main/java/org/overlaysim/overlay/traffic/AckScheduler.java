package org.overlaysim.overlay.traffic;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;

/**
 * When the receiver acknowledges, as Linux's delayed-ACK engine (icsk_ack) and __tcp_ack_snd_check:
 * quick ACKs at the start of a connection and after a long gap (up to half the receive window in
 * segments, at most 16), then an ACK once more than one full segment is unacknowledged, else after
 * the delayed-ACK timer (40 ms); duplicates at once; out-of-order data at once for the first three
 * ACKs of an rcv_nxt, then SACK compression (one ACK per 44, or after min(1 ms, RTT/20)). Any
 * segment the connection sends carries the acknowledgment ({@link #ackSent}).
 */
final class AckScheduler {
  /** Linux's TCP_MAX_QUICKACKS. */
  private static final int MAX_QUICK_ACKS = 16;

  /** Linux's initial rcv_mss estimate (TCP_MSS_DEFAULT). */
  private static final int INITIAL_RCV_MSS = 536;

  /** Linux's tcp_comp_sack_nr and tcp_comp_sack_delay_ns. */
  private static final int COMPRESSED_SACKS_MAX = 44;

  private static final long COMPRESSED_SACK_DELAY_NS = 1_000_000;

  /** ACKs for one rcv_nxt sent at once before compression: the sender's duplicate threshold. */
  private static final int DUPLICATE_THRESHOLD = 3;

  private final Simulator simulator;
  private final long delayedAckNs;
  private final Runnable sendAck;
  private long unackedBytes; // received in order since our last ACK
  private boolean ackOwed;
  private int rcvMss = INITIAL_RCV_MSS; // Linux's icsk_ack.rcv_mss
  private int quickAcks; // Linux's icsk_ack.quick
  private long lastDataNs = -1; // Linux's icsk_ack.lrcvtime, -1 before the first data
  private int compressedAcks;
  private int dupAckCounter;
  private long compressedAckRcvNxt = -1;
  private long delAckDeadlineNs = -1;
  private boolean delAckScheduled;
  private final EventHandler delAckTimer = this::delAckTimerFired;
  private long compressDeadlineNs = -1;
  private final EventHandler compressTimer = this::compressTimerFired;

  AckScheduler(Simulator simulator, long delayedAckNs, Runnable sendAck) {
    this.simulator = simulator;
    this.delayedAckNs = delayedAckNs;
    this.sendAck = sendAck;
  }

  /** An old duplicate arrived: quick-ACK mode and an ACK at once (Linux's out_of_window). */
  void duplicate(long rcvWindow) {
    incrementQuickAcks(rcvWindow);
    ackOwed = true;
    sendAck.run();
  }

  /**
   * Linux's tcp_event_data_recv: in-order data of {@code length} bytes moved rcv_nxt by {@code
   * delivered} (more when it filled a hole).
   */
  void inOrder(int length, long delivered, int mss, long rtoNs, long rcvWindow) {
    long now = simulator.nowNs();
    if (length >= rcvMss) {
      rcvMss = Math.min(length, mss);
    }
    if (lastDataNs < 0) {
      incrementQuickAcks(rcvWindow); // the first data of the connection
    } else if (now - lastDataNs > rtoNs) {
      incrementQuickAcks(rcvWindow); // a long gap: the sender restarts its window
    }
    lastDataNs = now;
    ackOwed = true;
    unackedBytes += delivered;
  }

  /** Linux's tcp_incr_quickack: up to half the window in segments, at most 16, at least 2. */
  private void incrementQuickAcks(long rcvWindow) {
    int quick = (int) Math.min(MAX_QUICK_ACKS, rcvWindow / (2L * rcvMss));
    quickAcks = Math.max(quickAcks, quick == 0 ? 2 : quick);
  }

  /**
   * After in-order data: at once when more than one full segment is unacknowledged or in quick-ACK
   * mode; with data still out of order, as for out-of-order data; else the timer.
   */
  void check(boolean outOfOrder, long rcvNxt, long srttNs) {
    if (unackedBytes > rcvMss || quickAcks > 0) {
      sendAck.run();
    } else if (outOfOrder) {
      outOfOrder(rcvNxt, srttNs);
    } else {
      armDelayedAck();
    }
  }

  /** Out-of-order data arrived (or in-order data that left a hole). */
  void outOfOrder(long rcvNxt, long srttNs) {
    ackOwed = true;
    if (quickAcks > 0 || compressedAcks >= COMPRESSED_SACKS_MAX) {
      sendAck.run();
      return;
    }
    if (compressedAckRcvNxt != rcvNxt) {
      compressedAckRcvNxt = rcvNxt;
      dupAckCounter = 0;
    }
    if (dupAckCounter < DUPLICATE_THRESHOLD) {
      dupAckCounter++;
      sendAck.run();
      return;
    }
    compressedAcks++;
    if (compressDeadlineNs >= 0) {
      return;
    }
    long delay = Math.min(COMPRESSED_SACK_DELAY_NS, Math.max(0, srttNs) / 20);
    compressDeadlineNs = simulator.nowNs() + delay;
    simulator.scheduleAt(compressDeadlineNs, compressTimer);
  }

  /** A segment carrying our latest acknowledgment went out (Linux's tcp_event_ack_sent). */
  void ackSent() {
    if (ackOwed && quickAcks > 0) {
      quickAcks--;
    }
    ackOwed = false;
    unackedBytes = 0;
    delAckDeadlineNs = -1;
    compressedAcks = 0;
    compressDeadlineNs = -1;
  }

  /** The connection closed: no timer sends anything more. */
  void stop() {
    delAckDeadlineNs = -1;
    compressDeadlineNs = -1;
  }

  private void armDelayedAck() {
    if (delAckDeadlineNs >= 0) {
      return;
    }
    delAckDeadlineNs = simulator.nowNs() + delayedAckNs;
    if (!delAckScheduled) {
      delAckScheduled = true;
      simulator.scheduleAt(delAckDeadlineNs, delAckTimer);
    }
  }

  private void delAckTimerFired() {
    delAckScheduled = false;
    if (delAckDeadlineNs < 0) {
      return;
    }
    long now = simulator.nowNs();
    if (now < delAckDeadlineNs) {
      delAckScheduled = true;
      simulator.scheduleAt(delAckDeadlineNs, delAckTimer);
      return;
    }
    sendAck.run();
  }

  private void compressTimerFired() {
    if (simulator.nowNs() != compressDeadlineNs) {
      return; // an ACK went out meanwhile, or a later timer replaced this one
    }
    compressDeadlineNs = -1;
    if (compressedAcks > 0) {
      sendAck.run();
    }
  }
}
