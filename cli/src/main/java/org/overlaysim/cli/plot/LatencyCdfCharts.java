package org.overlaysim.cli.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.overlaysim.cli.plot.Reports.Latency;
import org.overlaysim.cli.plot.Reports.RunInfo;

/**
 * The latency distribution of each flow, one line per sweep point: a CDF drawn through the
 * percentiles latency.csv keeps (min, p50, p90, p99, max), which is all a run writes of it.
 */
final class LatencyCdfCharts {
  static final int MAX_FLOWS = 12;

  private static final double[] FRACTIONS = {0, 0.5, 0.9, 0.99, 1};
  private static final List<ToDoubleFunction<Latency>> PERCENTILES =
      List.of(Latency::min, Latency::p50, Latency::p90, Latency::p99, Latency::max);

  private LatencyCdfCharts() {}

  static Section section(Reports reports) {
    Map<String, RunInfo> runs = reports.runsById();
    Map<String, String> kinds = new LinkedHashMap<>();
    Map<String, Map<String, List<Latency>>> byFlowAndPoint = new LinkedHashMap<>();
    for (Latency l : reports.latency()) {
      RunInfo run = runs.get(l.run());
      if (run == null || l.samples() == 0 || Double.isNaN(l.p50())) {
        continue;
      }
      kinds.putIfAbsent(l.flow(), l.kind());
      byFlowAndPoint
          .computeIfAbsent(l.flow(), f -> new LinkedHashMap<>())
          .computeIfAbsent(reports.label(run, reports.sweepKeys()), p -> new ArrayList<>())
          .add(l);
    }
    List<String> notes = new ArrayList<>();
    if (byFlowAndPoint.isEmpty()) {
      notes.add("No flow has a latency sample.");
    } else if (byFlowAndPoint.size() > MAX_FLOWS) {
      notes.add(
          byFlowAndPoint.size() + " flows have latency samples: charts for the first " + MAX_FLOWS);
    }
    List<Chart> charts = new ArrayList<>();
    byFlowAndPoint.entrySet().stream()
        .limit(MAX_FLOWS)
        .forEach(
            e ->
                charts.add(
                    chart(e.getKey(), kinds.get(e.getKey()), e.getValue(), reports.replicated())));
    return new Section(
        "Latency distribution",
        "Each line is a CDF drawn through the five points latency.csv keeps per flow: min (0),"
            + " p50, p90, p99 and max (1), joined by straight lines; between them the true"
            + " distribution is not known.",
        charts,
        notes);
  }

  private static Chart chart(
      String flow, String kind, Map<String, List<Latency>> byPoint, boolean replicated) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (var point : byPoint.entrySet().stream().limit(ChartStyle.MAX_SERIES).toList()) {
      XYSeries series = new XYSeries(point.getKey().isEmpty() ? flow : point.getKey(), false, true);
      for (int i = 0; i < FRACTIONS.length; i++) {
        // Replications of one point: each percentile averaged (quantile averaging).
        double ms = point.getValue().stream().mapToDouble(PERCENTILES.get(i)).average().orElse(0);
        series.add(ms, FRACTIONS[i]);
      }
      data.addSeries(series);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Latency of flow " + flow + " (" + kind + ")",
            measure(kind) + " (ms)",
            "fraction of samples at most this",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    String subtitle =
        "CDF through min, p50, p90, p99, max"
            + (replicated ? "; each percentile averaged over the replications" : "");
    ChartStyle.styled(chart, subtitle);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      renderer.setSeriesStroke(s, ChartStyle.line(2f));
    }
    plot.setRenderer(renderer);
    plot.getRangeAxis().setRange(0, 1.02);
    String caption =
        "Flow "
            + flow
            + ": "
            + measure(kind)
            + (byPoint.size() > ChartStyle.MAX_SERIES
                ? "; the first " + ChartStyle.MAX_SERIES + " of " + byPoint.size() + " sweep points"
                : "");
    return new Chart("latency-cdf-" + flow, caption, chart);
  }

  /** What a sample of this kind of flow measures (scenario-format.md, latency.csv). */
  static String measure(String kind) {
    return switch (kind) {
      case "ping" -> "round-trip time";
      case "request-response" -> "request sent to response received";
      case "udp", "tcp" -> "one-way delay";
      default -> "latency";
    };
  }
}
