package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Scenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Open sites' clusters never overlap (issue 21): no host is drawn inside another site's circle,
 * even where two sites are close on the map (Madrid and Frankfurt) and their clusters are wider
 * than the distance between them; a displaced cluster keeps a leader line to its true place.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterSeparationTest {
  private MapView map;

  @Start
  void start(Stage stage) {
    map = new MapView();
    // The size of `overlaysim gui --snapshot`.
    stage.setScene(new Scene(map, MapTestSupport.WIDTH, MapTestSupport.HEIGHT));
    stage.show();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../scenarios/examples/three-sites.yaml",
        "src/test/resources/scenarios/new-user.yaml"
      })
  void noHostIsDrawnInsideAnotherSitesCircle(String file, FxRobot robot) throws Exception {
    Scenario scenario = MapTestSupport.show(robot, map, file, true);

    List<String> problems = new ArrayList<>();
    int circles = 0;
    for (var site : scenario.sites()) {
      Circle halo = (Circle) robot.lookup("#cluster-" + site.name()).query();
      circles++;
      Point2D c = new Point2D(halo.getCenterX(), halo.getCenterY());
      for (Host h : scenario.hosts()) {
        if (h.site().equals(site.name())) {
          continue;
        }
        Node host = robot.lookup("#host-" + h.name()).query();
        // On the FX thread: bounds read from the test thread race the layout pass.
        Bounds b = WaitForAsyncUtils.asyncFx(host::getBoundsInParent).get(5, TimeUnit.SECONDS);
        // The host's square must lie wholly outside the circle: its nearest point to the centre.
        double nx = Math.max(b.getMinX(), Math.min(c.getX(), b.getMaxX()));
        double ny = Math.max(b.getMinY(), Math.min(c.getY(), b.getMaxY()));
        if (c.distance(nx, ny) <= halo.getRadius()) {
          problems.add(h.name() + " inside " + site.name() + "'s circle");
        }
      }
      for (var other : scenario.sites()) {
        if (other == site) {
          continue;
        }
        Circle o = (Circle) robot.lookup("#cluster-" + other.name()).query();
        double d = c.distance(o.getCenterX(), o.getCenterY());
        if (d < halo.getRadius() + o.getRadius()) {
          problems.add(site.name() + "'s circle overlaps " + other.name() + "'s");
        }
      }
    }
    assertThat(circles).isEqualTo(3);
    assertThat(problems).isEmpty();
    // Madrid and Frankfurt cannot both stay on their coordinates: at least one cluster stands
    // aside, a leader line to its pin at the true place.
    if (file.contains("new-user")) {
      List<Node> leaders = new ArrayList<>(robot.lookup(".leader-line").queryAll());
      assertThat(leaders).isNotEmpty();
      assertThat(robot.lookup(".site-pin").queryAll()).hasSameSizeAs(leaders);
    }
  }
}
