package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.Site;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The legend explains every shape and line style and never covers a site (issue 21: on k8s-max it
 * covered Oregon); its title folds it.
 */
@ExtendWith(ApplicationExtension.class)
class MapLegendTest {
  private MapView map;

  @Start
  void start(Stage stage) {
    map = new MapView();
    stage.setScene(new Scene(map, MapTestSupport.WIDTH, MapTestSupport.HEIGHT));
    stage.show();
  }

  private Scenario show(FxRobot robot, String file, boolean expand) throws Exception {
    return MapTestSupport.show(robot, map, file, expand);
  }

  @Test
  void theLegendKeysEveryMarkAndCoversNoSiteOfThreeSites(FxRobot robot) throws Exception {
    Scenario s = show(robot, "../scenarios/examples/three-sites.yaml", true);

    // site, open site, leader, host, container, underlay link, access link, tunnel
    assertThat(robot.lookup(".legend-key").queryAll()).hasSizeGreaterThanOrEqualTo(8);
    assertCoversNoSite(robot, s);
  }

  @Test
  void theLegendCoversNoSiteOfKubernetesMaximum(FxRobot robot) throws Exception {
    Scenario s = show(robot, "../scenarios/examples/k8s-max.yaml", false);

    assertCoversNoSite(robot, s);
    // policies, rings and reach lines are keyed too
    assertThat(robot.lookup(".legend-key").queryAll()).hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void clickingTheTitleFoldsAndUnfoldsTheLegend(FxRobot robot) throws Exception {
    show(robot, "../scenarios/examples/three-sites.yaml", true);
    assertThat(robot.lookup(".legend-key").queryAll()).isNotEmpty();

    robot.clickOn("#legend-title");
    assertThat(robot.lookup(".legend-key").queryAll()).isEmpty();
    assertThat(robot.lookup("#legend-title").queryLabeled().getText()).startsWith("▸");

    robot.clickOn("#legend-title");
    assertThat(robot.lookup(".legend-key").queryAll()).isNotEmpty();
  }

  @Test
  void encryptedOverlaysAreNamedWithTheirEncryption(FxRobot robot) throws Exception {
    show(robot, "../emulation/src/test/resources/emulation/encrypted-overlays.yaml", true);

    List<String> texts =
        robot.lookup("#legend").queryAll().stream()
            .flatMap(n -> ((javafx.scene.Parent) n).lookupAll(".label").stream())
            .map(n -> ((Labeled) n).getText())
            .toList();
    assertThat(texts)
        .anySatisfy(t -> assertThat(t).startsWith("blue  VNI 100, vxlan, static"))
        .anySatisfy(t -> assertThat(t).startsWith("calico  none + wireguard, static, MTU 1440"))
        .anySatisfy(
            t -> assertThat(t).startsWith("docker  VNI 4097, vxlan + ipsec, static, MTU 1424"));
  }

  private void assertCoversNoSite(FxRobot robot, Scenario s) throws Exception {
    Node legend = robot.lookup("#legend").query();
    // Bounds and positions are read on the FX thread: read from the test thread, they raced the
    // layout pass (an IndexOutOfBoundsException inside Parent.updateCachedBounds, now and then).
    Bounds b = WaitForAsyncUtils.asyncFx(legend::getBoundsInParent).get(5, TimeUnit.SECONDS);
    for (Site site : s.sites()) {
      Point2D p =
          WaitForAsyncUtils.asyncFx(() -> map.sitePosition(site.name()).orElseThrow())
              .get(5, TimeUnit.SECONDS);
      // The disc and the name under it.
      Bounds mark = new javafx.geometry.BoundingBox(p.getX() - 30, p.getY() - 10, 60, 40);
      assertThat(b.intersects(mark)).as(site.name() + " under the legend " + b).isFalse();
    }
  }
}
