package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.scenario.Run;

/**
 * The MTU boundary scenario on the real kernel (root): the vxlan inner MTU of 1450 and the black
 * hole of a container MTU of 1500 in front of it, and the same deliveries as the simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MtuBoundaryEmulationTest {
  private Run run;
  private EmulationResult result;
  private Map<String, PingResult> pings;

  @BeforeAll
  void emulateOnce() throws EmulationException {
    KernelTools.require();
    run = KernelTools.run("mtu-boundary.yaml");
    StringWriter log = new StringWriter();
    result =
        new Emulator(new ProcessCommandRunner(), EmulationSettings.defaults(), new PrintWriter(log))
            .emulate(run);
    pings =
        result.pings().stream().collect(Collectors.toMap(PingResult::flow, Function.identity()));
  }

  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
  }

  @Test
  void pingOf1422BytesFillsTheVxlanInnerMtuOf1450AndPasses() {
    assertThat(pings.get("fits-1422").received()).isEqualTo(3);
  }

  @Test
  void pingOf1423BytesWithDfIsRefusedBySendingStackNamingMtu1450() {
    PingResult over = pings.get("over-1423");
    assertThat(over.received()).isZero();
    assertThat(over.localMtu()).isEqualTo(1450);
  }

  @Test
  void containerWithMtu1500PassesSmallPackets() {
    assertThat(pings.get("big-1000").received()).isEqualTo(3);
  }

  @Test
  void containerWithMtu1500BlackHoles1500BytePacketsWithoutIcmp() {
    PingResult big = pings.get("big-1472");
    assertThat(big.transmitted()).isEqualTo(3);
    assertThat(big.received()).isZero();
    assertThat(big.localErrors()).isZero();
    assertThat(big.fragNeededMtu()).isEqualTo(-1);
  }

  @Test
  void floodAndLearnOverlayDeliversThroughAllZerosEntries() {
    assertThat(pings.get("learned").received()).isEqualTo(3);
  }

  @Test
  void reportNotesThatLatencyIsTheKernelsOwnWithoutNetem() {
    assertThat(result.notes()).containsKey("latency_source");
    if ("unavailable".equals(result.notes().get("netem"))) {
      assertThat(result.notes().get("latency_source")).startsWith("kernel (netem unavailable");
    }
  }

  @Test
  void everyPingFlowDeliversAsTheSimulatorSays(@TempDir Path dir) throws Exception {
    Path sim = dir.resolve("sim");
    Path emu = dir.resolve("emu");
    ReportFiles.write(sim, List.of(ScenarioRunner.run(run, sim)));
    org.overlaysim.emulation.report.EmulationReports.write(emu, result);
    StringWriter out = new StringWriter();

    int status = Comparison.compare(sim, emu, new PrintWriter(out));

    assertThat(status).as(out.toString()).isEqualTo(Comparison.AGREE);
    assertThat(out.toString()).contains("ping: 5 flows compared");
  }
}
