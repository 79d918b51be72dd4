package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.overlay.policy.ProbeResult;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * Issue 20's difference 7 on the kernel (root): with {@code ipBlockMatchesPods: false} (Cilium's
 * behaviour) the emulator's nftables leave pod addresses out of every ipBlock, and what the kernel
 * lets through is what the policy engine says, cell by cell, differing from the default (Calico's)
 * where an ipBlock was all that allowed a pod.
 */
class IpBlockPluginEmulationTest {
  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
  }

  private static Map<String, String> simulated(Run run) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (ProbeResult r : SimulatedReachability.results(run)) {
      cells.put(r.source().name() + ">" + r.destination().name() + " " + r.port(), r.result());
    }
    return cells;
  }

  @Test
  void ciliumsIpBlocksMatchNoPodOnTheKernelAsInThePolicyEngine() throws Exception {
    KernelTools.require();
    Run cilium =
        ScenarioLoader.load(
                KernelTools.file("network-policy.yaml"), List.of("ipBlockMatchesPods=false"))
            .runs()
            .get(0);
    Run calico = KernelTools.run("network-policy.yaml");
    EmulationResult result =
        new Emulator(
                new ProcessCommandRunner(),
                EmulationSettings.defaults(),
                new PrintWriter(new StringWriter()))
            .emulate(cilium);
    Map<String, String> observed = new LinkedHashMap<>();
    for (ProbeObservation o : result.probes()) {
      observed.put(
          o.src() + ">" + o.dst() + " " + new ProbePort(o.protocol(), o.port()), o.result());
    }

    Map<String, String> expected = simulated(cilium);
    assertThat(observed).isEqualTo(expected);
    assertThat(expected).isNotEqualTo(simulated(calico));
  }
}
