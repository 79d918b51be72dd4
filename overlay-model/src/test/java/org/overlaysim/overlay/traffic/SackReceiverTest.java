package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The receiver's SACK blocks (RFC 2018 section 4, RFC 2883; Linux's selective_acks). */
class SackReceiverTest {
  private final SackReceiver sacks = new SackReceiver();
  private final long[] out = new long[6];

  @Test
  void theFirstBlockHoldsTheLatestSegmentAndOlderBlocksFollow() {
    sacks.addOutOfOrder(10, 20);
    sacks.addOutOfOrder(30, 40);
    assertThat(sacks.write(out, 3)).isEqualTo(2);
    assertThat(out).startsWith(30, 40, 10, 20);
    // 20..30 joins both: one block, first.
    sacks.addOutOfOrder(20, 30);
    assertThat(sacks.write(out, 3)).isEqualTo(1);
    assertThat(out).startsWith(10, 40);
  }

  @Test
  void atMostThreeBlocksGoOnTheWireBesideTimestampsAndFourAreRemembered() {
    for (long s = 10; s < 100; s += 20) {
      sacks.addOutOfOrder(s, s + 10); // five separate blocks
    }
    assertThat(sacks.blocksToSend(SackReceiver.MAX_BLOCKS)).isEqualTo(4);
    assertThat(sacks.blocksToSend(3)).isEqualTo(3);
    assertThat(sacks.write(out, 3)).isEqualTo(3);
    assertThat(out).containsExactly(90, 100, 70, 80, 50, 60);
  }

  @Test
  void rcvNxtMovesOverQueuedDataAndTheBlocksItCoversGo() {
    sacks.addOutOfOrder(10, 20);
    sacks.addOutOfOrder(30, 40);
    assertThat(sacks.advance(10)).isEqualTo(20);
    assertThat(sacks.write(out, 3)).isEqualTo(1);
    assertThat(out).startsWith(30, 40);
    assertThat(sacks.advance(30)).isEqualTo(40);
    assertThat(sacks.hasOutOfOrder()).isFalse();
    assertThat(sacks.blocksToSend(3)).isZero();
  }

  @Test
  void aDuplicateIsReportedOnceAsADsackAheadOfTheBlocks() {
    sacks.addOutOfOrder(30, 40);
    sacks.duplicate(0, 10);
    assertThat(sacks.blocksToSend(3)).isEqualTo(2);
    assertThat(sacks.write(out, 3)).isEqualTo(2);
    assertThat(out).startsWith(0, 10, 30, 40);
    assertThat(sacks.write(out, 3)).isEqualTo(1);
    assertThat(out).startsWith(30, 40);
  }
}
