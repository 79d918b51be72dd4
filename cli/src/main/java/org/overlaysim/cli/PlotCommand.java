package org.overlaysim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.overlaysim.cli.plot.PlotInputException;
import org.overlaysim.cli.plot.Plotter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim plot DIR [--out DIR]}: charts and a page of them from a folder of reports. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Draw charts (PNG, SVG) and index.html from the reports of 'run' or 'batch'.",
      "Charts: latency CDF per flow; goodput and overhead against each sweep key",
      "with 95%% intervals over replications; links over time (timeseries.csv);",
      "TCP window (tcp.csv); drops by reason. index.html, a static page, shows",
      "every chart and the key tables."
    })
final class PlotCommand implements Callable<Integer> {
  /** The folder that {@code run --plot} and {@code batch --plot} draw into, inside their DIR. */
  static final String PLOTS = "plots";

  @Parameters(index = "0", paramLabel = "DIR", description = "Reports of overlaysim run or batch.")
  Path reports;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for the charts (default: DIR/plots); an earlier plot there is replaced.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    plot(reports, out == null ? reports.resolve(PLOTS) : out, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** Draws the charts of {@code reports} into {@code out} and says what it drew, or did not. */
  static void plot(Path reports, Path out, PrintWriter console) throws IOException {
    long start = System.nanoTime();
    Plotter.Result result;
    try {
      result = Plotter.plot(reports, out);
    } catch (PlotInputException e) {
      throw new UserInputException(e.getMessage());
    }
    result.notDrawn().forEach(line -> console.println("plot: " + line));
    console.printf(
        Locale.ROOT,
        "Plots written to %s: %d charts (PNG and SVG) and %s in %.1f s%n",
        out,
        result.charts(),
        Plotter.INDEX,
        (System.nanoTime() - start) / 1e9);
  }
}
