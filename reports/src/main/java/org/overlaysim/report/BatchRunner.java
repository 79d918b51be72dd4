package org.overlaysim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.overlaysim.scenario.Run;

/**
 * Runs many runs (sweep points × replications of one or more files), in parallel threads if asked,
 * into one output directory: each run's files under {@code runs/<run-id>/}, then the combined CSV
 * files at the top, rows in the order of the runs given whatever order they finish in. Resumable: a
 * run already complete in the directory (same fingerprint) is read back, not redone.
 */
public final class BatchRunner {
  /** Told how the batch advances; called from worker threads, one call at a time. */
  public interface Progress {
    Progress NONE = new Progress() {};

    default void started(int total, int alreadyComplete) {}

    default void runFinished(Run run, int finished, int total) {}
  }

  private BatchRunner() {}

  /**
   * Runs what is not complete yet and writes the combined reports.
   *
   * @return the reports of every run, in the order of {@code runs}
   */
  public static List<RunReport> run(List<Run> runs, Path outDir, int parallel, Progress progress)
      throws IOException {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
    }
    RunStore store = new RunStore(outDir);
    RunReport[] reports = new RunReport[runs.size()];
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Optional<RunReport> done = store.completed(runs.get(i));
      if (done.isPresent()) {
        reports[i] = done.get();
      } else {
        todo.add(i);
      }
    }
    int total = runs.size();
    int[] finished = {total - todo.size()};
    progress.started(total, finished[0]);
    ExecutorService workers =
        Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, todo.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int index : todo) {
        Run run = runs.get(index);
        futures.add(
            workers.submit(
                () -> {
                  RunReport report = runOne(run, store);
                  synchronized (finished) {
                    reports[index] = report;
                    finished[0]++;
                    progress.runFinished(run, finished[0], total);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      workers.shutdownNow();
    }
    List<RunReport> all = Arrays.asList(reports);
    ReportFiles.write(outDir, all);
    ReplicationStatistics.writeIfReplicated(outDir, all);
    return List.copyOf(all);
  }

  private static RunReport runOne(Run run, RunStore store) throws IOException {
    RunReport report = ScenarioRunner.run(run, store.runDir(run.id()));
    store.save(run, report);
    return report;
  }

  private static void await(Future<?> future) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a run", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
