package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;

class VtepTablesTest {
  @Test
  void staticControlPlaneShowsEveryRemoteContainerAsPermanentFdbAndNeighbourEntries()
      throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of("..", "scenarios", "examples", "two-hosts.yaml"))
            .runs()
            .get(0)
            .scenario();
    Simulator simulator = new Simulator();
    OverlayNetwork network =
        OverlayNetwork.build(scenario, simulator, new RandomStreams(1, 0), NetworkObserver.NONE);

    VtepTables.Tables tables = VtepTables.of(network, "host-a");

    // c2 (172.20.0.3, MAC 02:42:ac:14:00:03 as Docker derives it) lives behind host-b's VTEP.
    assertThat(tables.fdb())
        .containsExactly(
            new VtepTables.FdbEntry("net", 100, "02:42:ac:14:00:03", "10.0.0.12", true));
    assertThat(tables.neighbours())
        .containsExactly(
            new VtepTables.NeighbourEntry("net", 100, "172.20.0.3", "02:42:ac:14:00:03"));
  }

  @Test
  void entryBoundOfAStaticControlPlaneIsWhatTheTablesList() throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of("..", "scenarios", "examples", "large-cluster.yaml"))
            .runs()
            .get(0)
            .scenario();
    OverlayNetwork network =
        OverlayNetwork.build(
            scenario, new Simulator(), new RandomStreams(1, 0), NetworkObserver.NONE);
    for (String host : new String[] {"rack1-1", "rack4-50"}) {
      VtepTables.Tables tables = VtepTables.of(network, host);
      long listed = tables.fdb().size() + tables.neighbours().size();
      // 2,000 containers in one overlay: 1,990 elsewhere, each an FDB and a neighbour entry.
      assertThat(listed).isEqualTo(2 * 1_990);
      assertThat(VtepTables.entryBound(network, host)).isEqualTo(listed);
    }
  }
}
