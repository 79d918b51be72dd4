package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.fdb.EvpnForwardingTable;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.DropReason;

/**
 * host-failure.yaml: h2 down from 2 s to 5 s under a static and an EVPN overlay. Expected times
 * come from the scenario's inputs (event times, the EVPN overlay's convergence, ping schedules).
 */
class HostFailureTest {
  private static final int STATIC_PING = 0;
  private static final int EVPN_PING = 1;
  private static final int FROM_DOWN_HOST = 2;
  private static final int BULK = 3;

  record Drop(int flow, String where, DropReason reason) {}

  private static Scenario scenario;
  private static long downNs;
  private static long upNs;
  private static long evpnConvergenceNs;
  private static final List<long[]> replies = new ArrayList<>(); // {flow, sent at}
  private static final List<Long> bulkTimeouts = new ArrayList<>();
  private static final List<Long> bulkPayloadTimes = new ArrayList<>();
  private static final List<Drop> drops = new ArrayList<>();
  private static final List<String> controlFrames = new ArrayList<>();

  @BeforeAll
  static void run() throws Exception {
    Path file = Path.of(HostFailureTest.class.getResource("/overlay/host-failure.yaml").toURI());
    scenario = ScenarioLoader.load(file).base();
    downNs = scenario.events().get(0).atNs();
    upNs = scenario.events().get(1).atNs();
    evpnConvergenceNs = scenario.overlays().get(1).convergenceNs();
    Simulator sim = new Simulator();
    NetworkObserver observer =
        new NetworkObserver() {
          @Override
          public void latencySample(int flow, long latencyNs) {
            if (flow != BULK) { // a ping's sample is its RTT, taken as the reply arrives
              replies.add(new long[] {flow, sim.nowNs() - latencyNs});
            }
          }

          @Override
          public void retransmissionTimeout(int flow) {
            if (flow == BULK) {
              bulkTimeouts.add(sim.nowNs());
            }
          }

          @Override
          public void payloadDelivered(int flow, long payloadBytes) {
            if (flow == BULK) {
              bulkPayloadTimes.add(sim.nowNs());
            }
          }

          @Override
          public void dropped(int flow, String where, DropReason reason, int ipBytes) {
            drops.add(new Drop(flow, where, reason));
          }

          @Override
          public void controlFrame(String overlay, int outerIpBytes) {
            controlFrames.add(overlay + "@" + sim.nowNs() + "/" + outerIpBytes);
          }
        };
    OverlayNetwork network =
        OverlayNetwork.build(scenario, sim, new RandomStreams(scenario.seed(), 0), observer);
    network.start();
    sim.run(scenario.durationNs());
    network.finish();
  }

  /** The send time of the first echo request of {@code flow} answered at or after {@code ns}. */
  private static long firstAnsweredFrom(int flow, long ns) {
    return replies.stream()
        .filter(r -> r[0] == flow && r[1] >= ns)
        .mapToLong(r -> r[1])
        .min()
        .orElseThrow();
  }

  private static long interval(int flow) {
    return ((PingTraffic) scenario.traffic().get(flow)).intervalNs();
  }

  @Test
  void theDownHostsContainersLoseWhatTheySendAsHostDown() {
    assertThat(drops)
        .filteredOn(d -> d.flow() == FROM_DOWN_HOST)
        .isNotEmpty()
        .allSatisfy(
            d -> assertThat(d).isEqualTo(new Drop(FROM_DOWN_HOST, "h2", DropReason.HOST_DOWN)));
    assertThat(firstAnsweredFrom(FROM_DOWN_HOST, downNs)).isEqualTo(upNs);
  }

  @Test
  void aStaticOverlayKeepsSendingToTheDeadVtepAndResumesWhenItComesBack() {
    // Static entries still point at h2: every request crosses the underlay and dies at its access
    // link; none is refused at the sender.
    assertThat(drops)
        .filteredOn(d -> d.flow() == STATIC_PING)
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.reason()).isEqualTo(DropReason.LINK_DOWN));
    assertThat(firstAnsweredFrom(STATIC_PING, downNs))
        .isBetween(upNs, upNs + interval(STATIC_PING));
  }

  @Test
  void evpnWithdrawsTheDeadVtepsRoutesAndReinstallsThemOnlyAfterItsConvergence() {
    List<Drop> evpn = drops.stream().filter(d -> d.flow() == EVPN_PING).toList();
    // Until the withdrawal arrives the requests die in the underlay, as static ones; then the
    // sending VTEP has no entry and nothing goes on the wire (RFC 8365: no flooding).
    assertThat(evpn).extracting(Drop::reason).contains(DropReason.LINK_DOWN, DropReason.NO_FDB);
    assertThat(evpn)
        .filteredOn(d -> d.reason() == DropReason.NO_FDB)
        .allSatisfy(d -> assertThat(d.where()).startsWith("h1"));
    // Back only once the re-advertised route is installed, the convergence after h2 came back.
    long answered = firstAnsweredFrom(EVPN_PING, downNs);
    assertThat(answered)
        .isBetween(upNs + evpnConvergenceNs, upNs + evpnConvergenceNs + interval(EVPN_PING));
    assertThat(answered).isGreaterThan(firstAnsweredFrom(STATIC_PING, downNs));
    // The routes: one type-2 per container to the one other VTEP at the start (2), and h2's one
    // container's again when it comes back (1).
    assertThat(controlFrames)
        .containsExactly(
            "bgp@0/" + EvpnForwardingTable.TYPE_2_UPDATE_IP_BYTES,
            "bgp@0/" + EvpnForwardingTable.TYPE_2_UPDATE_IP_BYTES,
            "bgp@" + upNs + "/" + EvpnForwardingTable.TYPE_2_UPDATE_IP_BYTES);
  }

  @Test
  void theTcpSenderBacksOffItsRetransmissionTimerWhileThePeerIsDown() {
    List<Long> during = bulkTimeouts.stream().filter(t -> t > downNs && t < upNs).toList();
    // RFC 6298 section 5.5: each expiry doubles the timer, so the gaps between expiries double.
    assertThat(during).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 2; i < during.size(); i++) {
      double previous = during.get(i - 1) - during.get(i - 2);
      double gap = during.get(i) - during.get(i - 1);
      assertThat(gap).isCloseTo(2 * previous, within(previous * 0.01));
    }
    // The transfer goes on after the host is back: the next expiry's retransmission gets through.
    assertThat(bulkPayloadTimes).anySatisfy(t -> assertThat(t).isGreaterThan(upNs));
  }
}
