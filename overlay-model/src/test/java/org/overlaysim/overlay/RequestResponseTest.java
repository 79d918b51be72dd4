package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.TcpTrafficTest.Bench;

/**
 * request-response over TCP on traffic/request-response.yaml, by hand. Both hosts hang off one
 * router: two 1 Gbit/s links of 10 us each way, VTEP costs 3 us + 3 us. Wire bytes per packet are
 * the inner IP length + 50 (vxlan) + 38 (Ethernet framing), 8 ns per byte at 1 Gbit/s.
 *
 * <p>Request: 300 bytes + 32 TCP + 20 IP = 352, wire 440 = 3520 ns per link; one way 3000 + 3520 +
 * 10000 + 3520 + 10000 + 3000 = 33040 ns. Response: 4096 bytes in segments of 1398, 1398, 1300
 * (wire 1538, 1538, 1440 = 12304, 12304, 11520 ns), sent back to back. The last leaves the first
 * link at 3000 + 36128, reaches the second link at 49128 while the second segment holds it until
 * 3000 + 24608 + 10000 + 12304 = 49912; then 11520 + 10000 + 3000: last byte at 74432 ns. Exchange:
 * 33040 + 74432 = 107472 ns.
 */
class RequestResponseTest {
  private static final long EXCHANGE_NS = 107_472;

  @Test
  void latencyIsTheRoundTripPlusTheSerializationOfRequestAndResponse() {
    Bench b = new Bench("request-response.yaml").run();
    assertThat(b.observer.latencies).hasSizeGreaterThan(10).containsOnly(EXCHANGE_NS);
    long exchanges = b.observer.latencies.size();
    assertThat(b.observer.payload).isEqualTo(exchanges * (300 + 4096));
  }

  @Test
  void poissonArrivalsAverageTheRate() {
    Bench b = new Bench("request-response.yaml", "duration=10s", "traffic[0].stop=10s").run();
    // 20/s over 10 s: 200 expected, standard deviation 14.
    assertThat(b.observer.latencies.size()).isBetween(160, 240);
  }

  @Test
  void aClosedLoopSendsTheNextRequestWhenTheResponseCompletes() {
    Bench b = new Bench("request-response.yaml", "duration=100ms", "traffic[0].stop=100ms");
    b.network.closedLoop(0);
    b.run();
    // Handshake: SYN and SYN-ACK of 60 IP bytes (wire 148, 1184 ns per link), 28368 ns each way.
    // The first request follows the client's ACK (140 wire bytes) on its first link: +1120 ns.
    long connected = 2 * 28_368;
    assertThat(b.observer.latencies.get(0)).isEqualTo(EXCHANGE_NS + 1120);
    assertThat(b.observer.latencies.subList(1, b.observer.latencies.size()))
        .containsOnly(EXCHANGE_NS);
    long expected = (100_000_000L - connected - 1120) / EXCHANGE_NS;
    assertThat((long) b.observer.latencies.size()).isBetween(expected, expected + 1);
  }

  @Test
  void containersSixtyFiveThousandFiveHundredThirtySixApartEachAnswerOnTheirOwnPort() {
    // Listeners were once keyed by an int (container << 16 | port): pod-65537's listener was
    // pod-1's, so its port stayed closed and every request to it vanished.
    ScenarioRun r = ScenarioRun.of("/traffic/many-listeners.yaml").run();
    assertThat(r.observer.latencies.get(0)).as("to pod-1").hasSizeGreaterThan(3);
    assertThat(r.observer.latencies.get(1)).as("to pod-65537").hasSizeGreaterThan(3);
  }

  @Test
  void everyTcpSegmentSentIsDeliveredWhenNothingIsLost() {
    // Handshakes, requests, responses, ACKs and FINs: with no loss and the last request long
    // done, sent and delivered agree as they do for ping and UDP.
    ScenarioRun r = ScenarioRun.of("/traffic/request-response.yaml", "traffic[0].stop=500ms").run();
    assertThat(r.observer.drops).isEmpty();
    assertThat(r.observer.sent.get(0)).isGreaterThan(30).isEqualTo(r.observer.delivered.get(0));
  }
}
