package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.LinkDelay;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Links say their one-way delay (the simulator's, from topology's LinkDelay) and, after a run,
 * their utilization; drops are marked where they happen (issue 21).
 */
@ExtendWith(ApplicationExtension.class)
class LinkAndDropMarksTest {
  private MapView map;
  private Scenario scenario;

  @Start
  void start(Stage stage) {
    map = new MapView();
    stage.setScene(new Scene(map, MapTestSupport.WIDTH, MapTestSupport.HEIGHT));
    stage.show();
  }

  @BeforeEach
  void showThreeSites(FxRobot robot) throws Exception {
    scenario = MapTestSupport.show(robot, map, MapTestSupport.THREE_SITES, true);
  }

  private String label(FxRobot robot, String link) {
    return robot.lookup("#link-label-" + link).queryAs(Text.class).getText();
  }

  @Test
  void everyLinkBetweenSitesSaysTheDelayTheSimulatorUses(FxRobot robot) {
    Map<String, LinkDelay> delays = LinkDelay.of(scenario);
    for (var l : scenario.underlay().links()) {
      assertThat(label(robot, l.name())).isEqualTo(LinkLabels.delayText(delays.get(l.name()).ns()));
    }
    // Madrid-Frankfurt is about 15 ms one way (30 ms RTT, the example's comment).
    assertThat(label(robot, "r-mad--r-fra")).isEqualTo("15 ms");
  }

  @Test
  void afterARunLinksSayTheirUtilizationAndDropsStandWhereTheyHappened(FxRobot robot)
      throws Exception {
    RunResults run =
        new RunResults(
            1_000_000,
            List.of(
                new RunResults.LinkUtilization("r-fra--r-vir", new double[] {0.2, 0.42}),
                new RunResults.LinkUtilization("r-mad--r-fra", new double[] {0.004})),
            Map.of("queue-full", 7L, "mtu-exceeded", 3L),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(
                "r-vir->r-fra", Map.of("queue-full", 7L),
                "fra-2/vtep", Map.of("mtu-exceeded", 3L)));
    robot.interact(() -> map.resultsProperty().set(run));
    robot.interact(map::layout);

    assertThat(label(robot, "r-fra--r-vir")).endsWith(" · 42%");
    assertThat(label(robot, "r-mad--r-fra")).isEqualTo("15 ms · 0.4%");
    List<Text> drops = robot.lookup(".drop-mark").queryAll().stream().map(n -> (Text) n).toList();
    assertThat(drops).extracting(Text::getText).containsExactlyInAnyOrder("✕ 7", "✕ 3");

    Point2D fra2 = onFx(() -> map.hostPosition("fra-2").orElseThrow());
    Point2D vir = onFx(() -> map.sitePosition("virginia").orElseThrow());
    Point2D fra = onFx(() -> map.sitePosition("frankfurt").orElseThrow());
    Text atHost = drops.stream().filter(t -> t.getText().equals("✕ 3")).findFirst().orElseThrow();
    assertThat(centre(atHost).distance(fra2)).isLessThan(30);
    // Virginia sends, so the mark stands on Virginia's side of the transatlantic link.
    Text onLink = drops.stream().filter(t -> t.getText().equals("✕ 7")).findFirst().orElseThrow();
    assertThat(centre(onLink).distance(vir)).isLessThan(centre(onLink).distance(fra));
  }

  private static Point2D centre(Node n) throws Exception {
    Bounds b = onFx(n::getBoundsInParent);
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

  /** Reads the scene on the FX thread: read from the test thread it races the layout pass. */
  private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
