package org.overlaysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.overlaysim.scenario.ScenarioSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code overlaysim validate FILE...}: checks every file completely (all problems of all files, one
 * line each, {@code FILE:LINE:COLUMN: PATH: message}) and prints a one-line summary of each valid
 * one. Exit 2 if any file is invalid; nothing is simulated or written.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check scenario files and print a summary of each (sites, hosts, containers, ...).")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override a scenario value before checking, e.g. --set underlay.defaults.mtu=9000.")
  List<String> overrides = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        ScenarioSet set = Scenarios.load(file, overrides);
        out.println(file + ": valid: " + set.summary());
      } catch (UserInputException e) {
        problems.addAll(e.problems());
      }
    }
    out.flush();
    if (!problems.isEmpty()) {
      throw new UserInputException(problems);
    }
    return ExitCodes.OK;
  }
}
