package org.overlaysim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioSet;

/** The runs of a batch of files: every file loaded before any runs, run ids unique across them. */
final class BatchInputs {
  private BatchInputs() {}

  /** Loads every file, so one bad file stops the batch before it starts; runs in file order. */
  static List<Run> load(List<Path> files, List<String> overrides) {
    List<String> problems = new ArrayList<>();
    Map<String, Path> owner = new LinkedHashMap<>();
    List<Run> runs = new ArrayList<>();
    for (Path file : files) {
      try {
        ScenarioSet set = Scenarios.load(file, overrides);
        for (Run run : set.runs()) {
          Path other = owner.putIfAbsent(run.id(), file);
          if (other != null) {
            problems.add(
                file
                    + ": run id '"
                    + run.id()
                    + "' is also a run of "
                    + other
                    + " (give the scenarios different names)");
          }
          runs.add(run);
        }
      } catch (UserInputException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new UserInputException(problems);
    }
    return runs;
  }
}
