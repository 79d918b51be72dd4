package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.emulation.report.EmulationReports;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * The kernel as a second oracle for TCP (issue 16): one 25 MB bulk transfer of the kernel's CUBIC
 * over VXLAN through a 100 Mbit/s underlay link (tbf), without loss and with 0.1% and 1% random
 * loss (nftables numgen), each emulated once, the 1% case five times (root; about 4 s each). The
 * kernel's figures are checked against arithmetic, then the simulator's against the kernel's.
 *
 * <p>The round trip: no netem here, so the kernel's path takes its own time, 0.05 to 0.1 ms (minrtt
 * in {@code ss -ti}), more when the machine is loaded; the scenario gives the links 50 us so that
 * the simulator models a path as short. At such a round trip the bandwidth-delay product is one or
 * two segments, so any window above a few segments keeps the link busy, and what costs goodput
 * under loss is the time TCP does not send: a retransmission timeout waits at least 200 ms (Linux's
 * minimum RTO, 1 s for a lost SYN), thousands of round trips. Tail loss probes and RACK recover
 * most losses without one, so timeouts are rare; their time (stalled_s) is reported and, for the
 * arithmetic, left out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpBulkEmulationTest {
  private static final String SCENARIO = "tcp-bottleneck.yaml";
  private static final double RATE_BPS = 100e6;

  /**
   * Payload per segment: the VXLAN overlay's MTU is 1450 (mtu auto on a 1500 underlay); less IP
   * (20), TCP (20) and the timestamps option (12, on by default) leaves an MSS of 1398 bytes.
   */
  private static final int MSS = 1450 - 20 - 20 - 12;

  /**
   * Byte-times per segment on the bottleneck: the 1450-byte inner packet, VXLAN's 50 (inner
   * Ethernet 14, VXLAN 8, UDP 8, outer IP 20), the outer Ethernet header 14: a 1514-byte frame,
   * which is what tbf counts (the skb: L2 frame without FCS); plus FCS 4, preamble 8 and gap 12
   * that the wire adds, which the emulator gives tbf as {@code overhead 24}. 1538 in all, as the
   * simulator's EthernetFraming.
   */
  private static final int WIRE = 1450 + 50 + 14 + 4 + 8 + 12;

  private static final double ARITHMETIC_BPS = RATE_BPS * MSS / WIRE;

  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final Map<String, EmulationResult> results = new LinkedHashMap<>();
  private final Map<String, Path> emulated = new LinkedHashMap<>();
  private Path dir;

  /**
   * Emulations of the 1% case: the median of five is compared. The kernel's goodput there varies
   * from run to run by more than the random draws of a lost SYN (1 s) or a timeout (200 ms), which
   * the comparison leaves out: in 36 runs on this machine, stalls left out, it ranged from 81 to 90
   * Mbit/s (median 89.2), and one run (81.1, no timeout) fell more than 10% below the simulation's
   * 89.85. Five runs make the median such an outlier only if three are.
   */
  private static final int RUNS_AT_ONE_PERCENT = 5;

  @BeforeAll
  void emulateEachCase() throws EmulationException, IOException {
    KernelTools.require();
    dir = Files.createTempDirectory("tcp-bulk-emulation");
    for (String loss : List.of("0", "0.001", "0.01")) {
      Run run = run(loss);
      runs.put(loss, run);
      int times = loss.equals("0.01") ? RUNS_AT_ONE_PERCENT : 1;
      List<EmulationResult> emulations = new ArrayList<>();
      for (int i = 0; i < times; i++) {
        StringWriter log = new StringWriter();
        EmulationResult result =
            new Emulator(
                    new ProcessCommandRunner(), EmulationSettings.defaults(), new PrintWriter(log))
                .emulate(run);
        emulations.add(result);
        TcpResult tcp = result.tcp().get(0);
        System.out.printf(
            "kernel, loss %s: goodput %.2f Mbit/s (arithmetic %.2f), %d retransmissions, %d"
                + " timeouts, stalled %.3f s, link-loss %d%n",
            loss,
            tcp.goodputBps() / 1e6,
            ARITHMETIC_BPS * (1 - Double.parseDouble(loss)) / 1e6,
            tcp.retransmissions(),
            tcp.timeouts(),
            tcp.stalledNs() / 1e9,
            linkLoss(result, "r-1->r-2"));
      }
      emulations.sort(Comparator.comparingDouble(r -> activeGoodputBps(r.tcp().get(0))));
      EmulationResult median = emulations.get(emulations.size() / 2);
      Path reports = dir.resolve("emu-" + loss);
      EmulationReports.write(reports, median);
      results.put(loss, median);
      emulated.put(loss, reports);
    }
  }

  @AfterAll
  void nothingOfOursIsLeft() throws IOException {
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    assertThat(KernelTools.ourNamespaces()).as("namespaces left behind").isEmpty();
  }

  private static Run run(String loss) {
    try {
      return ScenarioLoader.load(
              KernelTools.file(SCENARIO), List.of("underlay.links.bottleneck.loss=" + loss))
          .runs()
          .get(0);
    } catch (ScenarioException e) {
      throw new IllegalStateException(e);
    }
  }

  private TcpResult tcp(String loss) {
    return results.get(loss).tcp().get(0);
  }

  private static long linkLoss(EmulationResult result, String where) {
    return result.drops().stream()
        .filter(d -> d.reason().equals("link-loss") && d.where().equals(where))
        .mapToLong(DropRow::packets)
        .sum();
  }

  /** Payload bits per second over the time the receiver was not waiting out a timer. */
  private static double activeGoodputBps(TcpResult tcp) {
    double seconds = tcp.payloadBytes() * 8.0 / tcp.goodputBps();
    return tcp.payloadBytes() * 8.0 / (seconds - tcp.stalledNs() / 1e9);
  }

  @Test
  void withoutLossTheKernelsGoodputIsTheLinkRateTimesPayloadOverWireBytes() {
    TcpResult tcp = tcp("0");
    assertThat(tcp.congestionControl()).isEqualTo("cubic");
    assertThat(tcp.payloadBytes()).isEqualTo(25_000_000L);
    // 100 Mbit/s x 1398 / 1538 = 90.90 Mbit/s.
    assertThat(tcp.goodputBps()).isCloseTo(ARITHMETIC_BPS, within(0.10 * ARITHMETIC_BPS));
    // The kernel's own segment counts give the flow's wire bytes, both ways: per data segment
    // 1538, and half an ACK (Linux acknowledges every second full segment), an ACK being 52 bytes
    // of IP and TCP with timestamps, VXLAN's 50 and Ethernet's 38: 140. (1538 + 70) / 1398 =
    // 1.150; quick ACKs at the start, SYN, FIN and retransmissions add a little.
    assertThat((double) tcp.wireBytes() / tcp.payloadBytes())
        .isCloseTo((WIRE + (52 + 50 + 38) / 2.0) / MSS, within(0.02));
    assertThat(linkLoss(results.get("0"), "r-1->r-2")).isZero();
  }

  @Test
  void aLossyLinkDropsItsShareOfFramesAndTheKernelRetransmitsEachLostSegment() {
    for (String loss : List.of("0.001", "0.01")) {
      double p = Double.parseDouble(loss);
      TcpResult tcp = tcp(loss);
      long dropped = linkLoss(results.get(loss), "r-1->r-2");
      // Frames on the data direction: the data segments (25 MB in segments of 1398 bytes), the
      // retransmissions, SYN, FIN and the sender's last ACK. The drops are binomial: within four
      // standard deviations of p x frames.
      double frames = Math.ceil(tcp.payloadBytes() / (double) MSS) + tcp.retransmissions() + 3;
      double expected = p * frames;
      assertThat((double) dropped)
          .as("loss %s: frames dropped of %.0f", loss, frames)
          .isCloseTo(expected, within(4 * Math.sqrt(expected) + 1));
      // Every lost data segment is sent again (a lost pure ACK of the sender is not: it sends
      // one or two, at the end).
      assertThat(tcp.retransmissions()).as("loss %s", loss).isGreaterThanOrEqualTo(dropped - 2);
      assertThat(tcp.payloadBytes()).isEqualTo(25_000_000L);
    }
  }

  @Test
  void underLossTheKernelsGoodputStaysUnderTheLinkAndNearItAtLowLoss() {
    // Nothing beats the link: a lost frame used the link's time as a delivered one.
    for (String loss : List.of("0.001", "0.01")) {
      double bound = ARITHMETIC_BPS * (1 - Double.parseDouble(loss));
      assertThat(tcp(loss).goodputBps()).as("loss %s", loss).isLessThanOrEqualTo(1.02 * bound);
    }
    // 0.1%: one loss in about a thousand segments; CUBIC's window after each (0.7 x W of dozens
    // of segments) stays far above the path's one or two segments of bandwidth-delay product, so
    // the link stays busy: goodput is the link's share less the lost frames, within 10%.
    double low = ARITHMETIC_BPS * (1 - 0.001);
    assertThat(activeGoodputBps(tcp("0.001"))).isCloseTo(low, within(0.10 * low));
    // 1%: Mathis et al.'s window, C / sqrt(p) with C = sqrt(3 / (2b)) = 0.87 for delayed ACKs
    // (b = 2), is about 9 segments, and CUBIC's multiplicative decrease takes it to 6 after a
    // loss: still above the bandwidth-delay product of a path of 0.1 to 0.5 ms (1 to 4 segments),
    // but it is spent now and then in recovery. Goodput stays at least 75% of the link's share
    // (measured 80% to 95% here, with the machine's other load).
    double high = ARITHMETIC_BPS * (1 - 0.01);
    assertThat(activeGoodputBps(tcp("0.01"))).isGreaterThanOrEqualTo(0.75 * high);
  }

  /** Simulates the case, compares it with its emulation and returns what compare printed. */
  private String compareWithSimulation(String loss) throws Exception {
    Path sim = dir.resolve("sim-" + loss);
    ReportFiles.write(sim, List.of(ScenarioRunner.run(runs.get(loss), sim)));
    StringWriter out = new StringWriter();
    int status = Comparison.compare(sim, emulated.get(loss), new PrintWriter(out));
    System.out.printf("simulation vs kernel, loss %s:%n%s", loss, out);
    assertThat(out.toString()).contains("tcp: 1 flows compared");
    assertThat(status).as(out.toString()).isEqualTo(Comparison.AGREE);
    return out.toString();
  }

  @Test
  void simulatorAgreesWithTheKernelWithinTenPercentWithoutLoss() throws Exception {
    compareWithSimulation("0");
  }

  @Test
  void simulatorAgreesWithTheKernelWithinTenPercentAtPointOnePercentLoss() throws Exception {
    compareWithSimulation("0.001");
  }

  /**
   * 1% loss both ways at a sub-millisecond round trip: a loss every 12 ms or so, dozens of round
   * trips apart. Between losses CUBIC grows in its Reno-friendly region (its own curve is flat at
   * windows of a few segments). Linux recomputes that growth once per minimum RTT ("tcp_cubic: fix
   * to run bictcp_update() at least once per RTT", 2024; this machine's kernel is 6.18), where
   * older kernels held it for 1/32 s after each reduction. With the old hold the simulator's window
   * sank to 2 segments, where one lost ACK stalls the flow for a delayed ACK (40 ms): 62.8 Mbit/s
   * against the kernel's 84 to 87, with the same ~175 retransmissions. The kernel's own {@code ss
   * -ti} during the transfer shows cwnd 5 to 20 (mostly 7 to 9) over ssthresh 3 to 7, growth the
   * old hold does not allow within 12 ms; nstat shows 170 SACK recoveries, 6 loss probes, no
   * timeout and no delayed ACK sent by the receiver.
   */
  @Test
  void simulatorAgreesWithTheKernelWithinTenPercentAtOnePercentLoss() throws Exception {
    compareWithSimulation("0.01");
  }
}
