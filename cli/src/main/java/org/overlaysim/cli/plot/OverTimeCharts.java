package org.overlaysim.cli.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.overlaysim.cli.plot.Reports.LinkSample;
import org.overlaysim.cli.plot.Reports.RunInfo;
import org.overlaysim.cli.plot.Reports.TcpSample;

/**
 * Figures over simulated time, one chart per run: link utilization and queue (timeseries.csv) and
 * the TCP congestion window (tcp.csv).
 */
final class OverTimeCharts {
  /** Runs beyond this many get no chart of their own (a sweep of hundreds of points). */
  static final int MAX_RUNS = 8;

  private OverTimeCharts() {}

  static Section links(Reports reports) {
    List<Chart> charts = new ArrayList<>();
    Map<String, List<LinkSample>> byRun = byRun(reports.linkSamples(), LinkSample::run);
    for (String run : first(byRun)) {
      String label = runLabel(reports, run);
      List<LinkSample> samples = byRun.get(run);
      charts.add(
          chart(
              "utilization-" + run,
              "Link utilization, " + label,
              "utilization (busy time / interval)",
              samples,
              LinkSample::direction,
              LinkSample::timeS,
              LinkSample::utilization));
      charts.add(
          chart(
              "queue-" + run,
              "Queue, " + label,
              "queue (KiB)",
              samples,
              LinkSample::direction,
              LinkSample::timeS,
              s -> s.queueBytes() / 1024));
    }
    return new Section(
        "Links over time",
        "Per link direction and interval of timeseries.csv: the share of the interval the"
            + " link was busy sending, and the bytes waiting in its queue. The busiest"
            + " directions of each run, at most "
            + ChartStyle.MAX_SERIES
            + ".",
        charts,
        notes(byRun, reports, Reports.TIMESERIES, "no row names a link direction"));
  }

  static Section tcp(Reports reports) {
    List<Chart> charts = new ArrayList<>();
    Map<String, List<TcpSample>> byRun = byRun(reports.tcp(), TcpSample::run);
    for (String run : first(byRun)) {
      charts.add(
          chart(
              "tcp-cwnd-" + run,
              "TCP congestion window, " + runLabel(reports, run),
              "cwnd (KiB)",
              byRun.get(run),
              TcpSample::flow,
              TcpSample::timeS,
              s -> s.cwndBytes() / 1024));
    }
    return new Section(
        "TCP congestion window",
        "Each TCP sender's congestion window over time (tcp.csv), one line per flow.",
        charts,
        notes(byRun, reports, Reports.TCP, "no rows"));
  }

  private static <S> Map<String, List<S>> byRun(List<S> samples, Function<S, String> run) {
    Map<String, List<S>> byRun = new LinkedHashMap<>();
    samples.forEach(s -> byRun.computeIfAbsent(run.apply(s), r -> new ArrayList<>()).add(s));
    return byRun;
  }

  private static List<String> first(Map<String, ?> byRun) {
    return byRun.keySet().stream().limit(MAX_RUNS).toList();
  }

  /** Why a section has no chart or fewer than runs; nothing when its file's absence says it. */
  private static List<String> notes(
      Map<String, ?> byRun, Reports reports, String file, String whenEmpty) {
    if (byRun.isEmpty()) {
      return reports.files().contains(file) ? List.of(file + ": " + whenEmpty) : List.of();
    }
    return byRun.size() > MAX_RUNS
        ? List.of(byRun.size() + " runs: charts for the first " + MAX_RUNS)
        : List.of();
  }

  private static String runLabel(Reports reports, String run) {
    RunInfo info = reports.runsById().get(run);
    String point = info == null ? "" : reports.label(info, reports.sweepKeys());
    return point.isEmpty() ? run : run + " (" + point + ")";
  }

  /** One line per entity, the {@link ChartStyle#MAX_SERIES} with the highest peaks. */
  private static <S> Chart chart(
      String name,
      String title,
      String axis,
      List<S> samples,
      Function<S, String> entity,
      ToDoubleFunction<S> time,
      ToDoubleFunction<S> value) {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    for (S s : samples) {
      double v = value.applyAsDouble(s);
      if (!Double.isNaN(v)) {
        series
            .computeIfAbsent(entity.apply(s), e -> new XYSeries(e, false, true))
            .add(time.applyAsDouble(s), v);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().stream()
        .sorted(Comparator.comparingDouble(XYSeries::getMaxY).reversed())
        .limit(ChartStyle.MAX_SERIES)
        .forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "simulated time (s)", axis, data, PlotOrientation.VERTICAL, true, false, false);
    ChartStyle.styled(
        chart,
        series.size() > ChartStyle.MAX_SERIES
            ? "the " + ChartStyle.MAX_SERIES + " highest of " + series.size()
            : "");
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      renderer.setSeriesStroke(s, ChartStyle.line(1.5f));
    }
    chart.getXYPlot().setRenderer(renderer);
    return new Chart(name, title, chart);
  }
}
