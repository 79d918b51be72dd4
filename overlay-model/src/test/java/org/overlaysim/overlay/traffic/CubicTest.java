package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * CUBIC against hand computations of net/ipv4/tcp_cubic.c's fixed-point arithmetic: time in 2^-10 s
 * for the curve, C = bic_scale 41 × 10 / 1024 = 0.4004, β = 717/1024. Every expected value is
 * worked out in the comments, none taken from a run.
 */
class CubicTest {
  @Test
  void theConstantsAreLinuxs() {
    // beta_scale = 8 (1024 + 717) / 3 / (1024 - 717) = 13928 / 3 / 307 = 4642 / 307 = 15 (integer
    // division), so Reno's estimate grows one segment per 15/8 windows: α = 8/15 ≈ 3(1-β)/(1+β).
    assertThat(Cubic.BETA_SCALE_FRIENDLY).isEqualTo(15);
    // cube_factor = 2^40 / (41 × 10) = 1099511627776 / 410 = 2681735677.5, truncated.
    assertThat(Cubic.CUBE_FACTOR).isEqualTo(2_681_735_677L);
  }

  @Test
  void aLossSetsTheThresholdToBetaTimesTheWindowAndFastConvergenceLowersWmax() {
    Cubic cubic = new Cubic();
    CongestionWindow w = new CongestionWindow(100);
    // 100 × 717 / 1024 = 70.02 → 70; W_max = 100.
    assertThat(cubic.ssthreshAfterLoss(w)).isEqualTo(70);
    assertThat(cubic.lastMaxCwnd).isEqualTo(100);
    // A loss below W_max (fast convergence): W_max = 90 × (1024 + 717) / 2048 = 76.5 → 76, and
    // the threshold 90 × 717 / 1024 = 63.02 → 63.
    w.cwnd = 90;
    assertThat(cubic.ssthreshAfterLoss(w)).isEqualTo(63);
    assertThat(cubic.lastMaxCwnd).isEqualTo(76);
    // Never below 2: 2 × 717 / 1024 = 1.4.
    w.cwnd = 2;
    assertThat(cubic.ssthreshAfterLoss(w)).isEqualTo(2);
  }

  @Test
  void kIsTheCubeRootOfWmaxMinusTheWindowOverC() {
    Cubic cubic = new Cubic();
    cubic.lastMaxCwnd = 100;
    cubic.update(70, 1, 5_000);
    // K = cbrt((100 - 70) / C) s = cbrt(30 × 1024 / 410) = cbrt(74.927) = 4.2153 s = 4316.5 in
    // 2^-10 s; Linux's cubic_root is a table and one Newton step (about 0.2% off).
    assertThat((double) cubic.k).isCloseTo(4316.5, within(4316.5 * 0.003));
    assertThat(cubic.originPoint).isEqualTo(100);
  }

  @Test
  void theWindowReachesWmaxAtKAndGrowsAsTheCubeBeyond() {
    Cubic cubic = new Cubic();
    cubic.lastMaxCwnd = 100;
    cubic.update(70, 1, 5_000); // the epoch starts at jiffy 5000 (HZ 1000)
    // At K (4216 ms later): t = 4216 × 1024 / 1000 = 4317 units, |t - K| ≈ 1, C (t-K)^3 ≈ 0, the
    // target is W_max = 100: 30 segments to grow, one per 70 / 30 = 2 ACKed segments.
    cubic.update(70, 1, 5_000 + 4_216);
    assertThat(cubic.cnt).isEqualTo(2);
    // At 2K (8432 ms): t - K ≈ K, the target is W_max + (W_max - 70) ≈ 130 (±1 for the cube
    // root's error); from a window of 100, 100 / 30 = 3 ACKed segments per segment.
    cubic.update(100, 1, 5_000 + 8_432);
    assertThat(cubic.cnt).isEqualTo(3);
  }

  @Test
  void withoutALossYetGrowthIsCappedAtFivePercentPerRtt() {
    Cubic cubic = new Cubic();
    // No W_max: the origin is the window itself, the target equals it, so cnt would be 100 cwnd;
    // Linux caps it at 20 while last_max_cwnd is 0: one segment per 20 ACKed, 5% per RTT.
    cubic.update(50, 1, 1_000);
    assertThat(cubic.cnt).isEqualTo(20);
  }

  @Test
  void theRenoFriendlyRegionKeepsCubicAtLeastAsFastAsReno() {
    Cubic cubic = new Cubic();
    cubic.lastMaxCwnd = 100;
    cubic.update(70, 1, 5_000);
    // 2000 segments ACKed at a window of 70, 100 ms into the epoch: Reno's estimate grows by one
    // per 70 × 15 / 8 = 131 ACKed, so by 2001 / 131 = 15 to 85. CUBIC's own target near the
    // start of the epoch is about 72 (cnt 35): the friendly region caps cnt at 70 / (85 - 70) = 4.
    cubic.update(70, 2_000, 5_100);
    assertThat(cubic.cnt).isEqualTo(4);
  }

  @Test
  void theCurveIsRecomputedOncePerMinimumDelayWhenThatIsShorterThanAThirtySecondOfASecond() {
    // Linux since 6.11 (tcp_cubic: fix to run bictcp_update() at least once per RTT): with cwnd
    // unchanged, bictcp_update returns early while jiffies - last_time <= min(HZ / 32,
    // usecs_to_jiffies(delay_min)). A minimum delay of 300 us rounds up to 1 jiffy.
    Cubic cubic = new Cubic();
    cubic.delayMinUs = 300;
    cubic.lastMaxCwnd = 2;
    // Epoch start at jiffy 5000, cwnd 2 = W_max: K = 0, the target is 2 + C t^3 = 2 (t = 1 jiffy
    // = 1/1024 s); cnt = 100 × 2 = 200. Reno's estimate starts at 2 with ack_cnt = 1.
    cubic.update(2, 1, 5_000);
    assertThat(cubic.cnt).isEqualTo(200);
    // One jiffy later (1 <= 1): held, cnt stays 200 though ack_cnt is now 9.
    cubic.update(2, 8, 5_001);
    assertThat(cubic.cnt).isEqualTo(200);
    // Two jiffies later: recomputed. The curve still says 200, but Reno's estimate has grown one
    // segment per 2 × 15 / 8 = 3 ACKed: ack_cnt 10 gives 5 (10 → 7 → 4 → 1), so cnt = 2 / (5 - 2)
    // = 0, raised to the floor of 2.
    cubic.update(2, 1, 5_002);
    assertThat(cubic.cnt).isEqualTo(2);

    // With a minimum delay of 40 ms the 1/32 s hold applies as before: 31 jiffies held, 32 not.
    Cubic slow = new Cubic();
    slow.delayMinUs = 40_000;
    slow.lastMaxCwnd = 2;
    slow.update(2, 1, 5_000);
    slow.update(2, 9, 5_031);
    assertThat(slow.cnt).isEqualTo(200);
    slow.update(2, 0, 5_032);
    assertThat(slow.cnt).isEqualTo(2);
  }

  @Test
  void linuxsCubeRootIsWithinAFewTenthsOfAPercent() {
    for (long a : new long[] {1_000L, 1L << 30, 80_452_070_310L, 1_000_000_000_000L}) {
      double exact = Math.cbrt(a);
      assertThat((double) Cubic.cubicRoot(a)).isCloseTo(exact, within(exact * 0.005));
    }
  }

  @Test
  void hyStartLeavesSlowStartWhenARoundsRttRisesByTheDelayThreshold() {
    Cubic cubic = new Cubic();
    CongestionWindow w = new CongestionWindow(20); // above hystart_low_window 16
    w.nowNs = 1_000_000_000L;
    w.sndNxt = 1_000;
    cubic.init(w);
    // Round 1: samples of 10 ms, 3 ms apart (the ACK train needs gaps of at most 2 ms).
    for (int i = 0; i < 10; i++) {
      w.nowNs += 3_000_000;
      cubic.rttSample(w, 10_000_000);
    }
    assertThat(w.inSlowStart()).isTrue();
    // Round 2 (snd_una past the round's end): the threshold is delay_min + clamp(10 / 8 ms,
    // 4 ms, 16 ms) = 14 ms; 13 ms samples are below it...
    w.sndUna = 1_001;
    w.sndNxt = 2_000;
    for (int i = 0; i < 10; i++) {
      w.nowNs += 3_000_000;
      cubic.rttSample(w, 13_000_000);
    }
    assertThat(w.inSlowStart()).isTrue();
    // ...15 ms ones, once 8 samples are in, are above it: ssthresh = cwnd ends slow start.
    w.sndUna = 2_001;
    w.sndNxt = 3_000;
    for (int i = 0; i < 9; i++) {
      w.nowNs += 3_000_000;
      cubic.rttSample(w, 15_000_000);
    }
    assertThat(w.ssthresh).isEqualTo(20);
    assertThat(w.inSlowStart()).isFalse();
  }

  /**
   * HyStart's ACK train (tcp_cubic.c hystart_update with hystart_ack_delay): slow start ends once
   * ACKs at most 2 ms apart span more than (delay_min + ack delay) / 2. With cwnd 1000, MSS 1448
   * and SRTT 10 ms the pacing rate is 2 · 1000 · 1448 / 0.01 s = 289.6 MB/s, so the ack delay is 4
   * · 65536 B / 289.6 MB/s = 905 µs (below the 1 ms cap); with delay_min 10 ms the threshold is
   * (10000 + 905) / 2 = 5452 µs: a train of 5452 µs stays in slow start, one of 5453 µs leaves it.
   */
  @Test
  void hyStartsAckTrainEndsSlowStartOnceLongerThanHalfTheMinimumDelayPlusTheAckDelay() {
    Cubic cubic = new Cubic();
    CongestionWindow w = new CongestionWindow(1000);
    w.mss = 1448;
    w.srttNs = 10_000_000;
    w.nowNs = 1_000_000_000L;
    w.sndNxt = 1_000_000;
    cubic.init(w);
    long roundStart = w.nowNs;
    for (long trainUs : new long[] {1000, 2000, 3000, 4000, 5000, 5452}) {
      w.nowNs = roundStart + trainUs * 1000;
      cubic.rttSample(w, 10_000_000);
      assertThat(w.inSlowStart()).as("train of %d us", trainUs).isTrue();
    }
    w.nowNs = roundStart + 5453 * 1000;
    cubic.rttSample(w, 10_000_000);
    assertThat(w.ssthresh).isEqualTo(1000);
    assertThat(w.inSlowStart()).isFalse();
  }
}
