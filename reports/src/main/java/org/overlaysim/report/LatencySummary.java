package org.overlaysim.report;

/** One flow's latency figures in milliseconds (a row of latency.csv without its labels). */
public record LatencySummary(
    long samples,
    double minMs,
    double meanMs,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    double stddevMs) {
  /** A flow without a sample: its statistics are empty cells. */
  public static final LatencySummary EMPTY =
      new LatencySummary(
          0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
