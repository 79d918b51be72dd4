package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Scenario;

class ReachabilityTest {
  private static final ProbePort TCP_80 = new ProbePort(Protocol.TCP, 80);
  private static final ProbePort UDP_53 = new ProbePort(Protocol.UDP, 53);

  private final Scenario scenario = PolicyScenarios.load("deny-all-ingress.yaml");
  private final Reachability reachability = new Reachability(scenario);

  private static ProbeTraffic probe(int sample) {
    return new ProbeTraffic("probe-0", List.of(TCP_80, UDP_53), sample, 0, 0, 1_000_000_000L);
  }

  private List<String> pairs(int sample, long seed) {
    ProbeTraffic probe = probe(sample);
    List<String> pairs = new ArrayList<>();
    reachability.probe(
        probe,
        new RandomStreams(seed, 0).stream(Reachability.streamName(probe)),
        (src, dst, port, verdict) -> {
          if (port.equals(TCP_80)) {
            pairs.add(src + ">" + dst);
          }
        });
    return pairs;
  }

  @Test
  void aFullProbeCoversEveryOrderedPairOfDistinctContainersAndEveryPort() {
    List<ProbeResult> results = reachability.results(probe(0), null);
    assertThat(results).hasSize(9 * 8 * 2);
    assertThat(results).noneMatch(r -> r.source().equals(r.destination()));
    assertThat(results.get(0).source().name()).isEqualTo("x-a");
    assertThat(results.get(0).destination().name()).isEqualTo("x-b");
  }

  @Test
  void aSampledProbeVisitsNDistinctPairsOfDistinctContainers() {
    List<String> pairs = pairs(10, 7);
    assertThat(pairs).hasSize(10).doesNotHaveDuplicates();
    for (String pair : pairs) {
      String[] ends = pair.split(">");
      assertThat(ends[0]).isNotEqualTo(ends[1]);
    }
  }

  @Test
  void theSameSeedDrawsTheSameSample() {
    assertThat(pairs(10, 7)).isEqualTo(pairs(10, 7));
  }

  @Test
  void aSampleAboveHalfThePairsIsStillDistinct() {
    List<String> pairs = pairs(60, 3);
    Set<String> distinct = new HashSet<>(pairs);
    assertThat(distinct).hasSize(60);
  }

  @Test
  void aSampleOfAtLeastEveryPairProbesEveryPair() {
    assertThat(pairs(1000, 1)).hasSize(72);
  }

  @Test
  void resultsSayAllowedOrDeniedWithTheReason() {
    List<ProbeResult> results = reachability.results(probe(0), null);
    ProbeResult intoX =
        results.stream()
            .filter(r -> r.source().name().equals("y-a") && r.destination().name().equals("x-a"))
            .findFirst()
            .orElseThrow();
    assertThat(intoX.result()).isEqualTo("denied");
    assertThat(intoX.verdict().reason().code()).isEqualTo("policy-deny");
  }

  @Test
  void deniedIngressIntoNamespaceXShowsInTheRowsOfEveryOtherSource() {
    assertThat(ExpectedMatrices.row(reachability, 0, TCP_80)).isEqualTo("-xx......");
    assertThat(ExpectedMatrices.row(reachability, 3, TCP_80)).isEqualTo("xxx-.....");
    assertThat(ExpectedMatrices.row(reachability, 3, UDP_53)).isEqualTo("xxx-.....");
  }
}
