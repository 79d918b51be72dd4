package org.overlaysim.cli.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.overlaysim.cli.plot.Reports.RunInfo;
import org.overlaysim.cli.plot.Reports.Throughput;

/**
 * Goodput and overhead ratio against each sweep key: for each value of the key, one point per flow
 * and combination of the other keys' values, the mean over replications with its 95% confidence
 * interval as an error bar. Without a sweep, against the flows.
 */
final class SweepCharts {
  private record Figure(
      String name, String title, String axis, boolean fromZero, ToDoubleFunction<Throughput> of) {}

  private static final List<Figure> FIGURES =
      List.of(
          new Figure("goodput", "Goodput", "goodput (Mbit/s)", true, Throughput::goodputMbps),
          new Figure(
              "overhead",
              "Overhead ratio",
              "wire bytes / payload bytes",
              false,
              Throughput::overheadRatio));

  private SweepCharts() {}

  static Section section(Reports reports) {
    List<Chart> charts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (reports.throughput().isEmpty()) {
      notes.add("No flow in throughput.csv.");
    } else if (reports.sweepKeys().isEmpty()) {
      FIGURES.forEach(f -> charts.add(chart(reports, f, null)));
    } else {
      for (String key : reports.sweepKeys()) {
        FIGURES.forEach(f -> charts.add(chart(reports, f, key)));
      }
    }
    return new Section(
        "Goodput and overhead",
        reports.replicated()
            ? "Each point is the mean over the replications of a sweep point; its bar is the 95%"
                + " confidence interval, mean ± t(0.975, n−1)·s/√n, as in summary-ci.csv."
            : "One replication per sweep point, so no confidence interval: set replications: in"
                + " the scenario to get 95% intervals.",
        charts,
        notes);
  }

  /**
   * A line's name: the values of the other sweep keys ({@code others}), led by the flow when there
   * are several flows or nothing else tells the lines apart.
   */
  private static String seriesName(String flow, String others, String key, boolean severalFlows) {
    if (key == null) {
      return others.isEmpty() ? "all runs" : others;
    }
    if (others.isEmpty()) {
      return flow;
    }
    return severalFlows ? flow + ", " + others : others;
  }

  /** One figure against {@code key}'s values, or against the flows when {@code key} is null. */
  private static Chart chart(Reports reports, Figure figure, String key) {
    Map<String, RunInfo> runs = reports.runsById();
    List<String> otherKeys = new ArrayList<>(reports.sweepKeys());
    otherKeys.remove(key);
    boolean severalFlows =
        reports.throughput().stream().map(Throughput::flow).distinct().count() > 1;
    // series -> category (a value of the key, or a flow) -> the values of its replications
    Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    for (Throughput t : reports.throughput()) {
      RunInfo run = runs.get(t.run());
      if (run == null || (key != null && run.sweep().get(key).isEmpty())) {
        continue; // a run of another scenario, which does not sweep this key
      }
      String series = seriesName(t.flow(), reports.label(run, otherKeys), key, severalFlows);
      String category = key == null ? t.flow() : run.sweep().get(key);
      values
          .computeIfAbsent(series, s -> new LinkedHashMap<>())
          .computeIfAbsent(category, c -> new ArrayList<>())
          .add(figure.of().applyAsDouble(t));
    }
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (var series : values.entrySet().stream().limit(ChartStyle.MAX_SERIES).toList()) {
      series
          .getValue()
          .forEach(
              (category, replications) -> {
                Interval i = Interval.of(replications);
                // The renderer draws mean ± its "standard deviation": the half width here.
                Double bar = Double.isNaN(i.halfWidth()) ? null : i.halfWidth();
                if (!Double.isNaN(i.mean())) {
                  data.add(Double.valueOf(i.mean()), bar, series.getKey(), category);
                }
              });
    }
    String against = key == null ? "flow" : reports.shortKey(key);
    JFreeChart chart =
        ChartFactory.createLineChart(
            figure.title() + " against " + against,
            against,
            figure.axis(),
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartStyle.styled(
        chart,
        reports.replicated()
            ? "mean over replications, bars: 95% confidence interval"
            : "one replication per point: no interval");
    CategoryPlot plot = chart.getCategoryPlot();
    // Lines join the values of a sweep key, in their order; flows have no order to join.
    StatisticalLineAndShapeRenderer renderer =
        new StatisticalLineAndShapeRenderer(key != null, true);
    renderer.setUseSeriesOffset(true);
    renderer.setItemMargin(0.2);
    for (int s = 0; s < data.getRowCount(); s++) {
      renderer.setSeriesStroke(s, ChartStyle.line(1.5f));
    }
    plot.setRenderer(renderer);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(figure.fromZero());
    String caption =
        figure.title()
            + " against "
            + (key == null ? "each flow" : key)
            + (values.size() > ChartStyle.MAX_SERIES
                ? "; the first " + ChartStyle.MAX_SERIES + " of " + values.size() + " series"
                : "");
    return new Chart(figure.name() + "-by-" + (key == null ? "flow" : against), caption, chart);
  }
}
