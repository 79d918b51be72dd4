package org.overlaysim.cli.plot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.overlaysim.cli.plot.Reports.RunInfo;
import org.overlaysim.cli.plot.TimeSeries.Figure;
import org.overlaysim.cli.plot.TimeSeries.RunLines;

/**
 * Figures over simulated time, one chart per run: link utilization and queue (timeseries.csv, its
 * rows that name a link direction) and the TCP congestion window (tcp.csv).
 */
final class OverTimeCharts {
  private static final Figure UTILIZATION =
      new Figure(Reports.TIMESERIES, "direction", "utilization", 1);
  private static final Figure QUEUE =
      new Figure(Reports.TIMESERIES, "direction", "queue_bytes", 1.0 / 1024);
  private static final Figure CWND = new Figure(Reports.TCP, "flow", "cwnd_bytes", 1.0 / 1024);

  private OverTimeCharts() {}

  static Section links(Reports reports) throws IOException {
    List<Chart> charts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (reports.readable(Reports.TIMESERIES)) {
      add(
          charts,
          notes,
          reports,
          UTILIZATION,
          "utilization",
          "Link utilization",
          "utilization (busy time / interval)");
      add(charts, notes, reports, QUEUE, "queue", "Queue", "queue (KiB)");
    }
    return new Section(
        "Links over time",
        "Per link direction and interval of timeseries.csv: the share of the interval the link"
            + " was busy sending, and the bytes waiting in its queue; the "
            + ChartStyle.MAX_SERIES
            + " directions with the highest peaks.",
        charts,
        notes.stream().distinct().toList());
  }

  static Section tcp(Reports reports) throws IOException {
    List<Chart> charts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (reports.readable(Reports.TCP)) {
      add(charts, notes, reports, CWND, "tcp-cwnd", "TCP congestion window", "cwnd (KiB)");
    }
    return new Section(
        "TCP congestion window",
        "Each TCP sender's congestion window over time (tcp.csv), one line per flow.",
        charts,
        notes);
  }

  /** One chart per run of {@code figure}, and a note when some runs or all are left out. */
  private static void add(
      List<Chart> charts,
      List<String> notes,
      Reports reports,
      Figure figure,
      String name,
      String title,
      String axis)
      throws IOException {
    TimeSeries.Read read = TimeSeries.read(reports.dir(), figure);
    if (read.runs().isEmpty()) {
      notes.add(figure.file() + ": no row with a " + figure.entity() + " and a " + figure.value());
    } else if (read.runsInFile() > read.runs().size()) {
      notes.add(read.runsInFile() + " runs: charts for the first " + read.runs().size());
    }
    for (RunLines run : read.runs()) {
      charts.add(
          chart(name + "-" + run.run(), title + ", " + runLabel(reports, run.run()), axis, run));
    }
  }

  private static String runLabel(Reports reports, String run) {
    RunInfo info = reports.runsById().get(run);
    String point = info == null ? "" : reports.label(info, reports.sweepKeys());
    return point.isEmpty() ? run : run + " (" + point + ")";
  }

  private static Chart chart(String name, String title, String axis, RunLines run) {
    XYSeriesCollection data = new XYSeriesCollection();
    run.lines().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "simulated time (s)", axis, data, PlotOrientation.VERTICAL, true, false, false);
    ChartStyle.styled(
        chart,
        run.entities() > run.lines().size()
            ? "the " + run.lines().size() + " highest of " + run.entities()
            : "");
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    // One path per line: drawn segment by segment, a line of thousands of intervals makes an SVG
    // of megabytes.
    renderer.setDrawSeriesLineAsPath(true);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      renderer.setSeriesStroke(s, ChartStyle.line(1.5f));
    }
    chart.getXYPlot().setRenderer(renderer);
    return new Chart(name, title, chart);
  }
}
