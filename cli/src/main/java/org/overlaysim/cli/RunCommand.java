package org.overlaysim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.overlaysim.report.BatchRunner;
import org.overlaysim.report.RunReport;
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

  @Option(
      names = "--matrix",
      description = "Print each probe's reachability matrix (scenarios of at most 60 containers).")
  boolean matrix;

  @Option(
      names = "--profile",
      description =
          "Print time spent loading, building and running, events/s, packets/s, peak heap.")
  boolean profile;

  @Option(
      names = "--fingerprint",
      description =
          "Print each run's event fingerprint: a hash of the times of all the events it executed."
              + " Equal on two machines or before and after a change: the same behaviour.")
  boolean fingerprint;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads for a run cut into partitions (sites joined by links of 100 us or more);"
              + " default: the cores available. The reports are the same for any N.")
  Integer threads;

  @Option(
      names = "--plot",
      description = "At the end, draw the charts and index.html into DIR/plots (see 'plot').")
  boolean plot;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (threads != null && threads < 1) {
      throw new UserInputException("--threads must be at least 1, not " + threads);
    }
    int runThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    long loadStart = System.nanoTime();
    ScenarioSet set = Scenarios.load(file, overrides);
    double loadS = (System.nanoTime() - loadStart) / 1e9;
    OutputDirectory.usable(out);
    long batchStart = System.nanoTime();
    List<RunReport> reports =
        SignalSafeBatch.run(
            set.runs(),
            out,
            1,
            runThreads,
            set.runs().size() > 1
                ? new ProgressBar(spec.commandLine().getErr(), System.console() != null)
                : new BatchRunner.Progress() {
                  @Override
                  public void note(String line) {
                    spec.commandLine().getErr().println(line);
                  }
                },
            spec.commandLine().getErr());
    double batchS = (System.nanoTime() - batchStart) / 1e9;
    RunSummaryPrinter.print(spec.commandLine().getOut(), reports, out);
    if (plot) {
      PlotCommand.plot(out, out.resolve(PlotCommand.PLOTS), spec.commandLine().getOut());
    }
    if (fingerprint) {
      for (RunReport r : reports) {
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "fingerprint %s: %s over %,d events%n",
                r.runId(),
                r.eventTrace() == null ? "unknown (kept from an earlier version)" : r.eventTrace(),
                r.events());
      }
    }
    if (profile) {
      ProfilePrinter.print(spec.commandLine().getOut(), loadS, batchS, reports);
    }
    if (matrix) {
      MatrixPrinter.print(spec.commandLine().getOut(), set.runs(), reports);
    }
    return ExitCodes.OK;
  }
}
