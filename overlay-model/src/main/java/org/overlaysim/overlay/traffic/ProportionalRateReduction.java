package org.overlaysim.overlay.traffic;

/**
 * Proportional Rate Reduction (RFC 6937) as Linux's tcp_cwnd_reduction: during recovery the window
 * is what is in flight plus what this ACK allows sending, so that by the end of recovery about
 * ssthresh segments are in flight; while in flight is below ssthresh, slow start (PRR-SSRB) by at
 * most what was delivered, plus one when snd_una advanced without new losses.
 */
final class ProportionalRateReduction {
  private int priorCwnd;
  private int delivered; // prr_delivered
  private int out; // prr_out

  /** Linux's tcp_init_cwnd_reduction: recovery starts with {@code cwnd} as RecoverFS. */
  void start(int cwnd) {
    priorCwnd = cwnd;
    delivered = 0;
    out = 0;
  }

  /** A segment was sent (new or retransmitted) during recovery. */
  void sent(int segments) {
    out += segments;
  }

  /**
   * The window after an ACK that delivered {@code newlyAckedSacked} segments: in flight + sndcnt;
   * the ACK that starts recovery always allows one segment (the fast retransmit).
   */
  int window(int ssthresh, int inFlight, int newlyAckedSacked, int newlyLost, boolean unaAdvanced) {
    if (newlyAckedSacked <= 0 || priorCwnd == 0) {
      return -1;
    }
    delivered += newlyAckedSacked;
    int delta = ssthresh - inFlight;
    int sndcnt;
    if (delta < 0) {
      long dividend = (long) ssthresh * delivered + priorCwnd - 1;
      sndcnt = (int) (dividend / priorCwnd) - out;
    } else {
      sndcnt = Math.max(delivered - out, newlyAckedSacked);
      if (unaAdvanced && newlyLost == 0) {
        sndcnt++;
      }
      sndcnt = Math.min(delta, sndcnt);
    }
    sndcnt = Math.max(sndcnt, out > 0 ? 0 : 1);
    return inFlight + sndcnt;
  }
}
