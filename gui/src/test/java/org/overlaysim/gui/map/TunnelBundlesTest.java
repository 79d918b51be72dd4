package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tunnels between two sites are one line with a count, not one line per VTEP pair (issue 21). */
@ExtendWith(ApplicationExtension.class)
class TunnelBundlesTest {
  private MapView map;

  @Start
  void start(Stage stage) {
    map = new MapView();
    stage.setScene(new Scene(map, MapTestSupport.WIDTH, MapTestSupport.HEIGHT));
    stage.show();
  }

  private Map<String, String> bundles(FxRobot robot, String file) throws Exception {
    MapTestSupport.show(robot, map, file, true);
    Map<String, String> counts = new TreeMap<>();
    for (Node n : robot.lookup(".tunnel-count").queryAll()) {
      counts.put(n.getId().substring("tunnel-count-".length()), ((Text) n).getText());
    }
    assertThat(robot.lookup(".tunnel-bundle").queryAll()).hasSameSizeAs(counts.keySet());
    return counts;
  }

  @Test
  void threeSitesHasOneLinePerSitePairWithItsVtepPairs(FxRobot robot) throws Exception {
    // VTEPs: mad-1; fra-1 and fra-2; vir-1. A bundle is named by its sites in name order.
    assertThat(bundles(robot, "../scenarios/examples/three-sites.yaml"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "frankfurt-madrid", "⇄ 2", "madrid-virginia", "⇄ 1", "frankfurt-virginia", "⇄ 2"));
  }

  @Test
  void theNewUserCaseDrawsThreeBundlesOfSixteenInsteadOfFortyEightLines(FxRobot robot)
      throws Exception {
    Map<String, String> counts = bundles(robot, "src/test/resources/scenarios/new-user.yaml");

    assertThat(counts).hasSize(3).allSatisfy((pair, text) -> assertThat(text).isEqualTo("⇄ 16"));
    // Inside each site, its 4 VTEPs' 6 tunnels; across sites, only the 3 bundles.
    assertThat(robot.lookup(".tunnel").queryAll()).hasSize(3 * 6 + 3);
  }

  @Test
  void countsAreShortFromAThousandOn() {
    assertThat(OverlayMarks.compact(66)).isEqualTo("66");
    assertThat(OverlayMarks.compact(1_200)).isEqualTo("1.2k");
    assertThat(OverlayMarks.compact(10_000_000)).isEqualTo("10M");
  }
}
