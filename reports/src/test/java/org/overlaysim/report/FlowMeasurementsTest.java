package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;

/** stalled_s of throughput.csv: the emulation's definition, gaps of over 100 ms. */
class FlowMeasurementsTest {
  private static final long MS = 1_000_000L;

  private static FlowMeasurements flowStartedAt(long firstSentNs) {
    FlowMeasurements f = new FlowMeasurements(new RandomStreams(1, 0).stream("test"));
    f.firstSentNs = firstSentNs;
    return f;
  }

  @Test
  void aLostSynStallsTheFlowFromItsFirstSendToItsFirstPayload() {
    FlowMeasurements f = flowStartedAt(10 * MS);
    f.payloadDelivered(1398, 1_010 * MS); // the SYN again after Linux's 1 s
    f.payloadDelivered(1398, 1_011 * MS);
    assertThat(f.stalledNs).isEqualTo(1_000 * MS);
    assertThat(f.payloadBytes).isEqualTo(2 * 1398);
  }

  @Test
  void gapsOfATimeoutCountAndShortOnesDoNot() {
    FlowMeasurements f = flowStartedAt(0);
    f.payloadDelivered(1398, 1 * MS);
    f.payloadDelivered(1398, 100 * MS); // 99 ms: a delayed ACK's wait, not a stall
    f.payloadDelivered(1398, 330 * MS); // 230 ms: a retransmission timeout
    f.payloadDelivered(1398, 331 * MS);
    assertThat(f.stalledNs).isEqualTo(230 * MS);
  }

  @Test
  void theArrivalOfTheSegmentThatEndsAStallDoesNotHideIt() {
    // TcpConnection reports a segment's arrival (packetDelivered) before its payload.
    Simulator sim = new Simulator();
    RunObservations observations = new RunObservations(sim, new RandomStreams(1, 0), 1);
    sim.scheduleAt(0, () -> observations.packetSent(0, 1450));
    for (long at : new long[] {1 * MS, 331 * MS}) {
      sim.scheduleAt(
          at,
          () -> {
            observations.packetDelivered(0, 1450);
            observations.payloadDelivered(0, 1398);
          });
    }
    sim.run();
    assertThat(observations.flow(0).stalledNs).isEqualTo(330 * MS);
  }
}
