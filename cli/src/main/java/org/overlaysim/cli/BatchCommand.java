package org.overlaysim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.overlaysim.report.RunReport;
import org.overlaysim.scenario.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim batch FILE... --out DIR [--parallel N]}: every run of many files. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate every sweep point and replication of one or more scenarios, in parallel threads.",
      "Combined CSV files (one row per run) land in DIR, each run's own files in DIR/runs/<run-id>/.",
      "Started again on the same DIR, it skips the runs already complete; runs made by another"
          + " overlaysim build or of another scenario, or with a damaged report.json, are redone"
          + " (and it says so). Ctrl-C stops it cleanly; the same command resumes.",
      "With --shard I/N it runs one shard of the batch; 'overlaysim merge' combines the shards."
    })
final class BatchCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = {
        "Runs at once (default: as many as fit in the JVM's heap, estimated from the scenario's"
            + " hosts, containers, policies and flows, at most the available processors).",
        "More than fit gives a warning."
      })
  Integer parallel;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a value in every scenario, e.g. --set duration=10s.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = {
        "Run only shard I of N (I from 0 to N-1), the runs whose id hashes to I; DIR also gets",
        "shard.json, which 'overlaysim merge' needs."
      })
  String shard;

  @Option(
      names = "--plot",
      description = "At the end, draw the charts and index.html into DIR/plots (see 'plot').")
  boolean plot;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (parallel != null && parallel < 1) {
      throw new UserInputException("--parallel must be at least 1, not " + parallel);
    }
    List<Run> runs = BatchInputs.load(files, overrides);
    OutputDirectory.usable(out);
    if (shard != null) {
      runs = ShardedBatch.prepare(out, ShardedBatch.parse(shard), files, overrides, runs);
    }
    int parallel = runsAtOnce(runs);
    List<RunReport> reports =
        SignalSafeBatch.run(
            runs,
            out,
            parallel,
            threadsPerRun(Runtime.getRuntime().availableProcessors(), parallel, runs.size()),
            new ProgressBar(spec.commandLine().getErr(), System.console() != null),
            spec.commandLine().getErr());
    RunSummaryPrinter.print(spec.commandLine().getOut(), reports, out);
    if (plot) {
      PlotCommand.plot(out, out.resolve(PlotCommand.PLOTS), spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }

  /**
   * Threads for each run's partitions: the cores the runs at once leave over (a batch of fewer runs
   * than cores, e.g. one k8s-max, still uses them all), at least one. The reports are the same for
   * any number.
   */
  static int threadsPerRun(int cores, int parallel, int runs) {
    return Math.max(1, cores / Math.max(1, Math.min(parallel, runs)));
  }

  /** --parallel, or as many runs as fit the heap; a warning when the number given does not fit. */
  private int runsAtOnce(List<Run> runs) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (runs.isEmpty()) {
      return parallel == null ? cores : parallel;
    }
    Run largest = RunMemory.largest(runs);
    long perRun = RunMemory.estimate(largest.scenario());
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (parallel == null) {
      return RunMemory.fitting(perRun, maxHeap, cores);
    }
    String warning = RunMemory.warning(parallel, largest.scenario().name(), perRun, maxHeap);
    if (warning != null) {
      spec.commandLine().getErr().println(warning);
    }
    return parallel;
  }
}
