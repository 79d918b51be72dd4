package org.overlaysim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.overlaysim.report.BatchRunner;
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
      "Started again on the same DIR, it skips the runs already complete.",
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
      description = "Runs at once (default: available processors, ${DEFAULT-VALUE}).")
  int parallel = Runtime.getRuntime().availableProcessors();

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
    if (parallel < 1) {
      throw new UserInputException("--parallel must be at least 1, not " + parallel);
    }
    List<Run> runs = BatchInputs.load(files, overrides);
    OutputDirectory.usable(out);
    if (shard != null) {
      runs = ShardedBatch.prepare(out, ShardedBatch.parse(shard), files, overrides, runs);
    }
    List<RunReport> reports =
        BatchRunner.run(
            runs,
            out,
            parallel,
            new ProgressBar(spec.commandLine().getErr(), System.console() != null));
    RunSummaryPrinter.print(spec.commandLine().getOut(), reports, out);
    if (plot) {
      PlotCommand.plot(out, out.resolve(PlotCommand.PLOTS), spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }
}
