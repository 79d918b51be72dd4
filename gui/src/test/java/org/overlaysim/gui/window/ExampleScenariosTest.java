package org.overlaysim.gui.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.gui.window.FxTestSupport.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.Site;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every example scenario shipped with overlaysim opens in the window, every site on the map. */
@ExtendWith(ApplicationExtension.class)
class ExampleScenariosTest {
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = new MainWindow(Optional.empty());
    stage.setScene(new Scene(window.root(), 1200, 760));
    stage.show();
  }

  @AfterEach
  void closeWindow() {
    WaitForAsyncUtils.asyncFx(window::close);
  }

  static List<Path> examples() throws Exception {
    return FxTestSupport.examples();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void theExampleOpensWithEverySiteOnTheMap(Path example, FxRobot robot) throws Exception {
    List<Site> sites = ScenarioLoader.load(example).base().sites();

    robot.interact(() -> window.open(example));
    await(() -> window.loaded().isPresent() || !window.problems().isEmpty());

    assertThat(window.problems()).isEmpty();
    for (Site s : sites) {
      assertThat(robot.lookup("#site-" + s.name()).tryQuery()).as(s.name()).isPresent();
    }
    robot.interact(() -> window.map().expandAll());
    assertThat(robot.lookup(".container").queryAll()).isNotEmpty();
  }
}
