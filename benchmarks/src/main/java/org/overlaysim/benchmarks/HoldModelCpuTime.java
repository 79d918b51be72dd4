package org.overlaysim.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cross-check of {@link HoldModelBenchmark} for a shared, loaded machine: the same engines and
 * states, timed by the thread's CPU time (time spent descheduled is not counted, which wall-clock
 * throughput on a busy machine counts). Each engine runs in its own JVM, as JMH forks do, so that
 * the Simulator's calls into its queue stay monomorphic. Prints the median events/s per engine and
 * its ratio to the PriorityQueue baseline and to SSJ.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.overlaysim.benchmarks.HoldModelCpuTime [rounds] [pending...]}
 */
public final class HoldModelCpuTime {
  private static final List<String> ENGINES =
      List.of(
          "overlaysimLadder",
          "overlaysimHeap",
          "overlaysimCalendar",
          "baselinePriorityQueue",
          "ssjDefaultSplayTree");

  private HoldModelCpuTime() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 3 && ENGINES.contains(args[0])) {
      System.out.println(measure(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2])));
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(1_000, 100_000, 1_000_000);
    }
    for (int pending : sizes) {
      Map<String, Double> rates = new LinkedHashMap<>();
      for (String engine : ENGINES) {
        rates.put(engine, fork(engine, pending, rounds));
      }
      double baseline = rates.get("baselinePriorityQueue");
      double ssj = rates.get("ssjDefaultSplayTree");
      System.out.printf(
          Locale.ROOT, "pending=%d (median of %d invocations, thread CPU time)%n", pending, rounds);
      rates.forEach(
          (engine, rate) ->
              System.out.printf(
                  Locale.ROOT,
                  "  %-22s %12.0f events/s  x%5.2f vs PriorityQueue  x%5.2f vs SSJ%n",
                  engine,
                  rate,
                  rate / baseline,
                  rate / ssj));
    }
  }

  private static double fork(String engine, int pending, int rounds)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx6g",
                "-cp",
                System.getProperty("java.class.path"),
                HoldModelCpuTime.class.getName(),
                engine,
                Integer.toString(pending),
                Integer.toString(rounds))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String line;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
    }
    if (process.waitFor() != 0 || line == null) {
      throw new IllegalStateException(engine + " at " + pending + " failed");
    }
    return Double.parseDouble(line);
  }

  /** Events/s of one engine: median over {@code rounds} invocations after warm-up. */
  private static double measure(String engine, int pending, int rounds) {
    Runnable invocation = invocation(engine, pending);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] rates = new double[rounds];
    for (int round = -5; round < rounds; round++) { // five warm-up invocations
      long start = threads.getCurrentThreadCpuTime();
      invocation.run();
      long cpuNs = threads.getCurrentThreadCpuTime() - start;
      if (round >= 0) {
        rates[round] = HoldModelBenchmark.EVENTS_PER_INVOCATION * 1e9 / Math.max(1, cpuNs);
      }
    }
    java.util.Arrays.sort(rates);
    return rates[rounds / 2];
  }

  private static Runnable invocation(String engine, int pending) {
    switch (engine) {
      case "baselinePriorityQueue" -> {
        HoldModelBenchmark.PriorityQueueState s = new HoldModelBenchmark.PriorityQueueState();
        s.pending = pending;
        s.setUp();
        return s::runInvocation;
      }
      case "ssjDefaultSplayTree" -> {
        HoldModelBenchmark.SsjDefaultState s = new HoldModelBenchmark.SsjDefaultState();
        s.pending = pending;
        s.setUp();
        return s::runInvocation;
      }
      default -> {
        HoldModelBenchmark.OverlaysimState s =
            switch (engine) {
              case "overlaysimLadder" -> new HoldModelBenchmark.LadderState();
              case "overlaysimHeap" -> new HoldModelBenchmark.HeapState();
              default -> new HoldModelBenchmark.CalendarState();
            };
        s.pending = pending;
        s.setUp();
        return s::runInvocation;
      }
    }
  }
}
