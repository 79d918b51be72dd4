package org.overlaysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Router;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioSet;
import org.overlaysim.topology.LinkDelay;
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

  @Option(
      names = "--explain",
      description =
          "Also print each underlay link's one-way delay and where it came from (explicit,"
              + " measured or model).")
  boolean explain;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        ScenarioSet set = Scenarios.load(file, overrides);
        out.println(file + ": valid: " + set.summary());
        if (explain) {
          explainDelays(out, set.base());
        }
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

  /** One line per link of the base scenario: what the simulator, visualizer and emulator use. */
  private static void explainDelays(PrintWriter out, Scenario scenario) {
    Map<String, String> siteOfRouter = new HashMap<>();
    for (Router r : scenario.underlay().routers()) {
      siteOfRouter.put(r.name(), r.site());
    }
    LinkDelay.of(scenario)
        .forEach(
            (name, delay) -> {
              LinkSpec link =
                  scenario.underlay().links().stream()
                      .filter(l -> l.name().equals(name))
                      .findFirst()
                      .orElseThrow();
              out.printf(
                  Locale.ROOT,
                  "  %s (%s - %s): one-way %.3f ms (RTT %.3f ms), %s: %s%n",
                  name,
                  siteOfRouter.get(link.a()),
                  siteOfRouter.get(link.b()),
                  delay.ns() / 1e6,
                  2 * delay.ns() / 1e6,
                  delay.source().reportName(),
                  delay.detail());
            });
  }
}
