package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.emulation.report.EmulationReports;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * The MTU scenario with geneve or ipip (root). Kernels built without CONFIG_GENEVE or
 * CONFIG_NET_IPIP (as the one this was written on) leave those overlays out, each with its line in
 * emulation.csv, and compare agrees on what ran (nothing of them); kernels with them must deliver
 * as the simulator does.
 */
class TunnelKernelSupportTest {
  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"geneve", "ipip"})
  void tunnelEitherDeliversAsTheSimulatorOrIsRefusedWithTheMissingKernelFeature(
      String encapsulation, @TempDir Path dir) throws Exception {
    KernelTools.require();
    Run run =
        ScenarioLoader.load(
                KernelTools.file("mtu-boundary.yaml"),
                List.of(
                    "overlays.net.encapsulation=" + encapsulation,
                    "overlays.learn.encapsulation=" + encapsulation))
            .runs()
            .get(0);
    Emulator emulator =
        new Emulator(
            new ProcessCommandRunner(),
            EmulationSettings.defaults(),
            new PrintWriter(new StringWriter()));
    EmulationResult result = emulator.emulate(run);
    String skipped = result.notes().get("skipped_overlay.net");
    if (skipped != null) {
      assertThat(skipped)
          .isEqualTo(
              encapsulation
                  + " overlay 'net' not emulated: kernel lacks "
                  + (encapsulation.equals("geneve") ? "CONFIG_GENEVE" : "CONFIG_NET_IPIP"));
      assertThat(result.pings()).isEmpty();
    }
    Path sim = dir.resolve("sim");
    Path emu = dir.resolve("emu");
    ReportFiles.write(sim, List.of(ScenarioRunner.run(run, sim)));
    EmulationReports.write(emu, result);
    StringWriter out = new StringWriter();
    assertThat(Comparison.compare(sim, emu, new PrintWriter(out)))
        .as(out.toString())
        .isEqualTo(Comparison.AGREE);
  }
}
