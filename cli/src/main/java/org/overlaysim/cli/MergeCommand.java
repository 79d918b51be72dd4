package org.overlaysim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.overlaysim.report.RunReport;
import org.overlaysim.report.shard.MergeRefusedException;
import org.overlaysim.report.shard.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim merge DIR... --out DIR}: the shards of a batch, combined. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Combine the output folders of 'overlaysim batch --shard I/N' into the reports one batch"
          + " of all the files writes (same rows, same order), with every run's folder under"
          + " DIR/runs/.",
      "Refuses (exit 2), listing them, missing runs, runs in two folders and folders of other"
          + " batches."
    })
final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Shard output folders.")
  List<Path> shards;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputDirectory.usable(out);
    List<RunReport> merged = merge(shards, out);
    spec.commandLine()
        .getOut()
        .printf(
            "Merged %d runs from %d shard folders into %s%n", merged.size(), shards.size(), out);
    return ExitCodes.OK;
  }

  /** Merges, turning a refusal into a user error (exit 2) that lists every problem. */
  static List<RunReport> merge(List<Path> shards, Path out) throws IOException {
    try {
      return ShardMerge.merge(shards, out);
    } catch (MergeRefusedException e) {
      List<String> lines = new ArrayList<>();
      lines.add("overlaysim merge: refused, the folders are not exactly one batch:");
      e.problems().forEach(p -> lines.add("  " + p));
      throw new UserInputException(lines);
    }
  }
}
