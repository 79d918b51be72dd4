package org.overlaysim.gui;

import java.nio.file.Path;
import java.util.Optional;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.ScenarioLoader;

/** Manual check: renders a scenario's map to a PNG ({@code SnapshotMain in.yaml out.png}). */
public final class SnapshotMain {
  private SnapshotMain() {}

  public static void main(String[] args) throws Exception {
    Optional<RunResults> results =
        args.length > 2
            ? Optional.of(DemoResults.forScenarioFile(Path.of(args[0])))
            : Optional.empty();
    GuiLauncher.snapshot(Path.of(args[0]), ScenarioLoader::load, Path.of(args[1]), results);
    javafx.application.Platform.exit();
  }
}
