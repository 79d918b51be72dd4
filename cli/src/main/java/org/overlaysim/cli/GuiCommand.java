package org.overlaysim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.overlaysim.gui.GuiLauncher;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.ScenarioSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim gui [FILE] [--snapshot PNG]}: the topology visualizer. */
@Command(
    name = "gui",
    mixinStandardHelpOptions = true,
    description = {
      "Open the topology visualizer (JavaFX): the map, the overlays, policies, and a run's results.",
      "With --snapshot, run the scenario and render its map with link utilization to a PNG."
    })
final class GuiCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Scenario (YAML).")
  Path file;

  @Option(
      names = "--snapshot",
      paramLabel = "PNG",
      description = "Write the map view after a run to this PNG file and exit.")
  Path snapshot;

  @Option(
      names = "--no-run",
      description = "With --snapshot: draw the scenario without running it.")
  boolean noRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (snapshot == null) {
      if (file != null) {
        InputFiles.readable(file);
      }
      startOrExplain(
          () -> GuiLauncher.open(file, ScenarioLoader::load, Optional.of(GuiResults.runner())));
      return ExitCodes.OK;
    }
    if (file == null) {
      throw new UserInputException("--snapshot needs a scenario FILE");
    }
    ScenarioSet set = Scenarios.load(file, List.of());
    Optional<RunResults> results =
        noRun ? Optional.empty() : Optional.of(GuiResults.of(GuiResults.run(set, f -> {})));
    startOrExplain(() -> GuiLauncher.snapshot(set.base(), snapshot, results));
    spec.commandLine().getOut().println("Snapshot written to " + snapshot);
    return ExitCodes.OK;
  }

  private interface GuiAction {
    void run() throws IOException, InterruptedException;
  }

  /** JavaFX needs a display (or Monocle); without one, say so instead of a stack trace. */
  private void startOrExplain(GuiAction action) throws IOException, InterruptedException {
    try {
      action.run();
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("overlaysim gui: " + e.getMessage());
      throw new GuiUnavailable();
    }
  }

  /** The window cannot open here: exit 1 with the reason already printed. */
  static final class GuiUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
