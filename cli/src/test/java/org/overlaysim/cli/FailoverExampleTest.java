package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.UnderlayPlan;

/**
 * failover.yaml: the primary link cut at 2 s and restored at 6 s. Expected figures come from the
 * scenario's inputs (link delays, event times, convergence, the ping's schedule), never from a run.
 */
class FailoverExampleTest {
  private static final Path EXAMPLE = RunCommandTest.EXAMPLES.resolve("failover.yaml");
  private static final long MS = 1_000_000L;

  private static Scenario scenario;
  private static PingTraffic ping;
  private static long cutNs;
  private static long restoreNs;
  private static long convergenceNs;
  private static List<long[]> replies; // {sent at, rtt} of every answered echo request

  @BeforeAll
  static void simulateTheExample() throws Exception {
    scenario = ScenarioLoader.load(EXAMPLE).base();
    ping = (PingTraffic) scenario.traffic().get(0);
    cutNs = scenario.events().get(0).atNs();
    restoreNs = scenario.events().get(1).atNs();
    convergenceNs = scenario.underlay().convergenceNs();
    Simulator sim = new Simulator();
    replies = new ArrayList<>();
    NetworkObserver observer =
        new NetworkObserver() {
          @Override
          public void latencySample(int flow, long latencyNs) {
            if (flow == 0) { // a ping's sample is its RTT, taken when the reply arrives
              replies.add(new long[] {sim.nowNs() - latencyNs, latencyNs});
            }
          }
        };
    OverlayNetwork network =
        OverlayNetwork.build(scenario, sim, new RandomStreams(scenario.seed(), 0), observer);
    network.start();
    sim.run(scenario.durationNs());
    network.finish();
  }

  /** When each echo request left: the ping's start, then one every interval. */
  private static Set<Long> sendTimes() {
    Set<Long> times = new TreeSet<>();
    for (int k = 0; k < ping.count(); k++) {
      times.add(ping.startNs() + k * ping.intervalNs());
    }
    return times;
  }

  private static List<Long> rttsOfPingsSentIn(long fromNs, long toNs) {
    return replies.stream().filter(r -> r[0] >= fromNs && r[0] < toNs).map(r -> r[1]).toList();
  }

  private static long oneWayNs(String link) {
    return UnderlayPlan.of(scenario).delay(link).ns();
  }

  @Test
  void pingsAreLostOnlyBetweenTheCutAndTheConvergenceWithinOneInterval() {
    Set<Long> lost = sendTimes();
    replies.forEach(r -> lost.remove(r[0]));
    long interval = ping.intervalNs();
    assertThat(lost)
        .isNotEmpty()
        .allSatisfy(
            sent -> assertThat(sent).isBetween(cutNs - interval, cutNs + convergenceNs + interval));
    // Every request sent from the cut until the routers converge dies at the dead link.
    for (long sent = cutNs; sent < cutNs + convergenceNs; sent += interval) {
      assertThat(lost).contains(sent);
    }
  }

  @Test
  void theRttIsThePrimarysThenTheBackupsThenThePrimarysAgain() {
    long interval = ping.intervalNs();
    List<Long> before = rttsOfPingsSentIn(0, cutNs - interval);
    List<Long> failedOver = rttsOfPingsSentIn(cutNs + convergenceNs + interval, restoreNs);
    List<Long> restored = rttsOfPingsSentIn(restoreNs + convergenceNs + interval, Long.MAX_VALUE);
    assertThat(before).isNotEmpty();
    assertThat(failedOver).isNotEmpty();
    assertThat(restored).isNotEmpty();
    long primaryRtt = 2 * oneWayNs("primary");
    long backupRtt = 2 * (oneWayNs("backup-1") + oneWayNs("backup-2"));
    // Beside the links' propagation: access links, VTEPs, serialization, a little queueing behind
    // the TCP flow's segments: well under a millisecond, and the same on both paths but for one
    // more hop's serialization of a ~150-byte frame each way (about 1.3 us at 1 Gbit/s).
    double beside = before.get(0) - primaryRtt;
    assertThat(beside).isBetween(0.0, 1.0 * MS);
    for (long rtt : before) {
      assertThat((double) rtt).isCloseTo(primaryRtt + beside, within(0.2 * MS));
    }
    for (long rtt : failedOver) {
      assertThat((double) rtt).isCloseTo(backupRtt + beside, within(0.2 * MS));
    }
    for (long rtt : restored) {
      assertThat((double) rtt).isCloseTo(primaryRtt + beside, within(0.2 * MS));
    }
  }

  /** {@code overlaysim run} of the example into {@code dir}, with {@code options}: its output. */
  private static String runTheExample(Path dir, String... options) {
    List<String> args =
        new ArrayList<>(List.of("run", EXAMPLE.toString(), "--out", dir.toString()));
    args.addAll(List.of(options));
    StringWriter sink = new StringWriter();
    int status =
        Main.execute(
            new PrintWriter(sink, true), new PrintWriter(sink, true), args.toArray(new String[0]));
    assertThat(status).as(sink.toString()).isZero();
    return sink.toString();
  }

  private static List<String[]> rows(Path file) throws Exception {
    return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",", -1)).toList();
  }

  @Test
  void eventsCsvReportsTheLossTheRecoveryAndTheRoutesOfEachEvent(@TempDir Path dir)
      throws Exception {
    String console = runTheExample(dir);

    assertThat(Files.readAllLines(dir.resolve("events.csv")).get(0))
        .isEqualTo("run,replication,time_s,event,packets_lost,recovery_s,routes_changed");
    List<String[]> events = rows(dir.resolve("events.csv"));
    assertThat(events).hasSize(2);
    String[] cut = events.get(0);
    String[] restore = events.get(1);
    assertThat(cut[2]).isEqualTo("2.000000");
    assertThat(cut[3]).isEqualTo("link primary down");
    assertThat(restore[3]).isEqualTo("link primary up");

    // Every link-down drop of the run happened after the cut and before the restoration.
    long linkDown =
        rows(dir.resolve("drops.csv")).stream()
            .filter(r -> r[3].equals("link-down"))
            .mapToLong(r -> Long.parseLong(r[4]))
            .sum();
    assertThat(linkDown).isPositive();
    assertThat(Long.parseLong(cut[4])).isEqualTo(linkDown);
    assertThat(Long.parseLong(restore[4])).isZero(); // the backup carries on until convergence

    // Only r-mad's route to r-fra and r-fra's to r-mad change: r-par's direct links stay its
    // shortest paths (12 ms to r-mad, 13 ms to r-fra), both ways, and then back.
    assertThat(cut[6]).isEqualTo("2");
    assertThat(restore[6]).isEqualTo("2");

    // The TCP flow recovers last. Its retransmission timer (RFC 6298; Linux: the 20 ms smoothed
    // RTT plus at least 200 ms) first expires before the routers converge, and its retransmission
    // dies at the dead link too; the doubled timer's crosses the backup. So its data flows again
    // after 3 RTOs (each 200-250 ms) and one to two backup round trips (the retransmission, and
    // the hole it leaves filled on the SACK it brings back).
    double recovery = Double.parseDouble(cut[5]);
    double backupRttS = 2 * (oneWayNs("backup-1") + oneWayNs("backup-2")) / 1e9;
    assertThat(recovery).isBetween(3 * 0.200 + backupRttS / 2, 3 * 0.250 + backupRttS);
    String[] bulk =
        rows(dir.resolve("throughput.csv")).stream()
            .filter(r -> r[2].equals("bulk"))
            .findFirst()
            .orElseThrow();
    assertThat(Long.parseLong(bulk[11])).as("timeouts").isEqualTo(2);
    // Its stall is that very gap: from its last payload before the cut to its first after.
    assertThat(Double.parseDouble(bulk[12])).as("stalled_s").isCloseTo(recovery, within(0.001));
    assertThat(console)
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "at 2.000 s link primary down: %s packets lost, recovered after %.3f s, 2 routes"
                    + " changed",
                cut[4],
                recovery));
  }

  @Test
  void withoutItsEventsNothingIsLostAndNoEventsCsvIsWritten(@TempDir Path dir) throws Exception {
    runTheExample(dir, "--set", "events=[]");
    assertThat(dir.resolve("events.csv")).doesNotExist();
    assertThat(rows(dir.resolve("drops.csv"))).isEmpty();
  }
}
