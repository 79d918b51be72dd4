package org.overlaysim.overlay.traffic;

/**
 * The sender's loss-recovery state machine, as Linux's tcp_fastretrans_alert, tcp_enter_recovery,
 * tcp_enter_loss, tcp_process_tlp_ack and tcp_cong_control: which {@link CaState} the sender is in,
 * when RACK declares segments lost, and how the window moves on each ACK (PRR in recovery, the
 * congestion control's growth otherwise). The connection sends and keeps the timers; every call
 * expects the {@link CongestionWindow} refreshed for the current instant.
 */
final class LossRecovery {
  private final CongestionWindow window;
  private final CongestionControl congestion;
  private final SendScoreboard board;
  private final Rack rack;
  private final ProportionalRateReduction prr = new ProportionalRateReduction();
  private CaState state = CaState.OPEN;
  private long highSeq; // Linux's high_seq: recovery and loss end when it is acknowledged
  private long tlpHighSeq; // snd_nxt when a tail loss probe went out, 0 when none outstanding
  private boolean tlpRetransmitted;
  private boolean tlpDsacked; // a D-SACK covered the probe: original and probe both arrived
  private long recoveries;

  LossRecovery(
      CongestionWindow window, CongestionControl congestion, SendScoreboard board, Rack rack) {
    this.window = window;
    this.congestion = congestion;
    this.board = board;
    this.rack = rack;
  }

  CaState state() {
    return state;
  }

  /** Recoveries entered (each starts with a fast retransmit). */
  long recoveries() {
    return recoveries;
  }

  /** The connection is established with nothing sent yet. */
  void start(long sndUna) {
    highSeq = sndUna;
  }

  /** Linux's tcp_rack_reo_wnd in the current state. */
  long reorderingWindowNs(long minRttNs, long srttNs) {
    return rack.reorderingWindowNs(
        state == CaState.RECOVERY || state == CaState.LOSS, board.sackedOut, minRttNs, srttNs);
  }

  /**
   * One ACK, after its SACK blocks and cumulative part went into the scoreboard: leaves recovery or
   * loss once high_seq is acknowledged, runs RACK when it moved, enters recovery on a loss, then
   * sets the window. Returns how long RACK still waits for segments that may only be reordered (ns,
   * 0 when none).
   */
  long onAck(
      long now,
      long ack,
      long sndUna,
      long sndNxt,
      boolean advanced,
      boolean carriedSacks,
      boolean dsack,
      int ackedSacked,
      long minRttNs,
      long srttNs) {
    long wait = 0;
    int newlyLost = 0;
    // Linux's tcp_fastretrans_alert, for an ACK that is not plainly in order.
    if (state != CaState.OPEN || board.sackedOut > 0 || carriedSacks) {
      if (sndUna >= highSeq) {
        if (state == CaState.RECOVERY) {
          window.cwnd = window.ssthresh; // tcp_end_cwnd_reduction (no undo modelled)
          window.cwndCnt = 0;
          setState(CaState.OPEN);
        } else if (state == CaState.LOSS) {
          setState(CaState.OPEN);
        }
      }
      if (rack.advanced && !board.isEmpty()) {
        rack.advanced = false;
        wait = board.detectLoss(now, rack, reorderingWindowNs(minRttNs, srttNs));
        newlyLost = board.newlyLost;
      }
      if ((state == CaState.OPEN || state == CaState.DISORDER) && board.lostOut > 0) {
        enterRecovery(sndNxt);
      } else if (state == CaState.OPEN || state == CaState.DISORDER) {
        keepOpen(sndNxt);
      }
    }
    if (tlpHighSeq > 0) {
      tailProbeAcked(ack, dsack, advanced, sndNxt);
    }
    // Linux's tcp_cong_control.
    if (state == CaState.RECOVERY) {
      int cwnd = prr.window(window.ssthresh, board.inFlight(), ackedSacked, newlyLost, advanced);
      if (cwnd >= 0) {
        window.cwnd = cwnd;
      }
    } else if (advanced && ackedSacked > 0) {
      congestion.congestionAvoidance(window, ackedSacked);
    }
    return wait;
  }

  /**
   * RACK's reordering timer marked segments lost (Linux's tcp_rack_reo_timeout): recovery starts
   * here unless already in it.
   */
  void lostOnTimer(long sndNxt) {
    if (state != CaState.RECOVERY && state != CaState.LOSS) {
      enterRecovery(sndNxt);
      int cwnd = prr.window(window.ssthresh, board.inFlight(), 1, 0, false);
      if (cwnd >= 0) {
        window.cwnd = cwnd;
      }
    }
  }

  /** Segments went out (new or again): PRR counts them during recovery. */
  void sent(int segments) {
    if (state == CaState.RECOVERY) {
      prr.sent(segments);
    }
  }

  /** Linux's tcp_schedule_loss_probe: probes only in the open state. */
  boolean mayProbe() {
    return state == CaState.OPEN;
  }

  boolean probeOutstanding() {
    return tlpHighSeq != 0;
  }

  /** A tail loss probe went out: new data, or the last segment again. */
  void probeSent(long sndNxt, boolean retransmission) {
    tlpRetransmitted = retransmission;
    tlpHighSeq = sndNxt;
  }

  /** A D-SACK reported [.., end) received twice. */
  void duplicateReported(long end) {
    if (tlpHighSeq > 0 && end >= tlpHighSeq) {
      tlpDsacked = true;
    }
  }

  /**
   * Linux's tcp_enter_loss after a retransmission timeout: ssthresh reduced unless already for this
   * window, everything un-SACKed lost, the window what is in flight + 1.
   */
  void enterLoss(long sndUna, long sndNxt, boolean firstTimeoutSinceProgress) {
    if (state == CaState.OPEN
        || state == CaState.DISORDER
        || highSeq <= sndUna
        || (state == CaState.LOSS && firstTimeoutSinceProgress)) {
      window.ssthresh = congestion.ssthreshAfterLoss(window);
    }
    board.markAllLost();
    window.cwnd = board.inFlight() + 1;
    window.cwndCnt = 0;
    setState(CaState.LOSS);
    highSeq = sndNxt;
    tlpHighSeq = 0;
    rack.advanced = false;
  }

  /** Linux's tcp_try_keep_open: disorder while anything is SACKed, lost or retransmitted. */
  private void keepOpen(long sndNxt) {
    CaState next =
        board.sackedOut + board.lostOut > 0 || board.retransOut > 0
            ? CaState.DISORDER
            : CaState.OPEN;
    if (state != next) {
      setState(next);
      highSeq = sndNxt;
    }
  }

  /** Linux's tcp_enter_recovery with tcp_init_cwnd_reduction. */
  private void enterRecovery(long sndNxt) {
    recoveries++;
    highSeq = sndNxt;
    tlpHighSeq = 0;
    window.cwndCnt = 0;
    prr.start(window.cwnd);
    window.ssthresh = congestion.ssthreshAfterLoss(window);
    setState(CaState.RECOVERY);
  }

  private void setState(CaState next) {
    state = next;
    congestion.stateChanged(window, next);
  }

  /**
   * Linux's tcp_process_tlp_ack: a probe that was a retransmission and is acknowledged without a
   * D-SACK repaired a loss, so the window is reduced once (CWR, ended at once).
   */
  private void tailProbeAcked(long ack, boolean dsack, boolean advanced, long sndNxt) {
    if (ack < tlpHighSeq) {
      return;
    }
    if (!tlpRetransmitted || tlpDsacked) {
      tlpHighSeq = 0;
    } else if (ack > tlpHighSeq) {
      tlpHighSeq = 0;
      window.ssthresh = congestion.ssthreshAfterLoss(window);
      window.cwnd = window.ssthresh;
      window.cwndCnt = 0;
      keepOpen(sndNxt);
    } else if (!advanced && !dsack) {
      tlpHighSeq = 0; // a pure duplicate: original and probe both arrived
    }
    tlpDsacked = false;
  }
}
