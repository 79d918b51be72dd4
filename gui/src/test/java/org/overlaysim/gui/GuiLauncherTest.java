package org.overlaysim.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.ScenarioLoader;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class GuiLauncherTest {
  @BeforeAll
  static void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    // Closing the window under test must not end the JavaFX runtime the other tests share.
    Platform.setImplicitExit(false);
  }

  @AfterAll
  static void restore() {
    Platform.setImplicitExit(true);
  }

  @Test
  void openShowsTheFileInAWindowAndReturnsWhenItCloses() throws Exception {
    Path file = Path.of("src/test/resources/scenarios/two-sites.yaml");
    CompletableFuture<Void> returned =
        CompletableFuture.runAsync(
            () -> {
              try {
                GuiLauncher.open(file, ScenarioLoader::load, Optional.empty());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window().isPresent());
    Stage stage = window().orElseThrow();
    assertThat(stage.getTitle()).contains("two-sites.yaml");
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> stage.getScene().lookup("#site-paris") != null);
    assertThat(returned).isNotDone();

    WaitForAsyncUtils.asyncFx(stage::close).get();

    returned.get(20, TimeUnit.SECONDS);
    assertThat(returned).isDone();
  }

  private static Optional<Stage> window() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && s.getTitle() != null)
                    .map(w -> (Stage) w)
                    .filter(s -> s.getTitle().startsWith("overlaysim"))
                    .findFirst())
        .get();
  }
}
