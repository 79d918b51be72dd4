package org.overlaysim.cli.plot;

import java.util.ArrayList;
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
            axis(reports),
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

  /**
   * A run as a bar's label, kept short as bars stand close: its sweep values without their keys
   * (the axis names them), {@code #replication} when there are several; the run id without a sweep.
   */
  private static String label(Reports reports, RunInfo run) {
    List<String> parts = new ArrayList<>();
    if (reports.severalScenarios()) {
      parts.add(run.scenario());
    }
    run.sweep().values().stream().filter(v -> !v.isEmpty()).forEach(parts::add);
    if (parts.isEmpty()) {
      return run.run();
    }
    return String.join(", ", parts) + (reports.replicated() ? " #" + run.replication() : "");
  }

  /** What the labels of {@link #label} are made of. */
  private static String axis(Reports reports) {
    if (reports.sweepKeys().isEmpty()) {
      return "run";
    }
    List<String> parts = new ArrayList<>();
    if (reports.severalScenarios()) {
      parts.add("scenario");
    }
    reports.sweepKeys().forEach(k -> parts.add(reports.shortKey(k)));
    return String.join(", ", parts) + (reports.replicated() ? " #replication" : "");
  }
}
