package org.overlaysim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.overlaysim.report.BatchRunner;
import org.overlaysim.report.RunReport;
import org.overlaysim.scenario.Run;

/**
 * Runs a batch that SIGINT (Ctrl-C) and SIGTERM stop cleanly: a shutdown hook asks the batch to
 * stop and holds the JVM until it has (no run starts, the runs under way give up and leave nothing,
 * the combined files are not written), then the user learns how far it came and how to resume.
 */
final class SignalSafeBatch {
  /** How long a signal waits for the runs under way to give up before the JVM exits anyway. */
  static final long STOP_WAIT_S = 60;

  /** The batch was stopped by a signal; its line is printed. Exit status 130, as a shell's. */
  static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  private SignalSafeBatch() {}

  static List<RunReport> run(
      List<Run> runs, Path out, int parallel, BatchRunner.Progress progress, PrintWriter err)
      throws IOException {
    return run(runs, out, parallel, 1, progress, err);
  }

  /** As above, each run's partitions on up to {@code threadsPerRun} threads. */
  static List<RunReport> run(
      List<Run> runs,
      Path out,
      int parallel,
      int threadsPerRun,
      BatchRunner.Progress progress,
      PrintWriter err)
      throws IOException {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              try {
                stopped.await(STOP_WAIT_S, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "overlaysim-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return BatchRunner.run(runs, out, parallel, threadsPerRun, progress, stop::get);
    } catch (BatchRunner.Stopped e) {
      String dir = out.toString();
      err.println(
          (System.console() != null ? System.lineSeparator() : "")
              + "interrupted: "
              + e.complete()
              + " of "
              + e.total()
              + " runs complete in "
              + (dir.endsWith("/") ? dir : dir + "/")
              + "; run the same command to resume");
      err.flush();
      throw new Interrupted();
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down (the signal came): the hook lets it go now
      }
    }
  }
}
