package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Scenario;

/**
 * The NetworkPolicy truth tables, modelled on the upstream Kubernetes network-policy conformance
 * tests (namespaces x, y, z; pods a, b, c labelled pod=name; ports 80 and 81 over TCP and UDP):
 * every scenario under {@code policy/} carries its expected matrices, checked cell by cell against
 * the verdicts of {@link Reachability} (the policy engine and host ACLs the probes' packets meet).
 */
class TruthTableTest {

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(PolicyScenarios.directory())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void theSuiteHasAtLeastTwentyFiveCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reachabilityMatchesTheExpectedMatrixCellByCell(String file) throws IOException {
    Scenario scenario = PolicyScenarios.load(file);
    ProbeTraffic probe = PolicyScenarios.probe(scenario);
    Map<ProbePort, List<ExpectedMatrices.Row>> expected =
        ExpectedMatrices.read(PolicyScenarios.directory().resolve(file));
    assertThat(expected.keySet())
        .as("expected matrices for the probe's ports")
        .containsExactlyInAnyOrderElementsOf(probe.ports());

    Reachability reachability = new Reachability(scenario);
    List<String> names = reachability.containers().stream().map(Container::name).toList();
    List<String> differences = new ArrayList<>();
    for (ProbePort port : probe.ports()) {
      List<ExpectedMatrices.Row> rows = expected.get(port);
      assertThat(rows.stream().map(ExpectedMatrices.Row::source).toList())
          .as("rows of %s", port)
          .isEqualTo(names);
      for (int src = 0; src < rows.size(); src++) {
        String cells = rows.get(src).cells();
        assertThat(cells).as("row %s of %s", names.get(src), port).hasSize(rows.size());
        for (int dst = 0; dst < cells.length(); dst++) {
          char actual = ExpectedMatrices.cell(reachability, src, dst, port);
          if (cells.charAt(dst) != actual) {
            differences.add(
                String.format(
                    "%s/%d %s -> %s: expected %s, got %s (%s)",
                    port.protocol(),
                    port.port(),
                    names.get(src),
                    names.get(dst),
                    cells.charAt(dst),
                    actual,
                    reachability.check(src, dst, port).describe()));
          }
        }
      }
    }
    assertThat(differences).as("cells differing from the expected matrices").isEmpty();
  }
}
