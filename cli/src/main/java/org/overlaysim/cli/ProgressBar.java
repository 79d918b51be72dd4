package org.overlaysim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.overlaysim.report.BatchRunner;
import org.overlaysim.scenario.Run;

/**
 * Shows a batch's progress on stderr: on a terminal one line redrawn in place with a bar, runs done
 * and the time left; elsewhere (a log, CI) one plain line per finished run.
 */
final class ProgressBar implements BatchRunner.Progress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private long startNs;
  private int alreadyComplete;

  ProgressBar(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void note(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void started(int total, int alreadyComplete) {
    this.startNs = System.nanoTime();
    this.alreadyComplete = alreadyComplete;
    if (alreadyComplete > 0) {
      err.printf(
          Locale.ROOT,
          "%d of %d runs already complete in the output directory: resuming%n",
          alreadyComplete,
          total);
    }
  }

  @Override
  public void runFinished(Run run, int finished, int total) {
    double elapsedS = (System.nanoTime() - startNs) / 1e9;
    int doneNow = finished - alreadyComplete;
    int left = total - finished;
    String eta = doneNow > 0 ? duration(elapsedS / doneNow * left) : "?";
    if (terminal) {
      int filled = total == 0 ? WIDTH : WIDTH * finished / total;
      err.printf(
          Locale.ROOT,
          "\r[%s%s] %d/%d runs, %s elapsed, %s left ",
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          finished,
          total,
          duration(elapsedS),
          eta);
      if (finished == total) {
        err.println();
      }
    } else {
      err.printf(
          Locale.ROOT,
          "run %d/%d done: %s (%s elapsed, %s left)%n",
          finished,
          total,
          run.id(),
          duration(elapsedS),
          eta);
    }
    err.flush();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
