package org.overlaysim.cli.plot;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.overlaysim.cli.plot.Reports.Drop;
import org.overlaysim.cli.plot.Reports.RunInfo;

/** Packets dropped per run, stacked by reason (drops.csv, summed over the places). */
final class DropCharts {
  /** Runs beyond this many are left out of the chart, which says so. */
  static final int MAX_RUNS = 40;

  private DropCharts() {}

  static Section section(Reports reports) {
    Map<String, RunInfo> runs = reports.runsById();
    // run label -> reason -> packets; every run has its bar, empty when it dropped nothing
    Map<String, Map<String, Double>> packets = new LinkedHashMap<>();
    reports.runs().forEach(r -> packets.put(label(reports, r), new LinkedHashMap<>()));
    Set<String> reasons = new LinkedHashSet<>();
    for (Drop d : reports.drops()) {
      RunInfo run = runs.get(d.run());
      if (run != null && d.packets() > 0) {
        reasons.add(d.reason());
        packets.get(label(reports, run)).merge(d.reason(), d.packets(), Double::sum);
      }
    }
    if (reasons.isEmpty()) {
      return new Section("Drops", "", List.of(), List.of("No packet was dropped."));
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    packets.entrySet().stream()
        .limit(MAX_RUNS)
        .forEach(
            run ->
                reasons.forEach(
                    reason ->
                        data.addValue(
                            run.getValue().getOrDefault(reason, 0.0), reason, run.getKey())));
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Drops by reason",
            reports.sweepKeys().isEmpty() ? "run" : "sweep point",
            "packets dropped",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartStyle.styled(
        chart,
        packets.size() > MAX_RUNS
            ? "the first " + MAX_RUNS + " of " + packets.size() + " runs"
            : "");
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setMaximumBarWidth(0.08);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    return new Section(
        "Drops",
        "Packets dropped in each run, stacked by reason (drops.csv, summed over the places).",
        List.of(new Chart("drops-by-reason", "Drops by reason", chart)),
        List.of());
  }

  /** A run as a bar's label: its sweep values, and its replication when there are several. */
  private static String label(Reports reports, RunInfo run) {
    String point = reports.label(run, reports.sweepKeys());
    if (point.isEmpty()) {
      return run.run();
    }
    return reports.replicated() ? point + " #" + run.replication() : point;
  }
}
