package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.overlay.policy.ProbeResult;
import org.overlaysim.scenario.Run;

/**
 * Two tenants reuse the same addresses on two VNIs, with policies in one of them (root): the kernel
 * keeps them apart (a probe to the other tenant's address reaches one's own tenant, never the named
 * container), as the policy engine's vni-mismatch says.
 */
class MultiTenantEmulationTest {
  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
  }

  @Test
  void everyCellEqualsThePolicyEngineDespiteReusedAddresses() throws EmulationException {
    KernelTools.require();
    Run run = KernelTools.run("multi-tenant.yaml");
    EmulationResult result =
        new Emulator(
                new ProcessCommandRunner(),
                EmulationSettings.defaults(),
                new PrintWriter(new StringWriter()))
            .emulate(run);
    Map<String, String> expected = new LinkedHashMap<>();
    for (ProbeResult r : SimulatedReachability.results(run)) {
      expected.put(
          r.source().name() + ">" + r.destination().name() + "/" + r.port().port(), r.result());
    }
    Map<String, String> observed = new LinkedHashMap<>();
    for (ProbeObservation o : result.probes()) {
      observed.put(o.src() + ">" + o.dst() + "/" + o.port(), o.result());
    }

    assertThat(observed).hasSize(5 * 4 * 2).isEqualTo(expected);
    assertThat(result.probes())
        .filteredOn(p -> p.src().startsWith("blue") && p.dst().startsWith("red"))
        .allMatch(p -> !p.allowed());
  }
}
