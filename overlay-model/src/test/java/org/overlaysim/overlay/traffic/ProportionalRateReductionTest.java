package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PRR's sndcnt per ACK, against RFC 6937's algorithm worked by hand. */
class ProportionalRateReductionTest {
  /**
   * RFC 6937 section 6's setting: 20 segments out (RecoverFS 20), one lost, ssthresh 10, every ACK
   * delivers one segment. pipe before ACK k's sends = 19 - k + (segments sent so far). While pipe >
   * ssthresh, sndcnt = ceil(prr_delivered × 10 / 20) - prr_out: 1, 0, 1, 0, ... (one segment per
   * two delivered: the rate halves at once, no pause); ACK 17 finds pipe = 19 - 17 + 8 = 10 =
   * ssthresh, sndcnt = min(ssthresh - pipe, ...) = 0; ACK 18, pipe 9: the slow-start reduction
   * bound allows min(1, max(18 - 8, 1)) = 1; ACK 19, pipe 19 - 19 + 9 = 9: again 1. After the 19
   * ACKs pipe = the 10 sent: ssthresh, as PRR intends.
   */
  @Test
  void theWindowFallsSmoothlyToSsthreshOverOneRoundTrip() {
    ProportionalRateReduction prr = new ProportionalRateReduction();
    prr.start(20);
    List<Integer> sndcnt = new ArrayList<>();
    int sent = 0;
    for (int k = 1; k <= 19; k++) {
      int pipe = 19 - k + sent;
      int n = prr.window(10, pipe, 1, 0, false) - pipe;
      prr.sent(n);
      sent += n;
      sndcnt.add(n);
    }
    assertThat(sndcnt).containsExactly(1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1);
    assertThat(sent).isEqualTo(10);
  }

  @Test
  void theAckThatStartsRecoveryAlwaysAllowsTheFastRetransmit() {
    ProportionalRateReduction prr = new ProportionalRateReduction();
    prr.start(100);
    // ceil(1 × 30 / 100) = 1 anyway; with ssthresh 0 the proportional part is 0 yet one goes.
    assertThat(prr.window(0, 99, 1, 0, false)).isEqualTo(100);
  }

  @Test
  void belowSsthreshAnAdvancingAckWithoutNewLossesAllowsOneMore() {
    ProportionalRateReduction prr = new ProportionalRateReduction();
    prr.start(20);
    // pipe 5, ssthresh 10: min(10 - 5, max(prr_delivered - prr_out = 2, 2) + 1) = 3.
    assertThat(prr.window(10, 5, 2, 0, true)).isEqualTo(8);
    prr.sent(3);
    // Same with a new loss on this ACK: no +1: min(5, max(4 - 3, 2)) = 2.
    assertThat(prr.window(10, 5, 2, 1, true)).isEqualTo(7);
  }
}
