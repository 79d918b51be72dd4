package org.overlaysim.overlay.traffic;

/**
 * CUBIC as Linux's net/ipv4/tcp_cubic.c computes it (RFC 9438), in its fixed-point arithmetic: β =
 * 717/1024, C = 41/1024·10 via cube_factor, fast convergence, the TCP-friendly (Reno-friendly)
 * region and HyStart with ACK-train and delay-increase detection from a window of 16. Time is
 * Linux's jiffies at HZ = 1000 (1 ms) for the cubic epoch and microseconds for HyStart, as there.
 */
final class Cubic implements CongestionControl {
  static final int BETA_SCALE = 1024;
  static final int BETA = 717;
  static final int BIC_SCALE = 41;
  private static final int BICTCP_HZ = 10;
  private static final int HZ = 1000;

  /** 8·(1024 + β)/3/(1024 − β) = 15: Reno's increase per RTT in the friendly region, ×8/cwnd. */
  static final int BETA_SCALE_FRIENDLY = 8 * (BETA_SCALE + BETA) / 3 / (BETA_SCALE - BETA);

  /** 1024·C/RTT with the 100 ms RTT cube_factor assumes: bic_scale·10. */
  static final long CUBE_RTT_SCALE = BIC_SCALE * 10;

  /** 2^40 / (bic_scale·10): K = cbrt(cube_factor·(Wmax − cwnd)), K in units of 2^-10 s. */
  static final long CUBE_FACTOR = (1L << (10 + 3 * BICTCP_HZ)) / (BIC_SCALE * 10);

  private static final int HYSTART_LOW_WINDOW = 16;
  private static final int HYSTART_MIN_SAMPLES = 8;
  private static final long HYSTART_ACK_DELTA_US = 2000;
  private static final long HYSTART_DELAY_MIN_US = 4000;
  private static final long HYSTART_DELAY_MAX_US = 16000;
  private static final long GSO_MAX_SIZE = 65536;
  private static final long MAX_ACK_DELAY_US = 1000;

  // struct bictcp
  int cnt;
  int lastMaxCwnd;
  private int lastCwnd;
  private long lastTime;
  int originPoint;
  long k;
  long delayMinUs;
  private long epochStart;
  private long ackCnt;
  private long tcpCwnd;
  private boolean found;
  private long roundStartUs;
  private long endSeq;
  private long lastAckUs;
  private long currRttUs;
  private int sampleCnt;

  private static long jiffies(long nowNs) {
    return nowNs / (1_000_000_000L / HZ);
  }

  private void reset() {
    cnt = 0;
    lastMaxCwnd = 0;
    lastCwnd = 0;
    lastTime = 0;
    originPoint = 0;
    k = 0;
    delayMinUs = 0;
    epochStart = 0;
    ackCnt = 0;
    tcpCwnd = 0;
    found = false;
  }

  private void hystartReset(CongestionWindow w) {
    roundStartUs = lastAckUs = w.nowNs / 1000;
    endSeq = w.sndNxt;
    currRttUs = Long.MAX_VALUE;
    sampleCnt = 0;
  }

  @Override
  public void init(CongestionWindow w) {
    reset();
    hystartReset(w);
  }

  /**
   * cubictcp_cwnd_event: after an idle (application-limited) period the epoch moves forward by it,
   * so the window keeps to the cubic curve instead of jumping along it.
   */
  @Override
  public void transmissionStart(CongestionWindow w, long idleNs) {
    long now = jiffies(w.nowNs);
    long delta = now - jiffies(w.nowNs - idleNs);
    if (epochStart != 0 && delta > 0) {
      epochStart = Math.min(epochStart + delta, now);
    }
  }

  @Override
  public int ssthreshAfterLoss(CongestionWindow w) {
    epochStart = 0; // end of epoch
    if (w.cwnd < lastMaxCwnd) { // fast convergence
      lastMaxCwnd = w.cwnd * (BETA_SCALE + BETA) / (2 * BETA_SCALE);
    } else {
      lastMaxCwnd = w.cwnd;
    }
    return Math.max(w.cwnd * BETA / BETA_SCALE, 2);
  }

  @Override
  public void stateChanged(CongestionWindow w, CaState state) {
    if (state == CaState.LOSS) {
      reset();
      hystartReset(w);
    }
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
    update(w.cwnd, acked, jiffies(w.nowNs));
    w.congestionAvoidAi(cnt, acked);
  }

  /** bictcp_update: the ACKs per one-segment increase ({@code cnt}) at time {@code now}. */
  void update(int cwnd, int acked, long now) {
    ackCnt += acked;
    // With the window unchanged the curve is recomputed 32 times a second, or once per minimum
    // delay if that is shorter (Linux's "tcp_cubic: fix to run bictcp_update() at least once per
    // RTT", 2024: jiffies - last_time <= min(HZ / 32, usecs_to_jiffies(delay_min))). Before it a
    // flow of sub-millisecond RTT kept cnt = 100·cwnd for 31 ms after each reduction, dozens of
    // round trips without the Reno-friendly growth.
    if (lastCwnd == cwnd && now - lastTime <= Math.min(HZ / 32, usecsToJiffies(delayMinUs))) {
      return;
    }
    // The cubic function is evaluated at most once per jiffy; a reduction zeroes epochStart.
    if (epochStart == 0 || now != lastTime) {
      lastCwnd = cwnd;
      lastTime = now;
      if (epochStart == 0) {
        epochStart = now == 0 ? 1 : now; // Linux's tcp_jiffies32 is never 0 in practice
        ackCnt = acked;
        tcpCwnd = cwnd;
        if (lastMaxCwnd <= cwnd) {
          k = 0;
          originPoint = cwnd;
        } else {
          k = cubicRoot(CUBE_FACTOR * (lastMaxCwnd - cwnd));
          originPoint = lastMaxCwnd;
        }
      }
      long t = now - epochStart + usecsToJiffies(delayMinUs);
      t = (t << BICTCP_HZ) / HZ; // from jiffies to 2^-10 s
      long offs = t < k ? k - t : t - k;
      long delta = (CUBE_RTT_SCALE * offs * offs * offs) >>> (10 + 3 * BICTCP_HZ);
      long target = t < k ? originPoint - delta : originPoint + delta;
      cnt = target > cwnd ? (int) (cwnd / (target - cwnd)) : 100 * cwnd;
      // The initial growth may be too conservative while the bandwidth is unknown: 5% per RTT.
      if (lastMaxCwnd == 0 && cnt > 20) {
        cnt = 20;
      }
    }
    // TCP friendliness: Reno's window estimate, one segment per (cwnd·15/8) ACKed segments.
    long d = ((long) cwnd * BETA_SCALE_FRIENDLY) >> 3;
    while (ackCnt > d) {
      ackCnt -= d;
      tcpCwnd++;
    }
    if (tcpCwnd > cwnd) {
      long maxCnt = cwnd / (tcpCwnd - cwnd);
      if (cnt > maxCnt) {
        cnt = (int) maxCnt;
      }
    }
    cnt = Math.max(cnt, 2); // at most one segment per two ACKed: ×1.5 per RTT
  }

  private static long usecsToJiffies(long us) {
    return (us + 1_000_000 / HZ - 1) / (1_000_000 / HZ);
  }

  /** Linux's cubic_root: a table lookup and one Newton-Raphson step (error about 0.2%). */
  static long cubicRoot(long a) {
    int b = 64 - Long.numberOfLeadingZeros(a); // fls64
    if (b < 7) {
      return (CBRT_TABLE[(int) a] + 35) >> 6;
    }
    b = ((b * 84) >> 8) - 1;
    int shift = (int) (a >>> (b * 3));
    long x = (((CBRT_TABLE[shift] + 10) << b) & 0xffff_ffffL) >> 6;
    x = 2 * x + Long.divideUnsigned(a, x * (x - 1));
    x = ((x * 341) & 0xffff_ffffL) >> 10;
    return x;
  }

  private static final int[] CBRT_TABLE = {
    0, 54, 54, 54, 118, 118, 118, 118, 123, 129, 134, 138, 143, 147, 151, 156, 157, 161, 164, 168,
    170, 173, 176, 179, 181, 185, 187, 190, 192, 194, 197, 199, 200, 202, 204, 206, 209, 211, 213,
    215, 217, 219, 221, 222, 224, 225, 227, 229, 231, 232, 234, 236, 237, 239, 240, 242, 244, 245,
    246, 248, 250, 251, 252, 254,
  };

  @Override
  public void rttSample(CongestionWindow w, long rttNs) {
    if (rttNs < 0) {
      return; // an ACK with no sample (only retransmitted segments newly acknowledged)
    }
    // Discard delay samples right after a reduction (the first second of an epoch).
    if (epochStart != 0 && jiffies(w.nowNs) - epochStart < HZ) {
      return;
    }
    long delay = Math.max(1, rttNs / 1000);
    if (delayMinUs == 0 || delayMinUs > delay) {
      delayMinUs = delay;
    }
    if (!found && w.inSlowStart() && w.cwnd >= HYSTART_LOW_WINDOW) {
      hystartUpdate(w, delay);
    }
  }

  private void hystartUpdate(CongestionWindow w, long delay) {
    if (w.sndUna > endSeq) {
      hystartReset(w);
    }
    if (w.cwnd < HYSTART_LOW_WINDOW) {
      return;
    }
    long now = w.nowNs / 1000;
    // ACK train: ACKs closely spaced for longer than half the minimum delay (no pacing).
    if (now - lastAckUs <= HYSTART_ACK_DELTA_US) {
      lastAckUs = now;
      if (trainLongerThanHalfMinDelay(now - roundStartUs, w)) {
        found = true;
        w.ssthresh = w.cwnd;
      }
    }
    // Delay increase: the round's minimum RTT over 8 samples above delay_min + clamp(min/8).
    if (currRttUs > delay) {
      currRttUs = delay;
    }
    if (sampleCnt < HYSTART_MIN_SAMPLES) {
      sampleCnt++;
    } else {
      long thresh = Math.min(HYSTART_DELAY_MAX_US, Math.max(HYSTART_DELAY_MIN_US, delayMinUs >> 3));
      if (currRttUs > delayMinUs + thresh) {
        found = true;
        w.ssthresh = w.cwnd;
      }
    }
  }

  /**
   * Whether an ACK train of {@code trainUs} is longer than (delay_min + hystart_ack_delay) / 2. The
   * ACK delay lies in [0, {@value #MAX_ACK_DELAY_US}] µs, so it is computed (two floating-point
   * divisions) only for a train between the two bounds, where its value decides.
   */
  private boolean trainLongerThanHalfMinDelay(long trainUs, CongestionWindow w) {
    if (trainUs <= delayMinUs >> 1) {
      return false;
    }
    if (trainUs > (delayMinUs + MAX_ACK_DELAY_US) >> 1) {
      return true;
    }
    return trainUs > (delayMinUs + ackDelayUs(w)) >> 1;
  }

  /**
   * hystart_ack_delay: a TSO/GRO cushion of 4 GSO-sized bursts at the pacing rate Linux computes
   * even without fq (2·cwnd·mss/srtt in slow start), at most 1 ms.
   */
  private static long ackDelayUs(CongestionWindow w) {
    if (w.srttNs <= 0) {
      return 0;
    }
    double rate = 2.0 * w.cwnd * w.mss / (w.srttNs / 1e9); // bytes per second
    return (long) Math.min(MAX_ACK_DELAY_US, GSO_MAX_SIZE * 4 * 1e6 / rate);
  }
}
