package org.overlaysim.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.overlaysim.gui.fx.FxRuntime;
import org.overlaysim.gui.fx.MapSnapshot;
import org.overlaysim.gui.run.RunAction;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.ScenarioReader;
import org.overlaysim.gui.window.MainWindow;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioException;

/** Entry points for {@code overlaysim gui}: the window, and PNG snapshots of the map. */
public final class GuiLauncher {
  public static final int SNAPSHOT_WIDTH = 1600;
  public static final int SNAPSHOT_HEIGHT = 900;

  private GuiLauncher() {}

  /**
   * Opens the visualizer window on {@code file} (null: an empty window), read by {@code reader},
   * and returns when the user closes it. With a runner the window has a Run button that runs the
   * scenario through it.
   *
   * @throws IllegalStateException when JavaFX cannot start (no display)
   */
  public static void open(Path file, ScenarioReader reader, Optional<RunAction> runner)
      throws InterruptedException {
    FxRuntime.ensureStarted();
    CountDownLatch closed = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          MainWindow window = new MainWindow(reader, runner);
          Stage stage = new Stage();
          stage.setTitle("overlaysim" + (file == null ? "" : " — " + file.getFileName()));
          stage.setScene(new Scene(window.root(), 1500, 900));
          stage.setOnHidden(
              e -> {
                window.close();
                closed.countDown();
              });
          stage.show();
          if (file != null) {
            window.open(file);
          }
        });
    closed.await();
  }

  /**
   * Loads a scenario and renders its map (every site opened, zoomed to the sites; with results,
   * links coloured by their peak utilization) to a PNG of {@value #SNAPSHOT_WIDTH}x{@value
   * #SNAPSHOT_HEIGHT} pixels.
   *
   * @throws ScenarioException the scenario is invalid (print its problems as the CLI does)
   * @throws IOException the PNG cannot be written
   * @throws IllegalStateException when JavaFX cannot start (no display)
   */
  public static void snapshot(
      Path scenario, ScenarioReader reader, Path png, Optional<RunResults> results)
      throws ScenarioException, IOException {
    snapshot(reader.read(scenario).base(), png, results);
  }

  /** As {@link #snapshot(Path, ScenarioReader, Path, Optional)} for a scenario already loaded. */
  public static void snapshot(Scenario scenario, Path png, Optional<RunResults> results)
      throws IOException {
    FxRuntime.ensureStarted();
    WritableImage image;
    try {
      image =
          FxRuntime.call(
              () ->
                  MapSnapshot.render(
                      scenario, results.orElse(null), SNAPSHOT_WIDTH, SNAPSHOT_HEIGHT));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("rendering the map failed: " + e.getMessage(), e);
    }
    MapSnapshot.writePng(image, png);
  }
}
