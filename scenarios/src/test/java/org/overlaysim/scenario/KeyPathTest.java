package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The key syntax shared by sweep and --set. */
class KeyPathTest {

  @Test
  void listElementIsChosenByNameIndexOrBracketIndex() throws Exception {
    String text = Yaml.minimal() + "traffic:\n  - {kind: ping, from: c1, to: c2, count: 1}\n";
    assertThat(((PingTraffic) Yaml.load(text, "traffic.0.count=5").base().traffic().get(0)).count())
        .isEqualTo(5);
    assertThat(
            ((PingTraffic) Yaml.load(text, "traffic[0].count=6").base().traffic().get(0)).count())
        .isEqualTo(6);
    assertThat(Yaml.load(text, "hosts.h2.bandwidth=1Gbps").base().hosts().get(1).bandwidthBps())
        .isEqualTo(1_000_000_000L);
  }

  @Test
  void policyIsChosenByMetadataName() throws Exception {
    String text =
        Yaml.minimal()
            + """
            policies:
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: lock}
                spec: {podSelector: {}}
            """;
    NetworkPolicy policy =
        Yaml.load(text, "policies.lock.spec.policyTypes=[Egress]").base().policies().get(0);
    assertThat(policy.policyTypes()).containsExactly(PolicyType.Egress);
  }

  @Test
  void missingMappingOnTheWayIsCreated() throws Exception {
    String text =
        Yaml.minimal().replace("  defaults: {bandwidth: 10Gbps, mtu: 1500, queue: 1MiB}\n", "");
    assertThat(Yaml.load(text, "underlay.defaults.mtu=9000").base().underlay().defaults().mtu())
        .isEqualTo(9000);
  }

  @Test
  void misspeltLastKeyIsCaughtAsAnUnknownKeyAtTheOverride() {
    List<Problem> problems = Yaml.problems(Yaml.minimal(), "underlay.defaults.mtuu=9000");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("--set");
              assertThat(p.message()).contains("unknown key 'mtuu'").contains("did you mean 'mtu'");
            });
  }

  @Test
  void indexPastTheEndNamesTheListSize() {
    assertThat(Yaml.problems(Yaml.minimal(), "containers[5].mtu=1400"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("has 2 entries"));
  }

  @Test
  void indexIntoAListTheScenarioLacksSaysSo() {
    String noLinks = Yaml.minimal().replace("  links:\n    - {a: r1, b: r2}\n", "");
    assertThat(noLinks).doesNotContain("links");
    assertThat(Yaml.problems(noLinks, "underlay.links[0].loss=0.1"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("the scenario has no underlay.links to index")
                    .doesNotContain("must be a list"));
  }

  @Test
  void overrideWithoutEqualsSignIsReported() {
    assertThat(Yaml.problems(Yaml.minimal(), "seed"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not key=value"));
  }
}
