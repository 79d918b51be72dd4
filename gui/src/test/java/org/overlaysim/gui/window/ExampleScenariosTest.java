package org.overlaysim.gui.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.gui.window.FxTestSupport.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.gui.map.MapView;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
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
    window = new MainWindow(ScenarioLoader::load, Optional.empty());
    stage.setScene(new Scene(window.root(), 1200, 760));
    stage.show();
  }

  @AfterEach
  void closeWindow() {
    WaitForAsyncUtils.asyncFx(window::close);
  }

  /**
   * Examples too big to draw every container: opening all of k8s-max's sites shows each host with a
   * count of its 30 containers instead (its own tests below).
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

  @ParameterizedTest
  @MethodSource("examples")
  void everyContainerOfASmallExampleGetsItsOwnMarkWhenItsSitesOpen(Path example, FxRobot robot)
      throws Exception {
    List<Container> containers = ScenarioLoader.load(example).base().containers();
    robot.interact(() -> window.open(example));
    await(() -> window.loaded().isPresent() || !window.problems().isEmpty());

    robot.interact(() -> window.map().expandAll());

    assertThat(window.map().isAggregated()).isFalse();
    assertThat(robot.lookup("#host-counts").tryQuery()).isEmpty();
    for (Container c : containers) {
      assertThat(robot.from(window.map()).lookup("#container-" + c.name()).tryQuery())
          .as(c.name())
          .isPresent();
    }
  }

  /** The file is read off the FX thread; the map shows the sites, each closed until asked. */
  @Test
  void theKubernetesMaximumExampleOpensWithEverySiteOnTheMapAndItsSitesClosed(FxRobot robot)
      throws Exception {
    openKubernetesMaximum(robot);

    assertThat(window.problems()).isEmpty();
    assertThat(window.loaded().orElseThrow().base().containers()).hasSize(150_000);
    for (Site s : window.loaded().orElseThrow().base().sites()) {
      assertThat(robot.lookup("#site-" + s.name()).tryQuery()).as(s.name()).isPresent();
      assertThat(window.map().isExpanded(s.name())).as(s.name()).isFalse();
    }
    // The legend would name a dozen of the 500 policies, but that long it would cover Oregon in
    // this window: it shortens its lists to counts (in two columns), leaving every site visible.
    assertThat(robot.lookup(".legend-policy").queryAll()).isEmpty();
    assertThat(robot.lookup("#legend-more-policies").queryAs(Label.class).getText())
        .isEqualTo("500 policies");
  }

  @Test
  void openingEveryKubernetesMaximumSiteShowsHostCountsAndAtMostTheBudgetOfContainerMarks(
      FxRobot robot) throws Exception {
    openKubernetesMaximum(robot);

    robot.interact(() -> window.map().expandAll());

    assertThat(window.map().isAggregated()).isTrue();
    assertThat(robot.lookup("#host-counts").tryQuery()).isPresent();
    assertThat(containerMarks(robot)).hasSizeLessThanOrEqualTo(MapView.maxContainerMarks());
  }

  /** Clicking a host's count shows its containers; clicking one shows its details. */
  @Test
  void aKubernetesMaximumContainerIsReachedThroughItsHost(FxRobot robot) throws Exception {
    openKubernetesMaximum(robot);
    robot.interact(() -> window.map().expandAll());
    // The first host of the last site: nearest its site's disc, drawn above the other sites.
    Site tokyo = window.loaded().orElseThrow().base().sites().get(4);
    Host host =
        window.loaded().orElseThrow().base().hosts().stream()
            .filter(h -> h.site().equals(tokyo.name()))
            .findFirst()
            .orElseThrow();
    Container container =
        window.loaded().orElseThrow().base().containers().stream()
            .filter(c -> c.host().equals(host.name()))
            .findFirst()
            .orElseThrow();
    assertThat(robot.lookup("#container-" + container.name()).tryQuery()).isEmpty();

    // On the FX thread: asking for a position may lay the map out again (it failed on a loaded
    // machine when the layout was still pending).
    Point2D onScreen =
        WaitForAsyncUtils.asyncFx(
                () ->
                    window
                        .map()
                        .localToScreen(window.map().hostPosition(host.name()).orElseThrow()))
            .get(10, TimeUnit.SECONDS);
    robot.clickOn(onScreen);
    robot.clickOn("#container-" + container.name());

    assertThat(window.map().isHostOpen(host.name())).isTrue();
    assertThat(robot.lookup("#detail-ip").queryAs(Label.class).getText())
        .startsWith(container.ip().toString());
    assertThat(containerMarks(robot)).hasSizeLessThanOrEqualTo(MapView.maxContainerMarks());
  }

  private void openKubernetesMaximum(FxRobot robot) throws Exception {
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
  }

  /** The container marks on the map (the tool bar's skin has a "container" style class too). */
  private Set<Node> containerMarks(FxRobot robot) {
    return robot.from(window.map()).lookup(".container").queryAll();
  }
}
