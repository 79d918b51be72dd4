package org.overlaysim.gui.window;

import java.util.Arrays;
import java.util.Map;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.RunResults.FlowResult;

/** Charts of a run: latency CDF per flow, drops by reason, goodput per flow. */
final class ChartsPane extends VBox {
  /** Points per CDF line; more adds nothing visible and slows the chart. */
  private static final int CDF_POINTS = 200;

  ChartsPane() {
    super(8);
    setId("charts");
    show(null);
  }

  void show(RunResults results) {
    getChildren().clear();
    if (results == null) {
      getChildren().add(new Label("No run yet: charts appear after a run."));
      return;
    }
    getChildren().addAll(latencyCdf(results), drops(results), goodput(results));
  }

  static LineChart<Number, Number> latencyCdf(RunResults results) {
    NumberAxis x = new NumberAxis();
    x.setLabel("latency (ms)");
    NumberAxis y = new NumberAxis(0, 1, 0.1);
    y.setLabel("fraction of samples ≤ x");
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setId("chart-latency");
    chart.setTitle("Latency CDF per flow");
    chart.setCreateSymbols(false);
    chart.setAnimated(false);
    for (FlowResult f : results.flows()) {
      double[] s = f.latencyMs();
      if (s.length == 0) {
        continue;
      }
      Arrays.sort(s);
      XYChart.Series<Number, Number> series = new XYChart.Series<>();
      series.setName(f.flow());
      int points = Math.min(s.length, CDF_POINTS);
      for (int i = 0; i < points; i++) {
        int idx = (int) ((long) (s.length - 1) * i / Math.max(points - 1, 1));
        series.getData().add(new XYChart.Data<>(s[idx], (idx + 1) / (double) s.length));
      }
      chart.getData().add(series);
    }
    return chart;
  }

  static BarChart<String, Number> drops(RunResults results) {
    BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    chart.setId("chart-drops");
    chart.setTitle("Drops by reason (packets)");
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    for (Map.Entry<String, Long> e : results.dropsByReason().entrySet()) {
      series.getData().add(new XYChart.Data<>(e.getKey(), e.getValue()));
    }
    chart.getData().add(series);
    return chart;
  }

  static BarChart<String, Number> goodput(RunResults results) {
    BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    chart.setId("chart-goodput");
    chart.setTitle("Goodput per flow (Mbit/s)");
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    for (FlowResult f : results.flows()) {
      series.getData().add(new XYChart.Data<>(f.flow(), f.goodputMbps()));
    }
    chart.getData().add(series);
    return chart;
  }
}
