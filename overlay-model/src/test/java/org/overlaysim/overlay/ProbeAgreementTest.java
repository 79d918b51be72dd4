package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.policy.Reachability;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * Probe packets through the data plane (SYN and SYN-ACK, UDP and its answer, across VTEP ACLs,
 * NetworkPolicy and conntrack) agree cell by cell with the policy-level truth of {@link
 * Reachability} on every truth table under src/test/resources/policy/: the same result, and the
 * same reason (the drop that killed a denied probe; the deciding policy of an allowed one).
 */
class ProbeAgreementTest {
  static Stream<String> truthTables() throws IOException, URISyntaxException {
    Path dir = Path.of(ProbeAgreementTest.class.getResource("/policy").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("truthTables")
  void packetProbesAgreeWithReachability(String file) throws Exception {
    Path path = Path.of(ProbeAgreementTest.class.getResource("/policy/" + file).toURI());
    Run run = ScenarioLoader.load(path, List.of()).runs().get(0);
    Scenario scenario = run.scenario();
    int flow = probeFlow(scenario);
    ProbeTraffic probe = (ProbeTraffic) scenario.traffic().get(flow);
    Simulator simulator = new Simulator();
    TrafficObserver observer = new TrafficObserver(simulator, flow);
    RandomStreams streams = new RandomStreams(run.seed(), 0);
    OverlayNetwork network = OverlayNetwork.build(scenario, simulator, streams, observer);
    network.start();
    simulator.run(
        Math.max(scenario.durationNs(), probe.startNs() + probe.timeoutNs() + 1_000_000_000L));

    Map<String, String> packets = new TreeMap<>();
    for (TrafficObserver.Probe p : observer.probes) {
      packets.put(
          p.src() + ">" + p.dst() + " " + p.protocol() + "/" + p.port(),
          (p.allowed() ? "allowed " : "denied ") + p.reason());
    }
    Map<String, String> truth = new TreeMap<>();
    Reachability reachability = new Reachability(scenario);
    reachability.probe(
        probe,
        streams.stream(Reachability.streamName(probe)),
        (src, dst, port, verdict) ->
            truth.put(
                reachability.containers().get(src).name()
                    + ">"
                    + reachability.containers().get(dst).name()
                    + " "
                    + port.protocol()
                    + "/"
                    + port.port(),
                (verdict.allowed() ? "allowed " : "denied ") + verdict.reportReason()));
    assertThat(observer.probes).hasSize(truth.size());
    Map<String, String> differences = new TreeMap<>();
    truth.forEach(
        (cell, expected) -> {
          if (!expected.equals(packets.get(cell))) {
            differences.put(cell, "packets " + packets.get(cell) + ", policy " + expected);
          }
        });
    assertThat(differences).isEmpty();
  }

  private static int probeFlow(Scenario scenario) {
    for (int i = 0; i < scenario.traffic().size(); i++) {
      if (scenario.traffic().get(i) instanceof ProbeTraffic) {
        return i;
      }
    }
    throw new IllegalStateException("no probe in " + scenario.name());
  }
}
