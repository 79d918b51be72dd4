package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;

class LinkTransmitterTest {
  private static final long GBPS = 1_000_000_000L;

  private final Simulator sim = new Simulator();
  private final List<Long> arrivals = new ArrayList<>();
  private final List<Integer> arrivedIds = new ArrayList<>();
  private final List<Integer> lostIds = new ArrayList<>();

  private static Link link(
      long bandwidthBps, long delayNs, long queueBytes, double loss, long jitter) {
    return new Link("a--b", "a", "b", bandwidthBps, delayNs, 1500, queueBytes, loss, jitter);
  }

  private LinkTransmitter transmitter(Link link) {
    LinkTransmitter t = new LinkTransmitter(sim, new RandomStreams(42, 0), link, "a");
    t.connect(
        new LinkSink() {
          @Override
          public void delivered(Transmittable item, LinkTransmitter via) {
            arrivals.add(sim.nowNs());
            arrivedIds.add(((TestPacket) item).id);
          }

          @Override
          public void lost(Transmittable item, LinkTransmitter via) {
            lostIds.add(((TestPacket) item).id);
          }
        });
    return t;
  }

  private static TestPacket packet(int id, int length) {
    return TestPacket.udp(id, length, "10.0.0.1", "10.0.0.2", 50000);
  }

  @Test
  void packetArrivesAfterSerializationPlusPropagation() {
    LinkTransmitter t = transmitter(link(GBPS, 1_000_000, 1 << 20, 0, 0));
    assertThat(t.send(packet(0, 1500))).isEqualTo(SendResult.SENT);
    sim.run();
    assertThat(arrivals).containsExactly(12_304L + 1_000_000L);
  }

  /** A scenario's set event: the next packet takes the new bandwidth and delay. */
  @Test
  void aChangedLinkSerializesAndPropagatesTheNextPacketAtItsNewFigures() {
    LinkTransmitter t = transmitter(link(GBPS, 1_000_000, 1 << 20, 0, 0));
    t.change(link(GBPS / 10, 40_000_000, 1 << 20, 0, 0));
    assertThat(t.send(packet(0, 1500))).isEqualTo(SendResult.SENT);
    sim.run();
    // 1538 byte times at 100 Mbit/s: 123.04 us, then 40 ms.
    assertThat(arrivals).containsExactly(123_040L + 40_000_000L);
  }

  @Test
  void queueingDelayUnderABurstEqualsBytesAheadOverBandwidth() {
    // Ten 1000-byte packets at once on 100 Mbit/s: each waits for the wire bytes ahead of it,
    // 1038 byte-times per packet = 83.04 us at 100 Mbit/s.
    long bandwidth = 100_000_000L;
    long delay = 2_000_000;
    LinkTransmitter t = transmitter(link(bandwidth, delay, 1 << 20, 0, 0));
    for (int i = 0; i < 10; i++) {
      t.send(packet(i, 1000));
    }
    sim.run();
    long ownSerialization = EthernetFraming.serializationNs(1000, bandwidth);
    for (int k = 0; k < 10; k++) {
      long bytesAhead = k * 1038L;
      long queueingNs = bytesAhead * 8 * 1_000_000_000L / bandwidth;
      assertThat(arrivals.get(k) - ownSerialization - delay)
          .as("packet %d", k)
          .isEqualTo(queueingNs);
    }
  }

  @Test
  void queueFullDropsOnceTheBacklogWouldExceedTheQueue() {
    // The packet on the wire does not count; two 1500-byte packets fill a 3000-byte queue.
    LinkTransmitter t = transmitter(link(GBPS, 0, 3000, 0, 0));
    List<SendResult> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(t.send(packet(i, 1500)));
    }
    assertThat(results)
        .containsExactly(
            SendResult.SENT,
            SendResult.SENT,
            SendResult.SENT,
            SendResult.QUEUE_FULL,
            SendResult.QUEUE_FULL);
    assertThat(t.queuedBytes()).isEqualTo(3000);
    sim.run();
    assertThat(arrivedIds).containsExactly(0, 1, 2);
    assertThat(t.counters().queueFullDrops()).isEqualTo(2);
    assertThat(t.counters().droppedBytes()).isEqualTo(3000);
  }

  @Test
  void queueEmptiesAsPacketsStartSerializing() {
    LinkTransmitter t = transmitter(link(GBPS, 1_000_000, 3000, 0, 0));
    t.send(packet(0, 1500));
    t.send(packet(1, 1500));
    t.send(packet(2, 1500));
    sim.run(12_304); // the first has left the wire, the second is on it
    assertThat(t.queuedBytes()).isEqualTo(1500);
    assertThat(t.send(packet(3, 1500))).isEqualTo(SendResult.SENT);
  }

  @Test
  void aThousandPacketsInFlightHoldOneEventInTheSimulator() {
    // Arrivals are FIFO: only the oldest packet in flight needs an event, so a long fat link
    // does not fill the event queue (and slow every other event down).
    LinkTransmitter t = transmitter(link(GBPS, 10_000_000, 1 << 30, 0, 0));
    for (int i = 0; i < 1000; i++) {
      t.send(packet(i, 1500));
    }
    assertThat(t.inFlight()).isEqualTo(1000);
    assertThat(sim.pendingEvents()).isEqualTo(1);
    sim.run();
    assertThat(arrivedIds).hasSize(1000).isSorted();
    assertThat(sim.eventsExecuted()).isEqualTo(1000);
  }

  @Test
  void senderDelayPostponesTheWholeTransmissionAndReceiverDelayTheHandOver() {
    // A VTEP's 3 us encapsulation before the wire and 3 us decapsulation after it.
    LinkTransmitter t = transmitter(link(GBPS, 1_000_000, 1 << 20, 0, 0));
    t.endDelays(3_000, 3_000);
    t.send(packet(0, 1500));
    t.send(packet(1, 1500));
    sim.run();
    assertThat(arrivals)
        .containsExactly(
            3_000L + 12_304 + 1_000_000 + 3_000, 3_000L + 2 * 12_304 + 1_000_000 + 3_000);
  }

  @Test
  void senderDelayJudgesTheQueueWhenThePacketReachesIt() {
    // Sent at 0 with a 12,304 ns sender delay: the first packet is on the wire until 24,608 ns. A
    // packet sent at 12,304 ns reaches the queue at 24,608 ns and finds the wire free, as it would
    // have after a separate delay stage: nothing counts as queued.
    LinkTransmitter t = transmitter(link(GBPS, 0, 1000, 0, 0));
    t.endDelays(12_304, 0);
    t.send(packet(0, 1500));
    sim.run(12_304);
    assertThat(t.send(packet(1, 1500))).isEqualTo(SendResult.SENT);
    sim.run();
    assertThat(arrivals).containsExactly(24_608L, 36_912L);
    assertThat(t.counters().queueFullDrops()).isZero();
  }

  @Test
  void packetOverTheMtuIsRefusedAndNotSent() {
    LinkTransmitter t = transmitter(link(GBPS, 0, 1 << 20, 0, 0));
    assertThat(t.send(packet(0, 1501))).isEqualTo(SendResult.MTU_EXCEEDED);
    assertThat(t.send(packet(1, 1500))).isEqualTo(SendResult.SENT);
    sim.run();
    assertThat(arrivedIds).containsExactly(1);
    assertThat(t.counters().mtuRefusals()).isEqualTo(1);
    assertThat(t.counters().packets()).isEqualTo(1);
  }

  @Test
  void lossOfOnePercentOverOneHundredThousandPacketsIsWithinBinomialBounds() {
    int n = 100_000;
    double p = 0.01;
    LinkTransmitter t = transmitter(link(GBPS, 0, 1L << 40, p, 0));
    for (int i = 0; i < n; i++) {
      t.send(packet(i, 100));
    }
    sim.run();
    BinomialDistribution binomial = new BinomialDistribution(n, p);
    int low = binomial.inverseCumulativeProbability(0.0005);
    int high = binomial.inverseCumulativeProbability(0.9995);
    // 99.9% interval: about 1000 +/- 104.
    assertThat(lostIds.size()).isBetween(low, high);
    assertThat(arrivedIds.size() + lostIds.size()).isEqualTo(n);
    assertThat(t.counters().linkLossDrops()).isEqualTo(lostIds.size());
  }

  @Test
  void jitterNeverReordersPackets() {
    // 1 ms of jitter on packets sent 2 us apart (each takes 1.104 us on the wire, so none
    // queues): plain netem would reorder most of them.
    long delay = 5_000_000;
    long jitter = 1_000_000;
    LinkTransmitter t = transmitter(link(GBPS, delay, 1 << 20, 0, jitter));
    int n = 10_000;
    long[] sentAt = new long[n];
    for (int i = 0; i < n; i++) {
      int id = i;
      sentAt[i] = i * 2_000L;
      sim.scheduleAt(sentAt[i], () -> t.send(packet(id, 100)));
    }
    sim.run();
    assertThat(arrivedIds).hasSize(n).isSorted();
    assertThat(arrivals).isSorted();
    long minTransit = Long.MAX_VALUE;
    long maxTransit = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long transit = arrivals.get(i) - sentAt[arrivedIds.get(i)];
      minTransit = Math.min(minTransit, transit);
      maxTransit = Math.max(maxTransit, transit);
    }
    long serialization = EthernetFraming.serializationNs(100, GBPS);
    assertThat(minTransit).isGreaterThanOrEqualTo(serialization + delay - jitter);
    assertThat(maxTransit).isLessThanOrEqualTo(serialization + delay + jitter);
  }

  @Test
  void sparsePacketsSeeTheWholeJitterRange() {
    // Packets 3 ms apart never catch up with each other: each gets delay + U(-1 ms, +1 ms).
    long delay = 5_000_000;
    long jitter = 1_000_000;
    LinkTransmitter t = transmitter(link(GBPS, delay, 1 << 20, 0, jitter));
    int n = 1_000;
    for (int i = 0; i < n; i++) {
      int id = i;
      sim.scheduleAt(i * 3_000_000L, () -> t.send(packet(id, 100)));
    }
    sim.run();
    long serialization = EthernetFraming.serializationNs(100, GBPS);
    double sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long transit = arrivals.get(i) - i * 3_000_000L - serialization;
      sum += transit;
      min = Math.min(min, transit);
      max = Math.max(max, transit);
    }
    assertThat(max - min).isGreaterThan(jitter * 9 / 5);
    // Mean of U(-J, J) is 0; its standard error over 1000 draws is J / sqrt(3000) = 18 us.
    assertThat(sum / n).isCloseTo(delay, org.assertj.core.data.Offset.offset(4 * 18_300.0));
  }

  @Test
  void countersReportBytesPacketsAndBusyTime() {
    LinkTransmitter t = transmitter(link(GBPS, 0, 1 << 20, 0, 0));
    for (int i = 0; i < 10; i++) {
      t.send(packet(i, 1500));
    }
    sim.run(1_000_000);
    LinkCounters c = t.counters();
    assertThat(c.link()).isEqualTo("a--b");
    assertThat(c.direction()).isEqualTo("a->b");
    assertThat(c.packets()).isEqualTo(10);
    assertThat(c.bytes()).isEqualTo(15_000);
    assertThat(c.wireBytes()).isEqualTo(15_380);
    assertThat(c.busyNs()).isEqualTo(123_040);
    assertThat(c.delivered()).isEqualTo(10);
    assertThat(c.utilization(1_000_000)).isEqualTo(0.12304);
  }

  @Test
  void busyTimeCountsOnlySerializationAlreadyDone() {
    LinkTransmitter t = transmitter(link(GBPS, 0, 1 << 20, 0, 0));
    t.send(packet(0, 1500));
    t.send(packet(1, 1500));
    sim.run(12_304);
    assertThat(t.counters().busyNs()).isEqualTo(12_304);
  }

  @Test
  void tapSeesAcceptedPacketsWithTheirStartOfTransmission() {
    LinkTransmitter t = transmitter(link(GBPS, 0, 1500, 0, 0));
    List<String> seen = new ArrayList<>();
    t.tap((item, via, startNs) -> seen.add(((TestPacket) item).id + "@" + startNs));
    t.send(packet(0, 1500));
    t.send(packet(1, 1500));
    t.send(packet(2, 1500)); // queue full
    t.send(packet(3, 1600)); // over the MTU
    assertThat(seen).containsExactly("0@0", "1@12304");
  }
}
