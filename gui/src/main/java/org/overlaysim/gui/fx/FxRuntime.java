package org.overlaysim.gui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;

/** Starting the JavaFX runtime once per JVM and running work on its thread. */
public final class FxRuntime {
  /**
   * JavaFX warns on start when it is loaded from the class path rather than as modules; that is how
   * overlaysim ships it, and the warning would only confuse command-line users. Held strongly so
   * the level is not lost when the logger is collected.
   */
  private static final java.util.logging.Logger JAVAFX_LOG =
      java.util.logging.Logger.getLogger("javafx");

  private FxRuntime() {}

  /**
   * Starts the JavaFX toolkit unless it runs already.
   *
   * @throws IllegalStateException with a hint when no display can be opened
   */
  public static void ensureStarted() {
    JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    try {
      CompletableFuture<Void> started = new CompletableFuture<>();
      Platform.startup(() -> started.complete(null));
      started.join();
    } catch (IllegalStateException alreadyRunning) {
      // Platform.startup refuses a second start: the toolkit is up, which is all we need.
    } catch (UnsupportedOperationException | Error noDisplay) {
      throw new IllegalStateException(
          "cannot start JavaFX ("
              + noDisplay.getMessage()
              + "): run with a display, under Xvfb (xvfb-run), or headless with"
              + " -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw"
              + " and openjfx-monocle on the class path",
          noDisplay);
    }
  }

  /** Runs {@code work} on the JavaFX thread and waits for its result. */
  public static <T> T call(Callable<T> work) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return work.call();
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }
}
