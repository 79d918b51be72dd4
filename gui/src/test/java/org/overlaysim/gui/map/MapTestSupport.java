package org.overlaysim.gui.map;

import java.nio.file.Path;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.testfx.api.FxRobot;

/** Helpers of the map tests. */
final class MapTestSupport {
  /** Size of `overlaysim gui --snapshot`, the map the tests look at. */
  static final double WIDTH = 1600;

  static final double HEIGHT = 900;

  static final String THREE_SITES = "../scenarios/examples/three-sites.yaml";
  static final String NEW_USER = "src/test/resources/scenarios/new-user.yaml";

  private MapTestSupport() {}

  /** Shows a scenario file on the map, every site open if asked, fitted, laid out. */
  static Scenario show(FxRobot robot, MapView map, String file, boolean openAll) throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(file)).base();
    robot.interact(
        () -> {
          map.setScenario(scenario);
          if (openAll) {
            map.expandAll();
          }
          map.fitToSites();
        });
    robot.interact(map::layout);
    return scenario;
  }
}
