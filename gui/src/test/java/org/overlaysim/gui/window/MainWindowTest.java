package org.overlaysim.gui.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.gui.window.FxTestSupport.await;
import static org.overlaysim.gui.window.FxTestSupport.shown;
import static org.overlaysim.gui.window.FxTestSupport.testScenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.gui.map.Palette;
import org.overlaysim.gui.run.RunAction;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Problem;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.ScenarioSet;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayPlan;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  private MainWindow window;
  private final ControlledRunner runner = new ControlledRunner();

  @Start
  void start(Stage stage) {
    window = new MainWindow(ScenarioLoader::load, Optional.of(runner));
    stage.setScene(new Scene(window.root(), 1300, 800));
    stage.show();
  }

  @AfterEach
  void closeWindow() {
    runner.release.countDown();
    WaitForAsyncUtils.asyncFx(window::close);
  }

  private void open(FxRobot robot, Path file) throws Exception {
    robot.interact(() -> window.open(file));
    await(() -> window.loaded().isPresent() || !window.problems().isEmpty());
  }

  @Test
  void theOpenedScenarioShowsEverySiteOnTheMap(FxRobot robot) throws Exception {
    open(robot, testScenario("two-sites.yaml"));

    assertThat(window.problems()).isEmpty();
    assertThat(robot.lookup("#site-lisbon").tryQuery()).isPresent();
    assertThat(robot.lookup("#site-paris").tryQuery()).isPresent();
    assertThat(robot.lookup("#link-r-lis--r-par").tryQuery()).isPresent();
  }

  @Test
  void clickingASiteOpensItIntoItsHostsAndContainers(FxRobot robot) throws Exception {
    open(robot, testScenario("two-sites.yaml"));
    assertThat(robot.lookup("#container-web-1").tryQuery()).isEmpty();

    robot.clickOn("#site-lisbon");

    assertThat(robot.lookup("#host-lis-1").tryQuery()).isPresent();
    assertThat(robot.lookup("#container-web-1").tryQuery()).isPresent();
    assertThat(robot.lookup("#container-db-1").tryQuery()).isEmpty();
  }

  @Test
  void clickingAContainerShowsItsDetails(FxRobot robot) throws Exception {
    Path file = testScenario("two-sites.yaml");
    var db = ScenarioLoader.load(file).base().containers().get(2);
    open(robot, file);

    robot.clickOn("#site-paris");
    robot.clickOn("#container-db-1");

    assertThat(text(robot, "#detail-ip")).startsWith(db.ip().toString());
    assertThat(text(robot, "#detail-mac")).isEqualTo(db.mac().toString());
    assertThat(text(robot, "#detail-mtu")).isEqualTo(String.valueOf(db.mtu()));
    assertThat(text(robot, "#detail-namespace")).isEqualTo("data");
    assertThat(text(robot, "#detail-labels")).isEqualTo("app=db");
    assertThat(text(robot, "#detail-host")).startsWith("par-1");
    assertThat(text(robot, "#detail-overlay")).startsWith("shop (VNI 200");
  }

  @Test
  void afterARunTheDetailsShowReachabilityWithTheDecidingPolicyAndTheVtepTables(FxRobot robot)
      throws Exception {
    open(robot, testScenario("two-sites.yaml"));
    RunResults results =
        new RunResults(
            1_000_000,
            List.of(),
            java.util.Map.of(),
            List.of(),
            List.of(
                new RunResults.ReachabilityCell("web-1", "db-1", "TCP", 5432, true, "db-ingress"),
                new RunResults.ReachabilityCell(
                    "web-1", "mon-1", "TCP", 5432, false, "vni-mismatch")),
            java.util.Map.of(
                "lis-1",
                new RunResults.VtepTables(
                    List.of(new RunResults.FdbEntry(200, "02:42:ac:1e:00:04", "10.2.0.11", true)),
                    List.of(new RunResults.ArpEntry(200, "172.30.0.4", "02:42:ac:1e:00:04")))));
    robot.interact(() -> window.showResults(results));

    robot.clickOn("#site-lisbon");
    robot.clickOn("#container-web-1");

    Label allowed = robot.lookup(".reach-allowed").queryAs(Label.class);
    Label denied = robot.lookup(".reach-denied").queryAs(Label.class);
    assertThat(allowed.getText()).contains("db-1", "TCP/5432", "allowed", "db-ingress");
    assertThat(allowed.getTextFill()).isEqualTo(Palette.ALLOWED);
    assertThat(denied.getText()).contains("mon-1", "denied", "vni-mismatch");
    assertThat(denied.getTextFill()).isEqualTo(Palette.DENIED);
    assertThat(labels(robot, "#details-fdb")).anyMatch(t -> t.contains("10.2.0.11"));
    assertThat(labels(robot, "#details-arp")).anyMatch(t -> t.contains("172.30.0.4"));
  }

  @Test
  void layerTogglesHideAndShowTheirMarks(FxRobot robot) throws Exception {
    open(robot, testScenario("two-sites.yaml"));
    robot.interact(() -> window.map().expandAll());
    Node tunnel = robot.lookup(".tunnel").query();
    Node link = robot.lookup("#link-r-lis--r-par").query();
    Node ring = robot.lookup(".policy-ring").query();
    assertThat(shown(tunnel)).isTrue();

    robot.clickOn("#toggle-overlays");
    robot.clickOn("#toggle-underlay");
    robot.clickOn("#toggle-policies");

    assertThat(shown(robot.lookup(".tunnel").query())).isFalse();
    assertThat(shown(robot.lookup("#link-r-lis--r-par").query())).isFalse();
    assertThat(shown(robot.lookup(".policy-ring").query())).isFalse();
    assertThat(shown(robot.lookup("#site-lisbon").query())).isTrue();

    robot.clickOn("#toggle-overlays");
    robot.clickOn("#toggle-underlay");
    robot.clickOn("#toggle-policies");

    assertThat(shown(robot.lookup(".tunnel").query())).isTrue();
    assertThat(shown(robot.lookup("#link-r-lis--r-par").query())).isTrue();
    assertThat(shown(robot.lookup(".policy-ring").query())).isTrue();
    assertThat(List.of(tunnel, link, ring)).isNotEmpty();
  }

  @Test
  void anInvalidFileShowsTheSameProblemLinesAsTheCommandLine(FxRobot robot) throws Exception {
    Path file = testScenario("invalid.yaml");
    List<String> expected;
    try {
      ScenarioLoader.load(file);
      throw new AssertionError("invalid.yaml must be invalid");
    } catch (ScenarioException e) {
      expected = e.problems().stream().map(Problem::toString).toList();
    }

    open(robot, file);

    assertThat(window.problems()).containsExactlyElementsOf(expected);
    assertThat(shown(robot.lookup("#errors").query())).isTrue();
    assertThat(text(robot, "#error-header")).contains("invalid.yaml", "problem");
  }

  @Test
  void aChangedFileIsReloaded(FxRobot robot, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.copy(testScenario("two-sites.yaml"), file);
    open(robot, file);
    assertThat(robot.lookup("#site-lisbon").tryQuery()).isPresent();

    String text =
        Files.readString(file)
            .replace("name: lisbon", "name: porto")
            .replace("site: lisbon", "site: porto");
    Path tmp = dir.resolve("s.yaml.tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    await(() -> window.map().lookup("#site-porto") != null);
    assertThat(robot.lookup("#site-lisbon").tryQuery()).isEmpty();
  }

  @Test
  void aFileThatBecomesInvalidShowsItsProblemsAndKeepsTheLastValidMap(
      FxRobot robot, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.copy(testScenario("two-sites.yaml"), file);
    open(robot, file);

    Files.writeString(file, Files.readString(file).replace("lat: 38.7223", "lat: 138.7223"));

    await(() -> !window.problems().isEmpty());
    assertThat(window.problems()).first().asString().contains("sites[0].location.lat");
    assertThat(robot.lookup("#site-lisbon").tryQuery()).isPresent();
  }

  @Test
  void aRunGoesOnInTheBackgroundWhileTheWindowStaysResponsiveAndCanBeCancelled(FxRobot robot)
      throws Exception {
    open(robot, testScenario("two-sites.yaml"));

    robot.clickOn("#run");
    assertThat(runner.started.await(20, TimeUnit.SECONDS)).isTrue();

    // The runner is blocked in its thread; the JavaFX thread still answers at once.
    assertThat(WaitForAsyncUtils.asyncFx(() -> "alive").get(5, TimeUnit.SECONDS))
        .isEqualTo("alive");
    await(
        () ->
            robot.lookup("#progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress()
                == 0.5);
    assertThat(robot.lookup("#run").queryButton().isDisabled()).isTrue();

    robot.clickOn("#cancel");

    assertThat(runner.interrupted.await(20, TimeUnit.SECONDS)).isTrue();
    await(() -> text(robot, "#status").contains("cancelled"));
    assertThat(robot.lookup("#run").queryButton().isDisabled()).isFalse();
  }

  @Test
  void aFinishedRunReplaysLinkUtilizationAndDropsWithTheTimeSlider(FxRobot robot) throws Exception {
    open(robot, testScenario("two-sites.yaml"));
    runner.result =
        new RunResults(
            1_000_000_000,
            List.of(
                new RunResults.LinkUtilization(
                    "r-lis--r-par", new double[] {0.1, 0.95}, new long[] {0, 4})),
            java.util.Map.of("queue-full", 3L),
            List.of(
                new RunResults.FlowResult(
                    "shop-ping", "ping", "web-1", "db-1", new double[] {20, 21, 22}, 0)),
            List.of(),
            java.util.Map.of());
    runner.release.countDown();

    robot.clickOn("#run");
    await(() -> text(robot, "#status").startsWith("Run finished"));

    assertThat(shown(robot.lookup("#time-slider").query())).isTrue();
    assertThat(stroke(robot)).isEqualTo(Palette.utilization(0.1));
    assertThat(robot.lookup("#drops-r-lis--r-par").tryQuery()).isEmpty();
    robot.interact(() -> robot.lookup("#time-slider").queryAs(Slider.class).setValue(1));
    // The map redraws on a later pulse; on a loaded machine that may come after interact returns.
    await(() -> Palette.utilization(0.95).equals(stroke(robot)));
    assertThat(stroke(robot)).isEqualTo(Palette.utilization(0.95));
    assertThat(robot.lookup("#drops-r-lis--r-par").queryAs(Text.class).getText()).endsWith(" 4");
    assertThat(robot.lookup("#chart-latency").tryQuery()).isPresent();
    assertThat(robot.lookup("#chart-drops").tryQuery()).isPresent();
    assertThat(robot.lookup("#chart-goodput").tryQuery()).isPresent();
  }

  @Test
  void withoutARunnerTheWindowHasNoRunButton(FxRobot robot) throws Exception {
    MainWindow plain =
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(ScenarioLoader::load, Optional.empty()))
            .get();
    assertThat(plain.root().lookup("#run")).isNull();
    assertThat(window.root().lookup("#run")).isNotNull();
    WaitForAsyncUtils.asyncFx(plain::close).get();
  }

  private static Paint stroke(FxRobot robot) {
    return robot.lookup("#link-r-lis--r-par").queryAs(Line.class).getStroke();
  }

  @Test
  void pathToASecondContainerListsEveryHopWithItsDelayAndMtu(FxRobot robot) throws Exception {
    Path file = FxTestSupport.EXAMPLES.resolve("three-sites.yaml");
    Scenario s = ScenarioLoader.load(file).base();
    UnderlayGraph u = UnderlayPlan.of(s).underlay();
    Container mad = s.containers().get(0);
    Container vir = s.containers().get(2);
    assertThat(mad.name()).isEqualTo("web-mad");
    assertThat(vir.name()).isEqualTo("web-vir");
    open(robot, file);

    robot.clickOn("#site-madrid");
    robot.clickOn("#container-web-mad");
    @SuppressWarnings("unchecked")
    ComboBox<String> to = robot.lookup("#path-to").queryAs(ComboBox.class);
    assertThat(to.getItems()).doesNotContain("web-mad").contains("web-vir");
    robot.interact(() -> to.setValue("web-vir"));

    List<String> hops =
        robot.lookup("#details-path").queryAs(VBox.class).getChildren().stream()
            .filter(n -> n.getStyleClass().contains("path-hop"))
            .map(n -> ((Label) n).getText())
            .toList();
    // The scenario's MTUs: the containers' (1450, the overlay's auto MTU under VXLAN's 50
    // bytes), then 1500 on every underlay link (underlay.defaults.mtu). Delays: the plan's.
    assertThat(mad.mtu()).isEqualTo(1450);
    assertThat(hops)
        .containsExactly(
            "web-mad → mad-1  veth  0.000 ms  MTU 1450",
            "mad-1 → r-mad  mad-1--r-mad  " + ms(u, "mad-1--r-mad") + " ms  MTU 1500",
            "r-mad → r-vir  r-mad--r-vir  " + ms(u, "r-mad--r-vir") + " ms  MTU 1500",
            "r-vir → vir-1  vir-1--r-vir  " + ms(u, "vir-1--r-vir") + " ms  MTU 1500",
            "vir-1 → web-vir  veth  0.000 ms  MTU 1450");
    long totalNs =
        u.link("mad-1--r-mad").delayNs()
            + u.link("r-mad--r-vir").delayNs()
            + u.link("vir-1--r-vir").delayNs();
    assertThat(totalNs).isGreaterThan(30_000_000L);
    assertThat(text(robot, "#path-total"))
        .isEqualTo("one-way delay " + DetailsPane.ms(totalNs) + " ms, path MTU 1450");
    double listed = 0;
    for (String hop : hops) {
      listed += Double.parseDouble(hop.split(" {2}")[2].replace(" ms", ""));
    }
    assertThat(listed).isCloseTo(totalNs / 1e6, org.assertj.core.data.Offset.offset(0.002));
    assertThat(robot.lookup(".path-link").queryAll().stream().map(Node::getId).toList())
        .containsExactly("link-r-mad--r-vir");
  }

  private static String ms(UnderlayGraph u, String link) {
    return DetailsPane.ms(u.link(link).delayNs());
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private static List<String> labels(FxRobot robot, String query) {
    return robot.lookup(query).lookup(".label").queryAllAs(Label.class).stream()
        .map(Label::getText)
        .toList();
  }

  /** A runner the test drives: it reports half done and waits until released or cancelled. */
  static final class ControlledRunner implements RunAction {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    volatile RunResults result = RunResults.empty(1_000_000);

    @Override
    public RunResults run(ScenarioSet scenario, Progress progress) throws InterruptedException {
      started.countDown();
      progress.done(0.5);
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return result;
    }
  }
}
