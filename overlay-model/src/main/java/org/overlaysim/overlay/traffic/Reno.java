package org.overlaysim.overlay.traffic;

/** Linux's built-in reno (net/ipv4/tcp_cong.c): tcp_reno_cong_avoid and tcp_reno_ssthresh. */
final class Reno implements CongestionControl {
  @Override
  public int ssthreshAfterLoss(CongestionWindow w) {
    return Math.max(w.cwnd >> 1, 2);
  }

  @Override
  public void congestionAvoidance(CongestionWindow w, int acked) {
    if (!w.cwndLimited) {
      return;
    }
    if (w.inSlowStart()) {
      acked = w.slowStart(acked);
      if (acked == 0) {
        return;
      }
    }
    w.congestionAvoidAi(w.cwnd, acked);
  }
}
