package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.OuterDontFragment;
import org.overlaysim.overlay.dataplane.VtepSettings;
import org.overlaysim.overlay.traffic.TcpConnection;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * The tcp traffic kind through the whole data plane (traffic/*.yaml). Goodput is payload bits over
 * first send (the SYN) to last in-order delivery, as reports compute it. Timestamps are on (Linux
 * default), so a full segment carries 1410 - 12 = 1398 bytes in 1538 wire bytes over vxlan.
 */
class TcpTrafficTest {
  /** A loaded and built scenario with a timed observer of flow 0. */
  static final class Bench {
    final Simulator simulator = new Simulator();
    final TrafficObserver observer = new TrafficObserver(simulator, 0);
    final OverlayNetwork network;
    final Run run;

    Bench(String resource, String... overrides) {
      this(VtepSettings.DEFAULT, resource, overrides);
    }

    Bench(VtepSettings settings, String resource, String... overrides) {
      try {
        Path file = Path.of(Bench.class.getResource("/traffic/" + resource).toURI());
        run = ScenarioLoader.load(file, List.of(overrides)).runs().get(0);
      } catch (URISyntaxException | ScenarioException e) {
        throw new IllegalStateException(e);
      }
      network =
          OverlayNetwork.build(
              run.scenario(), simulator, new RandomStreams(run.seed(), 0), observer, settings);
    }

    Bench run() {
      network.start();
      simulator.run(run.scenario().durationNs());
      return this;
    }

    TcpConnection client() {
      return network.tcpClients(0).get(0);
    }
  }

  @Test
  void connectionTrackingLetsRepliesIntoAnIsolatedPodButNotNewConnections() {
    Bench b = new Bench("tcp-policy.yaml").run();
    TcpConnection out = b.network.tcpClients(0).get(0);
    TcpConnection in = b.network.tcpClients(1).get(0);
    assertThat(b.observer.payload).isEqualTo(1_000_000);
    assertThat(out.state()).isEqualTo(TcpConnection.State.CLOSED);
    assertThat(b.network.tcpServers(0).get(0).state()).isEqualTo(TcpConnection.State.CLOSED);
    assertThat(in.state()).isEqualTo(TcpConnection.State.SYN_SENT);
    assertThat(b.network.tcpServers(1)).isEmpty();
    assertThat(in.timeouts()).isEqualTo(1); // the SYN at 0 s and again at 1 s, both refused
  }

  @Test
  void fragmentationNeededShrinksTheSegmentsAndResendsAtOnce() {
    // Outer DF set (vxlan "df set"): the WAN router refuses the first flight's 1500-byte outer
    // packets with ICMP to the VTEP, which learns 1400 (the container learns nothing: one RTO);
    // the VTEP answers the retransmission with 1350, and TCP resends in 1298-byte segments.
    Bench b =
        new Bench(VtepSettings.DEFAULT.withOuterDf(OuterDontFragment.SET), "tcp-pmtu.yaml").run();
    assertThat(b.observer.drops).contains(org.overlaysim.topology.DropReason.MTU_EXCEEDED);
    assertThat(b.client().segmentPayload()).isEqualTo(1350 - 40 - 12);
    assertThat(b.client().lossProbes()).isEqualTo(1);
    assertThat(b.client().timeouts()).isZero();
    assertThat(b.observer.payload).isEqualTo(1_000_000);
    assertThat(b.client().state()).isEqualTo(TcpConnection.State.CLOSED);
  }

  @Test
  void theSameSeedGivesTheSameSegmentsAndSamples() {
    String[] lossy = {"underlay.links[0].loss=0.01", "duration=2s", "traffic[0].stop=2s"};
    Bench first = new Bench("tcp-wan.yaml", lossy).run();
    Bench second = new Bench("tcp-wan.yaml", lossy).run();
    assertThat(first.observer.retransmissions).isPositive();
    assertThat(second.observer.sentTimes).isEqualTo(first.observer.sentTimes);
    assertThat(second.observer.latencies).isEqualTo(first.observer.latencies);
    assertThat(second.simulator.eventsExecuted()).isEqualTo(first.simulator.eventsExecuted());
  }

  @Test
  void bulkTransferOverVxlanReachesTheWireEfficiencyOfTimestampedSegments() {
    Bench b = new Bench("tcp-lan.yaml").run();
    double expected = 1e9 * 1398 / 1538; // 909.0 Mbit/s
    System.out.printf(
        "lan goodput %.1f Mbit/s (expected %.1f), retransmissions %d, timeouts %d%n",
        b.observer.goodputBps() / 1e6,
        expected / 1e6,
        b.observer.retransmissions,
        b.client().timeouts());
    assertThat(b.observer.goodputBps()).isCloseTo(expected, within(expected * 0.03));
  }

  @Test
  void aSixtyFourKibWindowOnAFiftyMillisecondPathLimitsGoodputToWindowOverRtt() {
    Bench b = new Bench("tcp-wan.yaml").run();
    double rtt = b.client().smoothedRttNs() / 1e9;
    double expected = 65536 * 8 / rtt;
    System.out.printf(
        "wan goodput %.2f Mbit/s (window/RTT %.2f, rtt %.3f ms)%n",
        b.observer.goodputBps() / 1e6, expected / 1e6, rtt * 1e3);
    assertThat(b.observer.goodputBps()).isCloseTo(expected, within(expected * 0.05));
  }

  @Test
  void withOnePercentLossGoodputFollowsMathis() {
    Bench b =
        new Bench(
                "tcp-wan.yaml",
                "underlay.links[0].loss=0.01",
                "traffic[0].window=6MiB",
                "duration=20s",
                "traffic[0].stop=20s")
            .run();
    double rtt = b.client().smoothedRttNs() / 1e9;
    double expected = 1398 * 8 / rtt * Math.sqrt(1.5) / Math.sqrt(0.01);
    System.out.printf(
        "lossy goodput %.2f Mbit/s (Mathis %.2f), retransmissions %d, timeouts %d%n",
        b.observer.goodputBps() / 1e6,
        expected / 1e6,
        b.observer.retransmissions,
        b.client().timeouts());
    assertThat(b.observer.goodputBps()).isBetween(expected / 2, expected * 2);
  }
}
