package org.overlaysim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.overlaysim.engine.RandomStream;

/**
 * The cost of one hold-model delay draw alone, which every engine in {@link HoldModelBenchmark}
 * pays once per event: subtract it to see the queue's own share.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DrawCostBenchmark {
  private final RandomStream delays = HoldModelBenchmark.delays();

  @Benchmark
  public long exponentialDraw() {
    return (long) delays.exponential(HoldModelBenchmark.MEAN_DELAY_NS);
  }

  @Benchmark
  public double uniformDraw() {
    return delays.nextDouble();
  }
}
