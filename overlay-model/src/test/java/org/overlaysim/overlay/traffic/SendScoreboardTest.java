package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sender's scoreboard and RACK's loss detection (RFC 8985 section 6). */
class SendScoreboardTest {
  private static final long MS = 1_000_000;

  private final SendScoreboard board = new SendScoreboard();
  private final Rack rack = new Rack();

  /** Four segments: two sent at 0, two at 1 ms. */
  private void sendFour() {
    board.add(1, 1001, 0);
    board.add(1001, 2001, 0);
    board.add(2001, 3001, MS);
    board.add(3001, 4001, MS);
  }

  @Test
  void inFlightIsOutMinusSackedAndLostPlusRetransmitted() {
    sendFour();
    assertThat(board.inFlight()).isEqualTo(4);
    board.beginAck();
    board.sack(3001, 4001, 21 * MS, rack, 20 * MS);
    assertThat(board.sackedOut).isEqualTo(1);
    assertThat(board.newlyDelivered).isEqualTo(1);
    assertThat(board.inFlight()).isEqualTo(3);
    // The others, sent before the SACKed one, are lost once RACK's RTT has passed (no window).
    board.detectLoss(41 * MS, rack, 0);
    assertThat(board.lostOut).isEqualTo(3);
    assertThat(board.inFlight()).isZero();
    int k = board.nextToRetransmit();
    assertThat(board.start(k)).isEqualTo(1); // lowest sequence first
    board.retransmitted(k, 41 * MS);
    assertThat(board.inFlight()).isEqualTo(1);
    board.beginAck();
    assertThat(board.acknowledge(2001, 60 * MS, rack, 20 * MS)).isEqualTo(2);
    assertThat(board.packetsOut).isEqualTo(2);
    assertThat(board.lostOut).isEqualTo(1);
    assertThat(board.retransOut).isZero();
    assertThat(board.start(board.nextToRetransmit())).isEqualTo(2001);
  }

  /**
   * RACK: with min_rtt 20 ms the reordering window is 5 ms. The segment sent at 1 ms is SACKed at
   * 21 ms (RACK.rtt 20 ms). At 21 ms the two sent at 0 have waited 21 ms < 20 + 5: not yet lost,
   * the timer should wait 4 ms; the unSACKed one sent at 1 ms (before the SACKed one, same instant)
   * waits 5. At 25 ms the first two are lost (25 - 0 >= 25), the third not (24 < 25).
   */
  @Test
  void aSegmentIsLostOnceRttPlusTheReorderingWindowHasPassedSinceItWasSent() {
    sendFour();
    board.beginAck();
    board.sack(3001, 4001, 21 * MS, rack, 20 * MS);
    long reoWnd = rack.reorderingWindowNs(false, 1, 20 * MS, 20 * MS);
    assertThat(reoWnd).isEqualTo(5 * MS);
    assertThat(board.detectLoss(21 * MS, rack, reoWnd)).isEqualTo(5 * MS);
    assertThat(board.lostOut).isZero();
    assertThat(board.detectLoss(25 * MS, rack, reoWnd)).isEqualTo(1 * MS);
    assertThat(board.lostOut).isEqualTo(2);
    assertThat(board.start(board.nextToRetransmit())).isEqualTo(1);
    board.retransmitted(0, 25 * MS);
    assertThat(board.start(board.nextToRetransmit())).isEqualTo(1001); // not the one sent at 1 ms
  }

  @Test
  void segmentsSentAfterTheLastDeliveredOneAreNeverLost() {
    sendFour();
    board.beginAck();
    board.sack(1, 1001, 21 * MS, rack, 20 * MS); // the very first one
    assertThat(board.detectLoss(500 * MS, rack, 0)).isZero();
    assertThat(board.lostOut).isZero();
  }

  @Test
  void theReorderingWindowFollowsLinux() {
    // No reordering seen: none in recovery or with 3 SACKed (the duplicate threshold)...
    assertThat(rack.reorderingWindowNs(true, 0, 20 * MS, 30 * MS)).isZero();
    assertThat(rack.reorderingWindowNs(false, 3, 20 * MS, 30 * MS)).isZero();
    // ...else min_rtt / 4, at most SRTT.
    assertThat(rack.reorderingWindowNs(false, 2, 20 * MS, 30 * MS)).isEqualTo(5 * MS);
    assertThat(rack.reorderingWindowNs(false, 2, 100 * MS, 20 * MS)).isEqualTo(20 * MS);
    rack.reorderingSeen = true;
    assertThat(rack.reorderingWindowNs(true, 5, 20 * MS, 30 * MS)).isEqualTo(5 * MS);
  }

  @Test
  void aRetransmissionDeliveredFasterThanTheMinimumRttIsNotTakenForRack() {
    sendFour();
    board.beginAck();
    board.sack(3001, 4001, 21 * MS, rack, 20 * MS);
    board.detectLoss(41 * MS, rack, 0);
    board.retransmitted(board.nextToRetransmit(), 41 * MS);
    // Acknowledged 5 ms after the retransmission: below min_rtt, so the original was delivered.
    board.beginAck();
    board.acknowledge(1001, 46 * MS, rack, 20 * MS);
    assertThat(rack.xmitNs).isEqualTo(MS);
  }

  @Test
  void aTimeoutMarksEverythingNotSackedLost() {
    sendFour();
    board.beginAck();
    board.sack(2001, 3001, 21 * MS, rack, 20 * MS);
    board.markAllLost();
    assertThat(board.lostOut).isEqualTo(3);
    assertThat(board.inFlight()).isZero();
  }

  @Test
  void theRingGrowsKeepingOrderAndTransmissionLinks() {
    for (int i = 0; i < 200; i++) {
      board.add(1 + 100L * i, 101 + 100L * i, i);
    }
    board.beginAck();
    board.sack(19_901, 20_001, 300, rack, 1);
    assertThat(board.detectLoss(400, rack, 0)).isZero();
    assertThat(board.lostOut).isEqualTo(199);
    assertThat(board.start(board.nextToRetransmit())).isEqualTo(1);
  }

  /**
   * The ring grows while it wraps round: 64 segments of 1000 bytes, segment k sent at k ms; the
   * first 32 acknowledged; 32 more (the ring full again, its start in the middle); the oldest left
   * (k = 32) probed again at 100 ms; then segment 96 at 101 ms, which makes the ring grow. Sequence
   * ranges must come out in order. With segment 96 SACKed at 300 ms (RACK's RTT 199 ms) and a 2 ms
   * reordering window, RACK walking from the oldest transmission finds every one from 33 to 95 lost
   * (waited 300 - k >= 205 ms > 201) and segment 32 not yet (200 ms waited): 1 ms to go.
   */
  @Test
  void theRingGrowsWhileWrappedKeepingOrderAndTransmissionLinks() {
    for (int k = 0; k < 64; k++) {
      board.add(1 + 1000L * k, 1001 + 1000L * k, k * MS);
    }
    board.beginAck();
    assertThat(board.acknowledge(1 + 1000L * 32, 64 * MS, rack, MS)).isEqualTo(32);
    for (int k = 64; k < 96; k++) {
      board.add(1 + 1000L * k, 1001 + 1000L * k, k * MS);
    }
    board.probed(0, 100 * MS);
    board.add(1 + 1000L * 96, 1001 + 1000L * 96, 101 * MS);
    assertThat(board.size()).isEqualTo(65);
    for (int index = 0; index < 65; index++) {
      assertThat(board.start(index)).isEqualTo(1 + 1000L * (32 + index));
      assertThat(board.end(index)).isEqualTo(1001 + 1000L * (32 + index));
    }
    board.beginAck();
    board.sack(1 + 1000L * 96, 1001 + 1000L * 96, 300 * MS, rack, MS);
    assertThat(board.detectLoss(300 * MS, rack, 2 * MS)).isEqualTo(MS);
    assertThat(board.lostOut).isEqualTo(95 - 33 + 1);
    assertThat(board.start(board.nextToRetransmit())).isEqualTo(1 + 1000L * 33);
  }

  /**
   * RACK's walk before, during and after a retransmission. The first segment (sent at 0) is lost
   * once the second, sent at the same instant but later, is SACKed at 21 ms (RTT 21 ms, no
   * reordering window); it is sent again at 21 ms and acknowledged at 42 ms. A new segment sent at
   * 43 ms and SACKed at 64 ms (RACK's RTT 21 ms) then finds the third and fourth, sent at 1 ms,
   * lost (63 ms waited), and the repair starts at the third.
   */
  @Test
  void racksWalkFollowsTransmissionOrderBeforeDuringAndAfterARetransmission() {
    sendFour();
    board.beginAck();
    board.sack(1001, 2001, 21 * MS, rack, 20 * MS);
    assertThat(board.detectLoss(21 * MS, rack, 0)).isZero();
    assertThat(board.lostOut).isEqualTo(1);
    board.retransmitted(board.nextToRetransmit(), 21 * MS);
    board.beginAck();
    assertThat(board.acknowledge(1001, 42 * MS, rack, 20 * MS)).isEqualTo(1);
    board.add(4001, 5001, 43 * MS);
    board.beginAck();
    board.sack(4001, 5001, 64 * MS, rack, 20 * MS);
    assertThat(rack.xmitNs).isEqualTo(43 * MS);
    assertThat(board.detectLoss(64 * MS, rack, 0)).isZero();
    assertThat(board.lostOut).isEqualTo(2);
    assertThat(board.start(board.nextToRetransmit())).isEqualTo(2001);
  }
}
