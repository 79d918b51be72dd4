package org.overlaysim.gui.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.gui.window.FxTestSupport.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

  /**
   * Examples too big for the per-example test: expanding every site draws each container, and
   * k8s-max's 150,000 keep the FX thread busy for about 30 s (the whole test took 40 s). Opening it
   * has its own test below, sites closed, as the window shows it.
   */
  static final Set<String> TOO_BIG_TO_DRAW_EVERY_CONTAINER = Set.of("k8s-max.yaml");

  static List<Path> examples() throws Exception {
    return FxTestSupport.examples().stream()
        .filter(p -> !TOO_BIG_TO_DRAW_EVERY_CONTAINER.contains(p.getFileName().toString()))
        .toList();
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

  /** The file is read off the FX thread; the map shows the sites, each closed until asked. */
  @Test
  void theKubernetesMaximumExampleOpensWithEverySiteOnTheMapAndItsSitesClosed(FxRobot robot)
      throws Exception {
    Path example = FxTestSupport.EXAMPLES.resolve("k8s-max.yaml");

    robot.interact(() -> window.open(example));
    // Reading 150,000 containers takes 5-10 s on a shared 2-core machine: more room than await's.
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(
                    () -> window.loaded().isPresent() || !window.problems().isEmpty())
                .get());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(window.problems()).isEmpty();
    assertThat(window.loaded().orElseThrow().base().containers()).hasSize(150_000);
    for (Site s : window.loaded().orElseThrow().base().sites()) {
      assertThat(robot.lookup("#site-" + s.name()).tryQuery()).as(s.name()).isPresent();
      assertThat(window.map().isExpanded(s.name())).as(s.name()).isFalse();
    }
  }
}
