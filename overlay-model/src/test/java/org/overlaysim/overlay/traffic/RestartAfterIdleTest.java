package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Linux's tcp_cwnd_restart and CUBIC's epoch shift after an idle period, by hand. */
class RestartAfterIdleTest {
  private static final long RTO = 200_000_000L;

  @Test
  void theWindowHalvesOncePerRtoOfIdlenessBeyondTheFirst() {
    CongestionWindow w = new CongestionWindow(100);
    // Idle 3.5 RTO: 3.5 - 1 = 2.5 > 0 → 50; 1.5 → 25; 0.5 → 12; -0.5 stops: 12 (above IW 10).
    w.restartAfterIdle(7 * RTO / 2, RTO, 10);
    assertThat(w.cwnd).isEqualTo(12);
    // ssthresh keeps max(∞, 3/4 × 100): still "infinite" before any loss.
    assertThat(w.ssthresh).isEqualTo(CongestionWindow.INFINITE_SSTHRESH);
  }

  @Test
  void neverBelowTheInitialWindowAndSsthreshRemembersThreeQuarters() {
    CongestionWindow w = new CongestionWindow(100);
    w.ssthresh = 40;
    // Idle 10 RTO: 50, 25, 12, 6 (it halves while above IW 10), then max(6, 10) = 10.
    w.restartAfterIdle(10 * RTO, RTO, 10);
    assertThat(w.cwnd).isEqualTo(10);
    // tcp_current_ssthresh: max(40, 100/2 + 100/4 = 75) = 75.
    assertThat(w.ssthresh).isEqualTo(75);
  }

  @Test
  void cubicsEpochMovesForwardByTheIdleTime() {
    Cubic cubic = new Cubic();
    cubic.lastMaxCwnd = 100;
    cubic.update(70, 1, 5_000); // epoch starts at jiffy 5000
    CongestionWindow w = new CongestionWindow(70);
    // 3 s later, after 2 s idle: the epoch moves 2000 jiffies, so at jiffy 8000 the curve is where
    // it was at 6000 (1 s in, before K = 4.2 s): the target is still below W_max, not past it.
    w.nowNs = 8_000_000_000L;
    cubic.transmissionStart(w, 2_000_000_000L);
    cubic.update(71, 1, 8_000);
    // At t = 1 s: C (t - K)^3 = 0.4004 × 3.2153^3 = 13.3 → target 100 - 13 = 87 (±1): 71 / 16 = 4.
    // Unshifted, t = 3 s: 0.4004 × 1.2153^3 = 0.7 → target 99: 71 / 28 = 2.
    assertThat(cubic.cnt).isEqualTo(4);
  }
}
