package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.emulation.report.EmulationReports;
import org.overlaysim.overlay.policy.PolicyEngine;
import org.overlaysim.overlay.policy.ProbeResult;
import org.overlaysim.overlay.policy.Transport;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.TrafficSpec;

/**
 * Seven containers in two namespaces under a deny-all with allow rules, named ports, an
 * egress-isolated pod with an ipBlock and a VTEP ACL, probed on TCP 80 and UDP 53 on the real
 * kernel (root): every cell equals the policy engine's verdict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkPolicyEmulationTest {
  private Run run;
  private EmulationResult result;

  @BeforeAll
  void emulateOnce() throws EmulationException {
    KernelTools.require();
    run = KernelTools.run("network-policy.yaml");
    result =
        new Emulator(
                new ProcessCommandRunner(),
                EmulationSettings.defaults(),
                new PrintWriter(new StringWriter()))
            .emulate(run);
  }

  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
  }

  private static String key(String src, String dst, String protocol, int port) {
    return src + ">" + dst + " " + protocol + "/" + port;
  }

  @Test
  void everyReachabilityCellEqualsThePolicyEnginesVerdict() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (ProbeResult r : SimulatedReachability.results(run)) {
      expected.put(
          key(
              r.source().name(),
              r.destination().name(),
              r.port().protocol().name(),
              r.port().port()),
          r.result());
    }
    Map<String, String> observed = new LinkedHashMap<>();
    for (ProbeObservation o : result.probes()) {
      observed.put(key(o.src(), o.dst(), o.protocol().name(), o.port()), o.result());
    }

    assertThat(expected).hasSize(7 * 6 * 2);
    assertThat(observed).isEqualTo(expected);
  }

  @Test
  void theMatrixHoldsBothAllowedAndDeniedCells() {
    assertThat(result.probes()).anyMatch(ProbeObservation::allowed);
    assertThat(result.probes()).anyMatch(p -> !p.allowed());
  }

  @Test
  void aclOnTheDestinationVtepDeniesWhatThePolicyAllows() {
    ProbeObservation blocked =
        result.probes().stream()
            .filter(p -> p.src().equals("fe-2") && p.dst().equals("be-dns") && p.port() == 53)
            .findFirst()
            .orElseThrow();
    assertThat(blocked.allowed()).isFalse();
    assertThat(result.drops()).anyMatch(d -> d.reason().equals("acl-deny") && d.packets() > 0);
  }

  @Test
  void pingDeliveryEqualsThePolicyEnginesIcmpVerdict() {
    PolicyEngine engine = new PolicyEngine(run.scenario());
    Map<String, Boolean> expected = new LinkedHashMap<>();
    for (TrafficSpec spec : run.scenario().traffic()) {
      if (spec instanceof PingTraffic ping) {
        int src = engine.containerIndex(ping.from().containers().get(0));
        int dst = engine.containerIndex(ping.to().containers().get(0));
        expected.put(ping.name(), engine.connection(src, dst, Transport.ICMP, 0).allowed());
      }
    }
    Map<String, Boolean> observed = new LinkedHashMap<>();
    result.pings().forEach(p -> observed.put(p.flow(), p.received() > 0));

    assertThat(expected).containsValues(true, false);
    assertThat(observed).isEqualTo(expected);
  }

  @Test
  void compareAgreesWithTheSimulationOnEveryCell(@TempDir Path dir) throws Exception {
    Path sim = dir.resolve("sim");
    Path emu = dir.resolve("emu");
    ReportFiles.write(sim, List.of(ScenarioRunner.run(run, sim)));
    EmulationReports.write(emu, result);
    StringWriter out = new StringWriter();

    int status = Comparison.compare(sim, emu, new PrintWriter(out));

    List<String> lines = new ArrayList<>(List.of(out.toString().split("\n")));
    assertThat(Files.exists(emu.resolve(ReportFiles.REACHABILITY))).isTrue();
    assertThat(status).as(String.join("\n", lines)).isEqualTo(Comparison.AGREE);
    assertThat(out.toString()).contains("reachability: 84 cells compared");
  }
}
