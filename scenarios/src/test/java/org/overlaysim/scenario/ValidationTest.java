package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation behaviours that go beyond one problem per file. */
class ValidationTest {

  @Test
  void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
    String text =
        Yaml.minimal()
            .replace("duration: 10s", "duration: 10")
            .replace("{name: c2, host: h2, overlay: o}", "{name: c2, host: h9, overlay: o}")
            .replace("mtu: 1500", "mtu: 1500, mtuu: 9000");
    List<Problem> problems = Yaml.problems(text);
    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly("duration", "underlay.defaults.mtuu", "containers[1].host");
    assertThat(problems).extracting(Problem::line).isSorted();
  }

  @Test
  void problemPrintsAsFileLineColumnPathMessage() {
    Problem problem = Yaml.problems(Yaml.minimal().replace("host: h2,", "host: h9,")).get(0);
    assertThat(problem.toString())
        .isEqualTo(
            "test.yaml:21:22: containers[1].host: unknown host 'h9' (did you mean 'h1'? known: h1, h2)");
  }

  @Test
  void overlaysInDifferentVnisMayReuseAddresses() throws Exception {
    String text =
        Yaml.minimal()
            .replace(
                "  - {name: o, vni: 10, subnet: 172.20.0.0/24}\n",
                "  - {name: o, vni: 10, subnet: 172.20.0.0/24}\n  - {name: p, vni: 11, subnet: 172.20.0.0/24}\n")
            .replace("{name: c2, host: h2, overlay: o}", "{name: c2, host: h2, overlay: p}");
    Scenario s = Yaml.scenario(text);
    assertThat(s.containers().get(0).ip()).isEqualTo(s.containers().get(1).ip());
  }

  @Test
  void vxlanOverlayOverlappingARoutedOneIsAmbiguous() {
    String text =
        Yaml.minimal()
            .replace(
                "  - {name: o, vni: 10, subnet: 172.20.0.0/24}\n",
                "  - {name: o, vni: 10, subnet: 172.20.0.0/16}\n  - {name: p, subnet: 172.20.5.0/24, encapsulation: none}\n");
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("overlays[1].subnet"));
  }

  @Test
  void unknownKeyInTrafficSuggestsTheKeyOfThatKind() {
    String text = Yaml.minimal() + "traffic:\n  - {kind: ping, from: c1, to: c2, intervall: 1s}\n";
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("traffic[0].intervall");
              assertThat(p.message()).contains("did you mean 'interval'");
            });
  }

  @Test
  void duplicateFlowNamesAreRefused() {
    String text =
        Yaml.minimal()
            + "traffic:\n  - {kind: ping, from: c1, to: c2, name: x}\n  - {kind: ping, from: c2, to: c1, name: x}\n";
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("traffic[1].name");
              assertThat(p.message()).contains("duplicate flow name 'x'");
            });
  }

  @Test
  void trafficFromAContainerToItselfIsRefused() {
    String text = Yaml.minimal() + "traffic:\n  - {kind: ping, from: c1, to: c1}\n";
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("to itself"));
  }

  @Test
  void peerMixingIpBlockAndSelectorIsRefused() {
    String text =
        Yaml.minimal()
            + """
            policies:
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]
            """;
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("policies[0].spec.ingress[0].from[0]");
              assertThat(p.message()).contains("ipBlock cannot be combined");
            });
  }

  @Test
  void namedPolicyPortMustBeAnIanaServiceName() {
    String text =
        Yaml.minimal()
            + """
            policies:
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p}
                spec:
                  podSelector: {}
                  ingress: [{ports: [{port: Not_A_Name}]}]
            """;
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("named port"));
  }

  @Test
  void hostRangeTooSmallForItsCountIsReported() {
    String text =
        Yaml.minimal()
            .replace(
                "  - {name: h2, router: r2, ip: 10.0.0.2}\n",
                "  - {name: h2, router: r2, ip: 10.0.0.2}\n  - {name: w, router: r2, count: 7, ipRange: 10.0.1.0/29}\n");
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("hosts[2].ipRange");
              assertThat(p.message()).contains("too few free addresses").contains("6 fit");
            });
  }

  @Test
  void handGivenMacRepeatedInOneOverlayIsRefused() {
    String text =
        Yaml.minimal()
            .replace(
                "{name: c1, host: h1, overlay: o}",
                "{name: c1, host: h1, overlay: o, mac: '02:00:00:00:00:01'}")
            .replace(
                "{name: c2, host: h2, overlay: o}",
                "{name: c2, host: h2, overlay: o, mac: '02:00:00:00:00:01'}");
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("containers[1].mac");
              assertThat(p.message()).contains("already the address of container 'c1'");
            });
  }

  @Test
  void emptyFileIsReportedClearly() {
    assertThat(Yaml.problems(""))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("empty"));
  }

  @Test
  void secondYamlDocumentIsRefused() {
    assertThat(Yaml.problems(Yaml.minimal() + "---\nname: other\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("second YAML document"));
  }

  @Test
  void scalarDocumentIsNotAScenario() {
    assertThat(Yaml.problems("just text\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("must be a mapping"));
  }

  @Test
  void tooManyProblemsAreCappedWithACount() {
    StringBuilder text = new StringBuilder(Yaml.minimal());
    for (int i = 0; i < 300; i++) {
      text.append("k").append(i).append(": 1\n");
    }
    List<Problem> problems = Yaml.problems(text.toString());
    assertThat(problems).hasSize(ScenarioLoader.MAX_PROBLEMS + 1);
    assertThat(problems.get(ScenarioLoader.MAX_PROBLEMS).message())
        .isEqualTo("… and 100 more problems");
  }
}
