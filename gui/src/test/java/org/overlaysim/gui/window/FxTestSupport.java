package org.overlaysim.gui.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers shared by the window tests. */
final class FxTestSupport {
  /** The example scenarios of the scenarios module, seen from the gui module's directory. */
  static final Path EXAMPLES = Path.of("..", "scenarios", "examples");

  static final Path TEST_SCENARIOS = Path.of("src", "test", "resources", "scenarios");

  private FxTestSupport() {}

  static Path testScenario(String name) {
    return TEST_SCENARIOS.resolve(name);
  }

  static List<Path> examples() throws Exception {
    if (!Files.isDirectory(EXAMPLES)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /**
   * Waits (up to 20 s, the build machine is shared) until {@code condition} holds on the FX thread.
   */
  static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Whether the node and every parent up to the scene root are visible. */
  static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }
}
