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
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * The NetworkPolicy scenario with {@code encapsulation: none} (routed, no tunnel, as Calico's BGP
 * mode or Flannel host-gw): container /32 routes on hosts and routers, policies on the containers'
 * host-side veths, the ACL on the host's underlay device (root).
 */
class RoutedOverlayEmulationTest {
  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
  }

  @Test
  void routedOverlayReachabilityEqualsThePolicyEngine() throws Exception {
    KernelTools.require();
    Run run =
        ScenarioLoader.load(
                KernelTools.file("network-policy.yaml"),
                List.of("overlays.pods.encapsulation=none"))
            .runs()
            .get(0);
    EmulationResult result =
        new Emulator(
                new ProcessCommandRunner(),
                EmulationSettings.defaults(),
                new PrintWriter(new StringWriter()))
            .emulate(run);
    Map<String, String> expected = new LinkedHashMap<>();
    for (ProbeResult r : SimulatedReachability.results(run)) {
      expected.put(r.source().name() + ">" + r.destination().name() + " " + r.port(), r.result());
    }
    Map<String, String> observed = new LinkedHashMap<>();
    for (ProbeObservation o : result.probes()) {
      observed.put(
          o.src()
              + ">"
              + o.dst()
              + " "
              + new org.overlaysim.scenario.ProbePort(o.protocol(), o.port()),
          o.result());
    }

    assertThat(observed).isEqualTo(expected);
    assertThat(result.pings())
        .filteredOn(p -> p.flow().equals("web-to-web"))
        .allMatch(p -> p.received() == 3);
  }
}
