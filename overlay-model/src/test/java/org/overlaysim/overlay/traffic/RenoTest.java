package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Linux's tcp_slow_start, tcp_cong_avoid_ai and reno, counted in segments. */
class RenoTest {
  @Test
  void slowStartGrowsByTheSegmentsAcknowledgedSoDelayedAcksStillDoubleTheWindow() {
    Reno reno = new Reno();
    CongestionWindow w = new CongestionWindow(10);
    // A window of 10 acknowledged by 5 delayed ACKs of 2 segments: +2 each, 20 after one RTT.
    for (int i = 0; i < 5; i++) {
      reno.congestionAvoidance(w, 2);
    }
    assertThat(w.cwnd).isEqualTo(20);
  }

  @Test
  void slowStartStopsAtTheThresholdAndHandsTheRestToAvoidance() {
    CongestionWindow w = new CongestionWindow(10);
    w.ssthresh = 11;
    // min(10 + 3, 11) = 11; 3 - (11 - 10) = 2 segments left over.
    assertThat(w.slowStart(3)).isEqualTo(2);
    assertThat(w.cwnd).isEqualTo(11);
  }

  @Test
  void avoidanceAddsOneSegmentPerWindowAcknowledgedWhateverTheAckSize() {
    Reno reno = new Reno();
    CongestionWindow single = new CongestionWindow(10);
    single.ssthresh = 5;
    for (int i = 0; i < 10; i++) {
      reno.congestionAvoidance(single, 1);
    }
    CongestionWindow delayed = new CongestionWindow(10);
    delayed.ssthresh = 5;
    for (int i = 0; i < 5; i++) {
      reno.congestionAvoidance(delayed, 2);
    }
    assertThat(single.cwnd).isEqualTo(11);
    assertThat(delayed.cwnd).isEqualTo(11);
    assertThat(reno.ssthreshAfterLoss(delayed)).isEqualTo(5); // 11 / 2
  }

  @Test
  void aWindowThatIsNotUsedDoesNotGrow() {
    Reno reno = new Reno();
    CongestionWindow w = new CongestionWindow(10);
    w.cwndLimited = false;
    reno.congestionAvoidance(w, 2);
    assertThat(w.cwnd).isEqualTo(10);
  }
}
