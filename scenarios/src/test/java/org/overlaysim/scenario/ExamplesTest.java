package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {
  static final Path EXAMPLES = Path.of("examples");

  /**
   * Examples too big to write out in a unit test. The writer lists every container of a {@code
   * count} entry one by one, so k8s-max's 150,000 containers become 27 MB of YAML that takes 10–20
   * s to read back (linear in its size; past the 3 MiB default limit of Jackson's YAML reader,
   * too). large-cluster covers writing containers made with {@code count}.
   */
  static final Set<String> TOO_BIG_TO_WRITE_OUT = Set.of("k8s-max.yaml");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static Stream<Path> examplesSmallEnoughToWriteOut() throws IOException {
    return examples().filter(f -> !TOO_BIG_TO_WRITE_OUT.contains(f.getFileName().toString()));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleLoadsWithAtLeastOneRun(Path example) throws Exception {
    ScenarioSet set;
    try {
      set = ScenarioLoader.load(example);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    assertThat(set.runs()).isNotEmpty();
    assertThat(set.base().containers()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleStartsWithACommentHeader(Path example) throws Exception {
    List<String> lines = Files.readAllLines(example);
    assertThat(lines.get(0))
        .startsWith("# " + example.getFileName().toString().replace(".yaml", "") + ":");
    assertThat(lines.get(1)).startsWith("#");
  }

  /** The cluster of the performance issue: Kubernetes' limits of 5,000 nodes and 150,000 pods. */
  @Test
  void k8sMaxIsAKubernetesMaximumClusterOnThreeContinents() throws Exception {
    Scenario k8s = ScenarioLoader.load(EXAMPLES.resolve("k8s-max.yaml")).base();

    assertThat(k8s.sites()).hasSize(5);
    assertThat(k8s.sites()).extracting(s -> continent(s.location())).containsOnly(CONTINENTS);
    assertThat(k8s.hosts()).hasSize(5_000);
    assertThat(count(k8s.hosts(), Host::site))
        .containsOnlyKeys(sites(k8s))
        .allSatisfy((site, hosts) -> assertThat(hosts).isEqualTo(1_000));
    assertThat(k8s.containers()).hasSize(150_000);
    assertThat(k8s.overlays()).hasSize(10);
    assertThat(k8s.overlays()).extracting(Overlay::controlPlane).containsOnly(ControlPlane.STATIC);
    assertThat(k8s.policies()).hasSize(500);
    assertThat(k8s.durationNs()).isEqualTo(1_000_000_000L);
  }

  @Test
  void k8sMaxAsksAHundredThousandRequestsPerSecondFromAndToEverySite() throws Exception {
    Scenario k8s = ScenarioLoader.load(EXAMPLES.resolve("k8s-max.yaml")).base();
    Map<String, String> siteOfContainer = siteOfContainer(k8s);
    List<RequestResponseTraffic> flows =
        k8s.traffic().stream()
            .filter(RequestResponseTraffic.class::isInstance)
            .map(RequestResponseTraffic.class::cast)
            .toList();

    // One connection per client, each at the flow's rate.
    double requestsPerSecond =
        flows.stream().mapToDouble(f -> f.from().containers().size() * f.ratePerSecond()).sum();
    assertThat(requestsPerSecond).isCloseTo(100_000, within(1e-6));
    for (RequestResponseTraffic f : flows) {
      assertThat(sitesOf(siteOfContainer, f.from()))
          .as(f.name() + " clients")
          .isEqualTo(sites(k8s));
      assertThat(sitesOf(siteOfContainer, f.to())).as(f.name() + " servers").isEqualTo(sites(k8s));
    }
    assertThat(k8s.traffic())
        .filteredOn(ProbeTraffic.class::isInstance)
        .singleElement()
        .extracting(t -> ((ProbeTraffic) t).sample())
        .isEqualTo(1_000);
  }

  private static final String[] CONTINENTS = {"Europe", "North America", "Asia"};

  /** Coarse, by longitude: enough to tell the example's sites apart. */
  private static String continent(Location l) {
    return l.lon() < -30 ? "North America" : l.lon() > 60 ? "Asia" : "Europe";
  }

  private static Set<String> sites(Scenario s) {
    return s.sites().stream().map(Site::name).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Map<String, String> siteOfContainer(Scenario s) {
    Map<String, String> siteOfHost =
        s.hosts().stream().collect(Collectors.toMap(Host::name, Host::site));
    return s.containers().stream()
        .collect(Collectors.toMap(Container::name, c -> siteOfHost.get(c.host())));
  }

  private static Set<String> sitesOf(Map<String, String> siteOfContainer, Endpoint end) {
    Set<String> sites = new TreeSet<>();
    for (String c : end.containers()) {
      sites.add(siteOfContainer.get(c));
    }
    return sites;
  }

  private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
