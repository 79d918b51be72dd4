package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a mistake is reported once, where it is, in words a user acts on: YAML syntax errors
 * name the problem (not the parser's context) at the problem's line; an entry that failed
 * validation still defines its name, so later references to it are not reported as unknown; a
 * {@code --set} problem points at the {@code --set} and the key given.
 */
class OneProblemPerMistakeTest {
  static String example(String name) throws IOException {
    return Files.readString(Path.of("examples", name));
  }

  /** {@code text} with line {@code number} (1-based) replaced by {@code line}. */
  static String replaceLine(String text, int number, String line) {
    List<String> lines = new java.util.ArrayList<>(text.lines().toList());
    assertThat(lines.size()).isGreaterThanOrEqualTo(number);
    lines.set(number - 1, line);
    return String.join("\n", lines) + "\n";
  }

  /** The problems of example {@code file} with line {@code number} replaced by {@code line}. */
  static List<String> problemsWithLine(String file, int number, String line) throws IOException {
    return problems(file, replaceLine(example(file), number, line));
  }

  /** two-hosts with a third host entry: {@code count} hosts node-1.. from 10.0.1.0/24. */
  static String withNodes(int count) throws IOException {
    return example("two-hosts.yaml")
        .replace(
            "  - {name: host-b, router: r1, ip: 10.0.0.12}",
            "  - {name: host-b, router: r1, ip: 10.0.0.12}\n"
                + "  - {name: node, router: r1, count: "
                + count
                + ", ipRange: 10.0.1.0/24}");
  }

  static List<String> problems(String file, String text, String... overrides) {
    ScenarioException e =
        catchThrowableOfType(
            ScenarioException.class, () -> ScenarioLoader.parse(file, text, List.of(overrides)));
    assertThat(e).as("the scenario must be refused").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void anUnclosedBraceIsReportedWhereTheParserNoticesItWithWhereItOpened() throws IOException {
    assertThat(problemsWithLine("two-hosts.yaml", 36, "  - {name: c1, host: host-a, overlay: net"))
        .containsExactly(
            "two-hosts.yaml:37:5: containers[0]: YAML syntax: the '{' at line 36, column 5 is not"
                + " closed: expected ',' or '}' before this");
  }

  @Test
  void aTabSaysTab() throws IOException {
    assertThat(problemsWithLine("two-hosts.yaml", 29, "\tvni: 100"))
        .containsExactly(
            "two-hosts.yaml:29:1: overlays[0]: YAML syntax: tab characters are not allowed for"
                + " indentation; indent with spaces");
  }

  @Test
  void aLineIndentedTooLittleIsABadIndentation() throws IOException {
    assertThat(problemsWithLine("two-hosts.yaml", 29, "  vni: 100"))
        .containsExactly(
            "two-hosts.yaml:29:3: overlays: YAML syntax: bad indentation: this line does not line"
                + " up with the block that starts at line 28, column 3");
  }

  @Test
  void aLineIndentedTooMuchIsABadIndentation() throws IOException {
    assertThat(problemsWithLine("two-hosts.yaml", 29, "      vni: 100"))
        .containsExactly(
            "two-hosts.yaml:29:10: overlays[0]: YAML syntax: bad indentation, or a value holding"
                + " ': ': indent this line as the keys above it, or quote the value");
  }

  @Test
  void aCommentThatLostItsHashIsNamedAsSuch() throws IOException {
    assertThat(problemsWithLine("two-hosts.yaml", 5, " Run: overlaysim run two-hosts.yaml"))
        .containsExactly(
            "two-hosts.yaml:6:1: YAML syntax: this line does not continue the document above it:"
                + " is a line above indented differently, or a comment missing its '#'?");
  }

  @Test
  void aSiteWithABadLatitudeIsOneProblemNotOnePerReference() throws IOException {
    // frankfurt's routers, links, hosts, containers, flows and capture all refer to it
    String text = example("three-sites.yaml");
    int line = text.lines().toList().indexOf("    location: {lat: 50.1109, lon: 8.6821}") + 1;
    assertThat(line).as("frankfurt's location").isPositive();
    assertThat(
            problems(
                "three-sites.yaml",
                replaceLine(text, line, "    location: {lat: 95.1, lon: 8.6821}")))
        .containsExactly(
            "three-sites.yaml:" + line + ":21: sites[1].location.lat: 95.1 is outside -90.0..90.0");
  }

  @Test
  void anOverlayWithOneBadFieldIsOneProblem() throws IOException {
    assertThat(problemsWithLine("two-hosts.yaml", 32, "    controlPlane: statik"))
        .containsExactly(
            "two-hosts.yaml:32:19: overlays[0].controlPlane: 'statik' is not one of static,"
                + " flood-and-learn, evpn (did you mean 'static'?)");
  }

  @Test
  void aHostPatternMatchingNothingIsOneProblem() throws IOException {
    String text =
        example("two-hosts.yaml")
            .replace(
                "  - {name: c2, host: host-b, overlay: net}",
                "  - {name: c2, host: host-b, overlay: net}\n"
                    + "  - {name: web, host: 'node-*', overlay: net, count: 2}")
            .replace("to: c2,", "to: web-1,");
    assertThat(problems("two-hosts.yaml", text))
        .containsExactly(
            "two-hosts.yaml:38:23: containers[2].host: host pattern 'node-*' matches no host"
                + " (known: host-a, host-b)");
  }

  @Test
  void aNegativeCountIsOneProblemAndItsPatternsAndMembersAreNotUnknown() throws IOException {
    String text =
        withNodes(-3)
            .replace(
                "  - {name: c2, host: host-b, overlay: net}",
                "  - {name: c2, host: host-b, overlay: net}\n"
                    + "  - {name: web, host: 'node-*', overlay: net, count: 2}\n"
                    + "  - {name: db, host: node-2, overlay: net}")
            .replace("to: c2,", "to: web-2,");
    assertThat(problems("two-hosts.yaml", text))
        .containsExactly("two-hosts.yaml:26:37: hosts[2].count: -3 is outside 1..1000000");
  }

  @Test
  void anEntryWhoseNameIsNotTextHidesTheUnknownNamesOfItsKind() throws IOException {
    assertThat(problemsWithLine("two-hosts.yaml", 12, "  - name: {}"))
        .containsExactly("two-hosts.yaml:12:11: sites[0].name: must be text, not a mapping");
  }

  @Test
  void anUnknownNameIsNeverHiddenWhenNothingElseIsWrong() throws IOException {
    String text = withNodes(2).replace("{name: c2, host: host-b,", "{name: c2, host: node,");
    assertThat(problems("two-hosts.yaml", text))
        .containsExactly(
            "two-hosts.yaml:38:22: containers[1].host: unknown host 'node' (did you mean"
                + " 'node-1'? known: host-a, host-b, node-1, node-2)");
  }

  @Test
  void setProblemsPointAtTheSetAndTheKeyGiven() throws IOException {
    String text = example("two-hosts.yaml");
    assertThat(problems("two-hosts.yaml", text, "foo.bar=1"))
        .containsExactly("--set:1:1: foo.bar: unknown key 'foo' in the scenario");
    assertThat(problems("two-hosts.yaml", text, "duration=5s", "durration=5s"))
        .containsExactly(
            "--set:2:1: durration: unknown key 'durration' in the scenario (did you mean"
                + " 'duration'?)");
    assertThat(problems("two-hosts.yaml", text, "overlays.net.mtu=abc"))
        .containsExactly(
            "--set:1:1: overlays.net.mtu: mtu must be 'auto' or a number of bytes, not text 'abc'");
    assertThat(
            problems("two-hosts.yaml", text, "underlay.defaults={mtu: 9000, queue: 1MiB, foo: 1}"))
        .containsExactly(
            "--set:1:1: underlay.defaults.foo: unknown key 'foo' in underlay defaults");
  }
}
