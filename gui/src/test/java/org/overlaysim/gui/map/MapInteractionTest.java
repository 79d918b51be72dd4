package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.overlaysim.scenario.ScenarioLoader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MapInteractionTest {
  private MapView map;

  @Start
  void start(Stage stage) {
    map = new MapView();
    stage.setScene(new Scene(map, 900, 600));
    stage.show();
  }

  @BeforeEach
  void showScenario(FxRobot robot) throws Exception {
    var scenario =
        ScenarioLoader.load(Path.of("src/test/resources/scenarios/two-sites.yaml")).base();
    robot.interact(() -> map.setScenario(scenario));
  }

  private Point2D position(String site) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> map.sitePosition(site).orElseThrow()).get();
  }

  @Test
  void scrollingZoomsAroundThePointer(FxRobot robot) throws Exception {
    double before = map.viewport().zoom();
    Point2D lisbon = position("lisbon");
    robot.moveTo(map.localToScreen(lisbon));

    robot.scroll(3, javafx.geometry.VerticalDirection.UP);

    assertThat(map.viewport().zoom())
        .isNotCloseTo(before, org.assertj.core.data.Offset.offset(0.01));
    Point2D after = position("lisbon");
    assertThat(after.distance(lisbon)).isLessThan(3.0);
  }

  @Test
  void draggingTheMapPansIt(FxRobot robot) throws Exception {
    Point2D paris = position("paris");
    Point2D start = map.localToScreen(paris.add(40, 120));

    robot.drag(start, MouseButton.PRIMARY).moveBy(-100, -50).release(MouseButton.PRIMARY);

    Point2D moved = position("paris");
    assertThat(moved.getX())
        .isCloseTo(paris.getX() - 100, org.assertj.core.data.Offset.offset(3.0));
    assertThat(moved.getY()).isCloseTo(paris.getY() - 50, org.assertj.core.data.Offset.offset(3.0));
  }

  @Test
  void fitShowsEverySiteInsideTheView(FxRobot robot) throws Exception {
    robot.interact(() -> map.setViewport(Viewport.world(900, 600).zoomedAt(30, 10, 10)));
    robot.interact(map::fitToSites);

    for (String site : new String[] {"lisbon", "paris"}) {
      Point2D p = position(site);
      assertThat(p.getX()).isBetween(0.0, 900.0);
      assertThat(p.getY()).isBetween(0.0, 600.0);
    }
  }
}
