package org.overlaysim.overlay.traffic;

/**
 * What a {@link CongestionControl} reads and moves, counted in segments as Linux's {@code
 * tcp_sock}: the window ({@code snd_cwnd}), its fractional growth ({@code snd_cwnd_cnt}) and the
 * slow-start threshold; the connection refreshes the read-only part before each call.
 */
public final class CongestionWindow {
  /** Linux's TCP_INFINITE_SSTHRESH: slow start until the first loss. */
  public static final int INFINITE_SSTHRESH = 0x7fff_ffff;

  /** Linux's snd_cwnd_clamp default: no clamp. */
  private static final int CLAMP = 0x7fff_ffff;

  int cwnd;
  int cwndCnt;
  int ssthresh = INFINITE_SSTHRESH;

  // Refreshed by the connection before each call (read-only for congestion controls).
  long nowNs;
  long sndUna;
  long sndNxt;
  long srttNs = -1;
  int mss;
  boolean cwndLimited = true;

  CongestionWindow(int initialWindow) {
    this.cwnd = initialWindow;
  }

  /** Linux's tcp_in_slow_start. */
  public boolean inSlowStart() {
    return cwnd < ssthresh;
  }

  /**
   * Linux's tcp_cwnd_restart (RFC 2861, tcp_slow_start_after_idle): after {@code idleNs} without
   * sending, longer than the RTO, the window halves once per further RTO of idleness, down to the
   * initial window at most; ssthresh keeps 3/4 of the old window (tcp_current_ssthresh).
   */
  void restartAfterIdle(long idleNs, long rtoNs, int initialWindow) {
    ssthresh = Math.max(ssthresh, (cwnd >> 1) + (cwnd >> 2));
    int restart = Math.min(initialWindow, cwnd);
    int c = cwnd;
    long delta = idleNs;
    while ((delta -= rtoNs) > 0 && c > restart) {
      c >>= 1;
    }
    cwnd = Math.max(c, restart);
  }

  /**
   * Linux's tcp_slow_start: the window grows by the segments newly acknowledged, up to ssthresh;
   * returns the acknowledged segments left over for congestion avoidance.
   */
  int slowStart(int acked) {
    int grown = (int) Math.min((long) cwnd + acked, ssthresh);
    int left = acked - (grown - cwnd);
    cwnd = Math.min(grown, CLAMP);
    return left;
  }

  /** Linux's tcp_cong_avoid_ai: one segment more for every {@code w} segments acknowledged. */
  void congestionAvoidAi(int w, int acked) {
    if (cwndCnt >= w) { // credits accumulated at a higher w are applied gently
      cwndCnt = 0;
      cwnd++;
    }
    cwndCnt += acked;
    if (cwndCnt >= w) {
      int delta = cwndCnt / w;
      cwndCnt -= delta * w;
      cwnd += delta;
    }
    cwnd = Math.min(cwnd, CLAMP);
  }
}
