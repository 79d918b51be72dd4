package org.overlaysim.report;

import java.util.List;

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

  /** Its cells of latency.csv: samples, then the figures with six decimals (empty for none). */
  public List<String> cells() {
    return List.of(
        Long.toString(samples),
        Csv.decimal(minMs),
        Csv.decimal(meanMs),
        Csv.decimal(p50Ms),
        Csv.decimal(p90Ms),
        Csv.decimal(p99Ms),
        Csv.decimal(maxMs),
        Csv.decimal(stddevMs));
  }
}
