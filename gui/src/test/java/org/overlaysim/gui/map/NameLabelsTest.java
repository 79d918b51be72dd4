package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Scenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Hosts and containers carry their names when there is room for them (issue 21). */
@ExtendWith(ApplicationExtension.class)
class NameLabelsTest {
  private MapView map;

  @Start
  void start(Stage stage) {
    map = new MapView();
    stage.setScene(new Scene(map, MapTestSupport.WIDTH, MapTestSupport.HEIGHT));
    stage.show();
  }

  private Scenario open(FxRobot robot, String file) throws Exception {
    return MapTestSupport.show(robot, map, file, true);
  }

  @Test
  void everyHostAndContainerOfThreeSitesIsNamed(FxRobot robot) throws Exception {
    Scenario s = open(robot, "../scenarios/examples/three-sites.yaml");

    for (Host h : s.hosts()) {
      assertThat(robot.lookup("#host-name-" + h.name()).queryAs(Text.class).getText())
          .isEqualTo(h.name());
    }
    for (Container c : s.containers()) {
      assertThat(robot.lookup("#container-name-" + c.name()).queryAs(Text.class).getText())
          .isEqualTo(c.name());
    }
    assertNoNameCoversAnother(robot);
  }

  @Test
  void containersAreNamedOnlyOnceZoomedIn(FxRobot robot) throws Exception {
    Scenario s = open(robot, "src/test/resources/scenarios/new-user.yaml");
    // At the fitted view a site's 80 pods are too close for names; every host is named.
    assertThat(robot.lookup(".mark-name").queryAll()).hasSize(s.hosts().size());
    assertNoNameCoversAnother(robot);

    robot.interact(
        () -> {
          map.setExpanded("frankfurt", false);
          map.setExpanded("virginia", false);
          Viewport v = map.viewport();
          map.setViewport(
              new Viewport(
                  v.width(), v.height(), v.zoom() * 6, -3.7038, 40.4168, v.standardParallel()));
        });
    robot.interact(map::layout);

    List<String> named = new ArrayList<>();
    for (Node n : robot.lookup(".mark-name").queryAll()) {
      named.add(((Text) n).getText());
    }
    assertThat(named).contains("mad-1", "mad-2", "mad-3", "mad-4");
    assertThat(named.stream().filter(n -> n.startsWith("web-"))).isNotEmpty();
    assertNoNameCoversAnother(robot);
  }

  private static void assertNoNameCoversAnother(FxRobot robot) {
    List<Bounds> boxes = new ArrayList<>();
    for (Node n : robot.lookup(".mark-name").queryAll()) {
      boxes.add(((Text) n).getLayoutBounds());
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        Bounds a = boxes.get(i);
        Bounds b = boxes.get(j);
        // Layout bounds include the halo stroke: allow it to touch.
        boolean overlap =
            a.getMinX() + 2 < b.getMaxX() - 2
                && b.getMinX() + 2 < a.getMaxX() - 2
                && a.getMinY() + 2 < b.getMaxY() - 2
                && b.getMinY() + 2 < a.getMaxY() - 2;
        assertThat(overlap).as(a + " and " + b).isFalse();
      }
    }
  }
}
