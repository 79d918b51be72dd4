package org.overlaysim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.overlaysim.scenario.Run;

/**
 * Runs many runs (sweep points × replications of one or more files), in parallel threads if asked,
 * into one output directory: each run's files under {@code runs/<run-id>/}, then the combined CSV
 * files at the top, rows in the order of the runs given whatever order they finish in. Resumable: a
 * run already complete in the directory (same fingerprint, same build) is read back, not redone; a
 * run made by another build or of another scenario, or whose report.json is damaged, is redone and
 * the progress is told why. Stoppable: when {@code stop} turns true no run starts, the runs under
 * way give up, and {@link Stopped} says how many are complete; nothing is left half-written.
 */
public final class BatchRunner {
  /** Told how the batch advances; called from worker threads, one call at a time. */
  public interface Progress {
    Progress NONE = new Progress() {};

    /** A line about the output directory's earlier contents, e.g. runs redone and why. */
    default void note(String line) {}

    default void started(int total, int alreadyComplete) {}

    default void runFinished(Run run, int finished, int total) {}
  }

  /** The batch was stopped: {@code complete} of {@code total} runs are complete in the folder. */
  public static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int complete;
    private final int total;

    Stopped(int complete, int total) {
      super(complete + " of " + total + " runs complete", null, false, false);
      this.complete = complete;
      this.total = total;
    }

    public int complete() {
      return complete;
    }

    public int total() {
      return total;
    }
  }

  private BatchRunner() {}

  /** As {@link #run(List, Path, int, Progress, BooleanSupplier)}, never stopped. */
  public static List<RunReport> run(List<Run> runs, Path outDir, int parallel, Progress progress)
      throws IOException {
    return run(runs, outDir, parallel, progress, () -> false);
  }

  /**
   * Runs what is not complete yet and writes the combined reports.
   *
   * @return the reports of every run, in the order of {@code runs}
   * @throws Stopped when {@code stop} turned true before every run was complete
   */
  public static List<RunReport> run(
      List<Run> runs, Path outDir, int parallel, Progress progress, BooleanSupplier stop)
      throws IOException {
    return run(runs, outDir, parallel, 1, progress, stop);
  }

  /**
   * As {@link #run(List, Path, int, Progress, BooleanSupplier)}, each run's partitions on up to
   * {@code threadsPerRun} threads ({@link ScenarioRunner#run(Run, Path, BooleanSupplier, int)}).
   */
  public static List<RunReport> run(
      List<Run> runs,
      Path outDir,
      int parallel,
      int threadsPerRun,
      Progress progress,
      BooleanSupplier stop)
      throws IOException {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
    }
    RunStore store = new RunStore(outDir);
    RunReport[] reports = new RunReport[runs.size()];
    List<Integer> todo = new ArrayList<>();
    Map<String, Integer> otherBuilds = new LinkedHashMap<>();
    int otherScenario = 0;
    int damaged = 0;
    for (int i = 0; i < runs.size(); i++) {
      RunStore.Found found = store.find(runs.get(i));
      switch (found.state()) {
        case COMPLETE -> reports[i] = found.report();
        case OTHER_BUILD -> otherBuilds.merge(found.madeBy(), 1, Integer::sum);
        case OTHER_SCENARIO -> otherScenario++;
        case DAMAGED -> damaged++;
        case ABSENT -> {}
      }
      if (reports[i] == null) {
        todo.add(i);
      }
    }
    otherBuilds.forEach(
        (madeBy, n) -> progress.note(runs(n) + " made by " + madeBy + ", redoing them"));
    if (otherScenario > 0) {
      progress.note(
          runs(otherScenario)
              + " made from another version of the scenario (the file or a --set changed),"
              + " redoing them");
    }
    if (damaged > 0) {
      progress.note(
          (damaged == 1 ? "1 run has" : damaged + " runs have")
              + " a damaged report.json (cut short by a crash?), redoing them");
    }
    int total = runs.size();
    int[] finished = {total - todo.size()};
    progress.started(total, finished[0]);
    ExecutorService workers =
        Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, todo.size())));
    AtomicBoolean failed = new AtomicBoolean();
    BooleanSupplier halt = () -> failed.get() || stop.getAsBoolean();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int index : todo) {
        Run run = runs.get(index);
        futures.add(
            workers.submit(
                () -> {
                  RunReport report = runOne(run, store, halt, threadsPerRun);
                  if (report == null) {
                    return null;
                  }
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
    } catch (IOException | RuntimeException | Error e) {
      failed.set(true); // the other runs give up: the batch has failed
      throw e;
    } finally {
      workers.shutdown();
    }
    if (stop.getAsBoolean() && finished[0] < total) {
      throw new Stopped(finished[0], total);
    }
    List<RunReport> all = Arrays.asList(reports);
    ReportFiles.write(outDir, all);
    ReplicationStatistics.writeIfReplicated(outDir, all);
    TimeSeriesReport.combine(outDir, all);
    return List.copyOf(all);
  }

  private static String runs(int n) {
    return n == 1 ? "1 run was" : n + " runs were";
  }

  /** Runs and stores one run; null when stopped first, its folder then emptied. */
  private static RunReport runOne(Run run, RunStore store, BooleanSupplier stop, int threads)
      throws IOException {
    Path dir = store.runDir(run.id());
    if (stop.getAsBoolean()) {
      return null;
    }
    try {
      RunReport report = ScenarioRunner.run(run, dir, stop, threads);
      store.save(run, report);
      return report;
    } catch (InterruptedException e) {
      deleteTree(dir); // captures cut short: nothing of a stopped run stays
      return null;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
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
