package org.overlaysim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.RunReport;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim run FILE --out DIR}: simulates every run of one scenario file. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Simulate a scenario and write its reports (CSV, pcap) to a directory.")
final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML).")
  Path file;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the reports; created if missing.")
  Path out;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a scenario value, e.g. --set underlay.defaults.mtu=9000.")
  List<String> overrides = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ScenarioSet set = Scenarios.load(file, overrides);
    OutputDirectory.usable(out);
    PrintWriter stdout = spec.commandLine().getOut();
    List<RunReport> reports = new ArrayList<>();
    for (Run run : set.runs()) {
      reports.add(ScenarioRunner.run(run, out.resolve("runs").resolve(run.id())));
    }
    ReportFiles.write(out, reports);
    RunSummaryPrinter.print(stdout, reports, out);
    return ExitCodes.OK;
  }
}
