package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.emulation.relay.DelayRelay;
import org.overlaysim.emulation.report.CsvTable;
import org.overlaysim.emulation.report.EmulationReports;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * Issue 20's acceptance on this kind of machine (root; no netem, no geneve, no ipip): three-sites
 * emulated with the delay relays, every ping's median RTT within 10% (or 1 ms) of the simulated
 * one; a scenario of all four encapsulations emulated in part, its vxlan and none overlays
 * compared, geneve and ipip listed as skipped; encrypted overlays (issue 24) skipped likewise, the
 * emulator building no WireGuard or xfrm state; failover's link events applied in the namespaces
 * (issue 23); nothing left behind.
 */
class DelayRelayEmulationTest {
  static final Path THREE_SITES = Path.of("..", "scenarios", "examples", "three-sites.yaml");

  // failover-ping.yaml's figures, read off the file.
  private static final double START_S = 0.5;
  private static final double INTERVAL_S = 0.05;
  private static final int COUNT = 150;
  private static final double CUT_S = 2.0;
  private static final double CONVERGENCE_S = 0.25;

  @BeforeEach
  void tools() {
    KernelTools.require();
  }

  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
    assertThat(relayProcesses()).isEmpty();
  }

  /** Processes running our relay, anyone's (no other program has its class name). */
  static List<ProcessHandle> relayProcesses() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(DelayRelay.class.getName()))
        .toList();
  }

  /** Simulates and emulates {@code scenario} into dir/sim and dir/emu; compare must agree. */
  static Comparison.Outcome simulateEmulateCompare(Path scenario, Path dir, StringWriter log)
      throws Exception {
    Run run = ScenarioLoader.load(scenario).runs().get(0);
    Path sim = dir.resolve("sim");
    Path emu = dir.resolve("emu");
    ReportFiles.write(sim, List.of(ScenarioRunner.run(run, sim)));
    int emulated =
        EmulateMain.run(scenario, emu, new PrintWriter(log, true), new PrintWriter(log, true));
    assertThat(emulated).as(log.toString()).isZero();
    StringWriter out = new StringWriter();
    int status = Comparison.compare(sim, emu, new PrintWriter(out));
    log.append(out.toString());
    assertThat(status).as(log.toString()).isEqualTo(Comparison.AGREE);
    return Comparison.outcome(sim, emu);
  }

  @Test
  void threeSitesPingsTakeTheirSimulatedRoundTripsOnTheKernel(@TempDir Path dir) throws Exception {
    StringWriter log = new StringWriter();
    Comparison.Outcome outcome = simulateEmulateCompare(THREE_SITES, dir, log);

    assertThat(outcome.latency())
        .as(log.toString())
        .extracting(Comparison.LatencyFigures::flow)
        .containsExactly("mad-fra", "mad-vir", "fra-vir");
    assertThat(outcome.latency()).allMatch(Comparison.LatencyFigures::agrees);
    // Madrid-Virginia is about 89 ms by the simulator: the kernel's own 0.1 ms could not pass.
    assertThat(outcome.latency().get(1).emuP50Ms()).isGreaterThan(80);
    String notes = Files.readString(dir.resolve("emu").resolve("emulation.csv"));
    if (notes.contains("netem,unavailable")) {
      assertThat(notes).contains("delay_mechanism.frontend,\"relay (").contains("relay.mad-1,");
    }
  }

  @Test
  void fourEncapsulationsRunWhatTheKernelHasAndListTheRest(@TempDir Path dir) throws Exception {
    StringWriter log = new StringWriter();
    Comparison.Outcome outcome =
        simulateEmulateCompare(KernelTools.file("four-encapsulations.yaml"), dir, log);

    String notes = Files.readString(dir.resolve("emu").resolve("emulation.csv"));
    boolean noGeneve = notes.contains("skipped_overlay.green");
    boolean noIpip = notes.contains("skipped_overlay.red");
    if (noGeneve) {
      assertThat(log.toString())
          .contains("geneve overlay 'green' not emulated: kernel lacks CONFIG_GENEVE");
      assertThat(outcome.skipped())
          .contains("geneve overlay 'green' not emulated: kernel lacks CONFIG_GENEVE");
    }
    if (noIpip) {
      assertThat(outcome.skipped())
          .contains("ipip overlay 'red' not emulated: kernel lacks CONFIG_NET_IPIP");
    }
    // vxlan and none always run: blue's and plain's pings and probes are compared.
    assertThat(outcome.flowsCompared()).isGreaterThanOrEqualTo(2);
    assertThat(outcome.cellsCompared()).isGreaterThanOrEqualTo(12);
    assertThat(outcome.latency()).extracting(Comparison.LatencyFigures::flow).contains("blue-ping");
  }

  @Test
  void encryptedOverlaysAreSkippedWithALineAndTheRestRuns(@TempDir Path dir) throws Exception {
    StringWriter log = new StringWriter();
    Comparison.Outcome outcome =
        simulateEmulateCompare(KernelTools.file("encrypted-overlays.yaml"), dir, log);

    String notes = Files.readString(dir.resolve("emu").resolve("emulation.csv"));
    assertThat(notes)
        .contains("skipped_overlay.calico", "skipped_overlay.docker")
        .contains("skipped_flows,calico-ping docker-ping");
    // Whether this kernel lacks the cipher too (this machine's: no wireguard module, no AES-GCM
    // for xfrm) or not, the line says which.
    assertThat(log.toString())
        .containsPattern(
            "wireguard-encrypted none overlay 'calico' not emulated: (kernel lacks"
                + " CONFIG_WIREGUARD|the emulator builds no wireguard yet)")
        .containsPattern(
            "ipsec-encrypted vxlan overlay 'docker' not emulated: (kernel lacks"
                + " AES-GCM for xfrm|the emulator builds no ipsec yet)");
    assertThat(outcome.skipped())
        .anySatisfy(line -> assertThat(line).contains("'calico' not emulated"))
        .anySatisfy(line -> assertThat(line).contains("'docker' not emulated"));
    assertThat(outcome.latency()).extracting(Comparison.LatencyFigures::flow).contains("blue-ping");
  }

  /**
   * Issue 23 on the kernel: failover.yaml's ping (no TCP flow), the primary link set down at 2 s
   * and up at 6 s in the namespaces, the routers' routes replaced 250 ms after each. The kernel
   * loses pings only from the cut until the routers converge (± one ping interval), as the
   * simulator does, none at the restoration, and compare agrees (the replies within 2).
   */
  @Test
  void pingsAreLostOnlyWhileTheRoutersConvergeOnTheKernelAsInTheSimulation(@TempDir Path dir)
      throws Exception {
    StringWriter log = new StringWriter();
    simulateEmulateCompare(KernelTools.file("failover-ping.yaml"), dir, log);
    Path sim = dir.resolve("sim");
    Path emu = dir.resolve("emu");

    Map<String, String> notes = notes(emu);
    assertThat(notes).containsKey(Emulator.EVENTS_APPLIED).doesNotContainKey("events_not_applied");
    // Pings sent from the cut until the routers converge find no path: 250 ms / 50 ms = 5 of
    // them. The kernel's loss starts and ends within one interval of that window.
    List<Long> lost =
        Arrays.stream(notes.get("lost_pings.probe-ping").split(" "))
            .filter(w -> w.matches("\\d+"))
            .map(Long::parseLong)
            .toList();
    double firstAllowed = CUT_S - INTERVAL_S;
    double lastAllowed = CUT_S + CONVERGENCE_S + INTERVAL_S;
    for (long seq : lost) {
      double sent = START_S + (seq - 1) * INTERVAL_S; // iputils numbers requests from 1
      assertThat(sent)
          .as("ping %d lost, sent at %.2f s; %s", seq, sent, log)
          .isBetween(firstAllowed, lastAllowed);
    }
    long window = Math.round(CONVERGENCE_S / INTERVAL_S);
    assertThat((long) lost.size()).as(log.toString()).isBetween(window - 1, window + 1);

    // The simulator loses as many, within one interval's reply at either edge.
    long simReplies = samples(sim);
    assertThat(COUNT - simReplies).isBetween(window - 1, window + 1);
    assertThat(samples(emu)).isBetween(simReplies - 2, simReplies + 2);
  }

  private static Map<String, String> notes(Path emu) throws Exception {
    Path file = emu.resolve(EmulationReports.NOTES);
    Map<String, String> notes = new java.util.LinkedHashMap<>();
    CsvTable.read(file).rows().forEach(r -> notes.put(r.get("key"), r.get("value")));
    return notes;
  }

  private static long samples(Path dir) throws Exception {
    Path file = dir.resolve(ReportFiles.LATENCY);
    return CsvTable.read(file).rows().stream()
        .filter(r -> "probe-ping".equals(r.get("flow")))
        .mapToLong(r -> Long.parseLong(r.get("samples")))
        .findFirst()
        .orElseThrow();
  }
}
