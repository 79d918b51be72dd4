package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.TcpTrafficTest.Bench;

/**
 * Goodput of one bulk transfer through a 1 Gbit/s bottleneck (traffic/tcp-bottleneck.yaml), against
 * the wire arithmetic. Over vxlan the inner MTU is 1500 - 50 = 1450; the MSS option is 1450 - 40 =
 * 1410 and timestamps on every segment leave 1398 payload bytes; on the wire a full segment is 1450
 * + 50 (vxlan, UDP, outer IPv4) + 14 (Ethernet) + 4 (FCS) + 8 (preamble) + 12 (gap) = 1538 bytes.
 * So the best goodput a 1 Gbit/s link allows is 1398/1538 × 1 Gbit/s = 909.0 Mbit/s.
 */
class TcpGoodputTest {
  private static final double WIRE = 1e9 * 1398 / 1538;

  private static Bench run(String... overrides) {
    Bench b = new Bench("tcp-bottleneck.yaml", overrides).run();
    System.out.printf(
        "%s: goodput %.1f Mbit/s (%.1f%% of %.1f), retransmissions %d (recoveries %d, probes %d),"
            + " timeouts %d, srtt %.2f ms,"
            + " %d bytes in %.3f s%n",
        String.join(" ", overrides),
        b.observer.goodputBps() / 1e6,
        100 * b.observer.goodputBps() / WIRE,
        WIRE / 1e6,
        b.observer.retransmissions,
        b.client().fastRetransmits(),
        b.client().lossProbes(),
        b.client().timeouts(),
        b.client().smoothedRttNs() / 1e6,
        b.observer.payload,
        (b.observer.lastDeliveredNs - b.observer.firstSentNs) / 1e9);
    return b;
  }

  /**
   * 10 Gbit/s hosts, a 4 MiB queue, ~10 ms RTT, 500 MB. The queue holds 4 MiB / 1538 × 1398 ≈ 3800
   * segments, the path 10 ms × 909 Mbit/s ≈ 810: CUBIC's window after a loss, 0.7 × (810 + 3800) ≈
   * 3200 segments, stays far above the path's, so the link never idles after slow start (about 8
   * round trips, 1.5% of the 4.4 s transfer). Within 5%.
   */
  @Test
  void overVxlanWithAFourMibQueueGoodputIsTheWireArithmetic() {
    Bench b = run();
    assertThat(b.observer.payload).isEqualTo(500_000_000L);
    assertThat(b.observer.goodputBps()).isCloseTo(WIRE, within(WIRE * 0.05));
  }

  /**
   * 1 Gbit/s, ~26 ms RTT, a 2 MiB queue, no random loss, 20 s of bulk transfer. The path holds 26
   * ms × 909 Mbit/s / (1398 × 8) ≈ 2110 segments, the queue 2 MiB / 1538 ≈ 1360: the first loss
   * comes at about 3470 segments, and CUBIC's window after it, 0.7 × 3470 ≈ 2430, stays above the
   * path's 2110, so the link keeps busy; what is lost is slow start and the recovery of a window's
   * worth of drops at the overflow. At least 85%.
   */
  @Test
  void aTwoMibQueueOnATwentySixMillisecondPathKeepsTheLinkBusy() {
    Bench b = run(LONG_PATH_2MIB);
    assertThat(b.observer.goodputBps()).isGreaterThanOrEqualTo(0.85 * WIRE);
  }

  /**
   * The same with a 512 KiB queue (≈ 340 segments, 0.16 of the path): at least 70%. Slow start
   * sends two segments per one delivered, so the queue overflows a round before the window reaches
   * the path plus the queue (2450): the first loss comes near 1700 segments, hundreds of segments
   * are lost in that round, and CUBIC reduces once to 0.7 × ~1980 ≈ 1384. One reduction is all
   * Linux makes here, because PRR keeps about ssthresh in flight through the recovery, so that
   * recovery does not end with a burst: that needs the receive window to let new data go out while
   * the holes are repaired, and Linux's dynamic right-sizing (tcp_rcv_space_adjust) gives a window
   * of about six times a round's data in slow start (2 × what was read + twice its growth), up to
   * the 6 MiB ceiling (4500 segments), beyond the ≈ 1700 + 1384 the right edge must reach. (Linux's
   * 6 MiB is of buffer: its window is that times scaling_ratio, len/truesize of the skbs received,
   * about 0.9 with GRO's large skbs, 0.5 to 0.6 with one segment per skb; a window below ≈ 4.3 MB
   * would stall part of the recovery.) After that CUBIC climbs from 1384 back to W_max ≈ 1980 (K =
   * cbrt(600 / 0.4) ≈ 11 s), concave, so the window averages about 1850 of the path's 2110 over the
   * 20 s: about 85% to 90% busy. (With the window doubling only once a window's worth had arrived,
   * the model stalled during recovery, ended it with a 670-segment burst at 10 Gbit/s that
   * overflowed the queue again and made a second reduction: 46%.)
   */
  @Test
  void aHalfMibQueueStillGivesSeventyPercent() {
    Bench b = run(LONG_PATH_512KIB);
    assertThat(b.observer.goodputBps()).isGreaterThanOrEqualTo(0.70 * WIRE);
  }

  private static final String[] LONG_PATH_2MIB = {
    "underlay.links[0].delay=13ms",
    "underlay.links[0].queue=2MiB",
    "traffic[0].bytes=0",
    "traffic[0].stop=20s",
  };

  private static final String[] LONG_PATH_512KIB = {
    "underlay.links[0].delay=13ms",
    "underlay.links[0].queue=512KiB",
    "traffic[0].bytes=0",
    "traffic[0].stop=20s",
  };

  /**
   * CUBIC's response function (RFC 9438 section 5.1): under random loss p with a constant RTT, the
   * average window is (C (3 + β) / (4 (1 − β)))^¼ · RTT^¾ / p^¾ = 1.054 · RTT^¾ / p^¾ segments (C =
   * 0.4, β = 0.7). At RTT 100 ms and p = 10^-4 that is 1.054 × 0.1778 / 0.001 = 187 segments, above
   * Reno's sqrt(3 / 2p) = 122, so CUBIC is in its own region, not the Reno-friendly one. The path
   * is 1 Gbit/s, far above the 21 Mbit/s that window gives: no queue, the RTT stays 100 ms. The
   * function is a steady state: slow start reaches the 6 MiB receive window before the first loss,
   * and the window takes about ten losses (0.7^10 × 6000 ≈ 170) to come down, so goodput is
   * measured from 30 s to 300 s (about 50 loss epochs of 5 s). 187 × 1398 × 8 / RTT, within 25%.
   */
  @Test
  void cubicFollowsItsResponseFunctionUnderRandomLoss() {
    Bench b =
        new Bench(
            "tcp-bottleneck.yaml",
            "underlay.links[0].delay=50ms",
            "underlay.links[0].loss=0.0001",
            "duration=300s",
            "traffic[0].bytes=0",
            "traffic[0].stop=300s");
    b.network.start();
    b.simulator.run(30_000_000_000L);
    long before = b.observer.payload;
    b.simulator.run(300_000_000_000L);
    double goodput = (b.observer.payload - before) * 8 / 270.0;
    double rtt = b.client().smoothedRttNs() / 1e9;
    double window =
        Math.pow(0.4 * 3.7 / (4 * 0.3), 0.25) * Math.pow(rtt, 0.75) / Math.pow(1e-4, 0.75);
    double expected = window * 1398 * 8 / rtt;
    System.out.printf(
        "cubic response: goodput %.2f Mbit/s, window %.1f, expected %.2f Mbit/s, %d recoveries%n",
        goodput / 1e6, window, expected / 1e6, b.client().fastRetransmits());
    assertThat(goodput).isCloseTo(expected, within(expected * 0.25));
  }

  /**
   * Reno under 1% random loss against Mathis et al. (1997): goodput = MSS / RTT · C / sqrt(p) with
   * C = sqrt(3 / (2b)), b the segments acknowledged per ACK that grow the window by 1/cwnd. Linux's
   * tcp_cong_avoid_ai counts segments acknowledged, not ACKs (as appropriate byte counting), so a
   * delayed ACK covering two segments grows the window as two ACKs would: the window still grows by
   * one segment per RTT and b = 1, C = sqrt(3/2) = 1.22 (b = 2, C = 0.87, is a receiver with
   * delayed ACKs and a sender counting ACKs). RTT 50 ms, p = 0.01 on the data path.
   */
  @Test
  void renoFollowsMathisUnderOnePercentLoss() {
    Bench b =
        run(
            "underlay.links[0].delay=25ms",
            "underlay.links[0].loss=0.01",
            "duration=100s",
            "traffic[0].bytes=0",
            "traffic[0].stop=100s",
            "traffic[0].congestionControl=reno");
    double rtt = b.client().smoothedRttNs() / 1e9;
    double expected = 1398 * 8 / rtt * Math.sqrt(1.5) / Math.sqrt(0.01);
    System.out.printf("reno mathis: expected %.2f Mbit/s%n", expected / 1e6);
    assertThat(b.observer.goodputBps()).isCloseTo(expected, within(expected * 0.30));
  }
}
