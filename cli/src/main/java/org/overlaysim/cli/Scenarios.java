package org.overlaysim.cli;

import java.nio.file.Path;
import java.util.List;
import org.overlaysim.scenario.Problem;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.ScenarioSet;

/** Loads scenario files for the commands, turning every problem into a user error (exit 2). */
final class Scenarios {
  private Scenarios() {}

  static ScenarioSet load(Path file, List<String> overrides) {
    InputFiles.readable(file);
    try {
      return ScenarioLoader.load(file, overrides);
    } catch (ScenarioException e) {
      throw new UserInputException(e.problems().stream().map(Problem::toString).toList());
    }
  }
}
