package org.overlaysim.cli;

import java.util.List;
import java.util.Locale;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;

/**
 * How many runs fit in the heap at once. A run's heap is estimated from its scenario's size; the
 * constants are measured peaks of the parallel collector (the launcher's), rounded up:
 *
 * <ul>
 *   <li>k8s-max (5,000 hosts, 150,000 containers, 500 policies, 2 flows): peak heap 513.5 MiB
 *       (README, "Performance and scale"), so about 3 KiB a container and 8 KiB a host above the
 *       base;
 *   <li>two-hosts: 50.6 MiB, the base (the JVM, the loaded classes, the scenario tree);
 *   <li>a flow keeps up to 2^20 latency samples (8 MiB) before its reservoir: 8 MiB a flow.
 * </ul>
 */
final class RunMemory {
  static final long MIB = 1024L * 1024;
  static final long BASE = 64 * MIB;
  static final long PER_HOST = 8 * 1024;
  static final long PER_CONTAINER = 3 * 1024;
  static final long PER_POLICY = 16 * 1024;
  static final long PER_FLOW = 8 * MIB;

  private RunMemory() {}

  /** The estimated peak heap of one run of {@code scenario}, in bytes. */
  static long estimate(Scenario scenario) {
    return BASE
        + scenario.hosts().size() * PER_HOST
        + scenario.containers().size() * PER_CONTAINER
        + scenario.policies().size() * PER_POLICY
        + scenario.traffic().size() * PER_FLOW;
  }

  /** The largest estimate among {@code runs} (sweep points may differ in size). */
  static Run largest(List<Run> runs) {
    Run largest = runs.get(0);
    long most = 0;
    for (Run run : runs) {
      long bytes = estimate(run.scenario());
      if (bytes > most) {
        most = bytes;
        largest = run;
      }
    }
    return largest;
  }

  /** Runs at once that fit {@code maxHeap}: at least 1, at most {@code cores}. */
  static int fitting(long perRun, long maxHeap, int cores) {
    return (int) Math.max(1, Math.min(cores, maxHeap / Math.max(1, perRun)));
  }

  /**
   * A warning when {@code parallel} runs of {@code perRun} bytes each may not fit {@code maxHeap}
   * bytes, else null.
   */
  static String warning(int parallel, String scenario, long perRun, long maxHeap) {
    if ((long) parallel * perRun <= maxHeap) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "warning: --parallel %d may run out of memory: a run of %s needs about %s and the JVM's"
            + " heap is at most %s (%d at once fit); give it more with JAVA_OPTS=-Xmx%dg",
        parallel,
        scenario,
        size(perRun),
        size(maxHeap),
        maxHeap / perRun,
        (parallel * perRun + (1L << 30) - 1) >> 30);
  }

  static String size(long bytes) {
    return bytes >= 1L << 30
        ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MiB", bytes / MIB);
  }
}
