package org.overlaysim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.ReportRows.ThroughputRow;

/**
 * {@code summary-ci.csv}: for each scenario and sweep point run with several replications, the mean
 * of each figure across replications and its 95% confidence interval, mean ± t(0.975, n−1) · s / √n
 * (Student t; the replications are independent by their seeds). One row per point, figure and flow
 * (empty for run-wide figures): a long table, ready for pandas or R. Per flow: latency (mean, p50,
 * p90, p99, max), goodput, payload bytes, overhead ratio and retransmissions.
 */
public final class ReplicationStatistics {
  public static final String FILE = "summary-ci.csv";

  private ReplicationStatistics() {}

  /** Writes the file when some point has more than one replication; removes a stale one if not. */
  public static void writeIfReplicated(Path dir, List<RunReport> runs) throws IOException {
    Map<String, List<RunReport>> points = byPoint(runs);
    boolean replicated = points.values().stream().anyMatch(p -> p.size() > 1);
    if (!replicated) {
      Files.deleteIfExists(dir.resolve(FILE));
      return;
    }
    ReportFiles.writeAtomically(dir.resolve(FILE), csv(points));
  }

  static String csv(Map<String, List<RunReport>> points) {
    Set<String> sweepKeys = new LinkedHashSet<>();
    points.values().forEach(p -> p.forEach(r -> sweepKeys.addAll(r.sweepValues().keySet())));
    List<String> header = new ArrayList<>(List.of("scenario"));
    header.addAll(sweepKeys);
    header.addAll(
        List.of("figure", "flow", "replications", "mean", "stddev", "ci95_low", "ci95_high"));
    StringBuilder out = new StringBuilder(Csv.line(header));
    for (List<RunReport> point : points.values()) {
      RunReport first = point.get(0);
      List<String> prefix = new ArrayList<>(List.of(first.scenario()));
      for (String key : sweepKeys) {
        prefix.add(first.sweepValues().getOrDefault(key, ""));
      }
      row(out, prefix, "events", "", point, r -> r.events());
      row(out, prefix, "packets_sent", "", point, r -> r.packetsSent());
      row(out, prefix, "packets_delivered", "", point, r -> r.packetsDelivered());
      row(out, prefix, "packets_dropped", "", point, r -> r.packetsDropped());
      for (int f = 0; f < first.latency().size(); f++) {
        int flow = f;
        String name = first.latency().get(f).flow();
        row(out, prefix, "mean_ms", name, point, r -> latency(r, flow).latency().meanMs());
        row(out, prefix, "p50_ms", name, point, r -> latency(r, flow).latency().p50Ms());
        row(out, prefix, "p90_ms", name, point, r -> latency(r, flow).latency().p90Ms());
        row(out, prefix, "p99_ms", name, point, r -> latency(r, flow).latency().p99Ms());
        row(out, prefix, "max_ms", name, point, r -> latency(r, flow).latency().maxMs());
        row(out, prefix, "goodput_mbps", name, point, r -> throughput(r, flow).goodputBps() / 1e6);
        row(out, prefix, "payload_bytes", name, point, r -> throughput(r, flow).payloadBytes());
        row(out, prefix, "overhead_ratio", name, point, r -> throughput(r, flow).overheadRatio());
        row(
            out,
            prefix,
            "retransmissions",
            name,
            point,
            r -> throughput(r, flow).retransmissions());
      }
    }
    return out.toString();
  }

  private static LatencyRow latency(RunReport r, int flow) {
    return r.latency().get(flow);
  }

  private static ThroughputRow throughput(RunReport r, int flow) {
    return r.throughput().get(flow);
  }

  private static void row(
      StringBuilder out,
      List<String> prefix,
      String figure,
      String flow,
      List<RunReport> point,
      ToDoubleFunction<RunReport> value) {
    SummaryStatistics stats = new SummaryStatistics();
    for (RunReport r : point) {
      double v = value.applyAsDouble(r);
      if (!Double.isNaN(v)) {
        stats.addValue(v);
      }
    }
    long n = stats.getN();
    double mean = n > 0 ? stats.getMean() : Double.NaN;
    double stddev = n > 1 ? stats.getStandardDeviation() : Double.NaN;
    double half =
        n > 1
            // No random generator: only the quantile function is used.
            ? new TDistribution(null, n - 1).inverseCumulativeProbability(0.975)
                * stddev
                / Math.sqrt(n)
            : Double.NaN;
    List<String> cells = new ArrayList<>(prefix);
    cells.addAll(
        List.of(
            figure,
            flow,
            Long.toString(n),
            Csv.decimal(mean),
            Csv.decimal(stddev),
            Csv.decimal(mean - half),
            Csv.decimal(mean + half)));
    out.append(Csv.line(cells));
  }

  /** Runs grouped by scenario and sweep values, in first-appearance order. */
  static Map<String, List<RunReport>> byPoint(List<RunReport> runs) {
    Map<String, List<RunReport>> points = new LinkedHashMap<>();
    for (RunReport r : runs) {
      points.computeIfAbsent(r.scenario() + "\n" + r.sweepValues(), k -> new ArrayList<>()).add(r);
    }
    return points;
  }
}
