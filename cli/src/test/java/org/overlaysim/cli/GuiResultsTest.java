package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.RunResults.FlowResult;
import org.overlaysim.gui.run.RunResults.LinkUtilization;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.ScenarioSet;

/** What the visualizer gets from a real run: timelines, latency samples, reachability. */
class GuiResultsTest {
  @Test
  void runForTheVisualizerGivesEveryLinkATimelineAndEveryPingItsSamples() throws Exception {
    ScenarioSet set = ScenarioLoader.load(RunCommandTest.EXAMPLES.resolve("three-sites.yaml"));
    AtomicReference<Double> lastProgress = new AtomicReference<>(0.0);

    RunResults results = GuiResults.of(GuiResults.run(set, lastProgress::set));

    assertThat(lastProgress.get()).isEqualTo(1.0);
    assertThat(results.binCount()).isEqualTo(GuiResults.BINS);
    assertThat(results.links()).hasSize(set.base().underlay().links().size() + 6);
    LinkUtilization transatlantic =
        results.links().stream()
            .filter(l -> l.link().contains("vir"))
            .max((a, b) -> Double.compare(sum(a.perBin()), sum(b.perBin())))
            .orElseThrow();
    assertThat(sum(transatlantic.perBin())).as("the UDP flow keeps a link busy").isPositive();
    FlowResult ping = results.flows().get(0);
    assertThat(ping.kind()).isEqualTo("ping");
    assertThat(ping.latencyMs()).hasSize(50);
    assertThat(ping.latencyMs()[0]).as("smallest RTT Madrid-Frankfurt").isGreaterThan(10.0);
  }

  @Test
  void probesBecomeReachabilityCells() throws Exception {
    ScenarioSet set = ScenarioLoader.load(RunCommandTest.EXAMPLES.resolve("multi-tenant.yaml"));

    RunResults results = GuiResults.of(GuiResults.run(set, f -> {}));

    // 5 containers, 20 ordered pairs, 2 ports.
    assertThat(results.reachability()).hasSize(40);
    assertThat(results.reachability())
        .anySatisfy(c -> assertThat(c.allowed()).isFalse())
        .anySatisfy(c -> assertThat(c.allowed()).isTrue());
  }

  @Test
  void eachHostShowsItsVtepTablesAsTheControlPlaneLeftThem() throws Exception {
    ScenarioSet set = ScenarioLoader.load(RunCommandTest.EXAMPLES.resolve("control-planes.yaml"));

    RunResults results = GuiResults.of(GuiResults.run(set, f -> {}));

    assertThat(results.vtepTables()).containsOnlyKeys("node-1", "node-2", "node-3", "node-4");
    var tables = results.vtepTables().get("node-1");
    // static overlay "pushed" (VNI 201): every remote container, permanent, and its ARP proxy entry
    assertThat(tables.fdb())
        .filteredOn(e -> e.vni() == 201)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.permanent()).isTrue());
    assertThat(tables.arp()).filteredOn(e -> e.vni() == 201).isNotEmpty();
    // flood-and-learn overlay "learned" (VNI 200): only what was learnt, dynamic, no proxy
    assertThat(tables.fdb())
        .filteredOn(e -> e.vni() == 200)
        .allSatisfy(e -> assertThat(e.permanent()).isFalse());
    assertThat(tables.arp()).filteredOn(e -> e.vni() == 200).isEmpty();
  }

  @Test
  void cancellingBetweenBinsStopsTheRun() {
    Thread.currentThread().interrupt();
    try {
      GuiResults.run(
          ScenarioLoader.load(RunCommandTest.EXAMPLES.resolve("two-hosts.yaml")), f -> {});
      org.assertj.core.api.Assertions.fail("expected the run to be cancelled");
    } catch (InterruptedException expected) {
      assertThat(expected).hasMessageContaining("cancelled");
    } catch (Exception other) {
      throw new AssertionError(other);
    } finally {
      Thread.interrupted();
    }
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
