package org.overlaysim.gui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.RunResults.FlowResult;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ChartsPaneTest {
  private static final RunResults RESULTS =
      new RunResults(
          1_000_000,
          List.of(),
          Map.of("queue-full", 7L, "policy-deny", 2L),
          List.of(
              new FlowResult("a", "ping", "x", "y", new double[] {30, 10, 20, 40}, 12.5),
              new FlowResult("b", "udp", "x", "y", new double[0], 80)),
          List.of(),
          Map.of());

  @BeforeAll
  static void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void theLatencyCdfRisesFromTheSmallestSampleToOne() throws Exception {
    LineChart<Number, Number> chart =
        WaitForAsyncUtils.asyncFx(() -> ChartsPane.latencyCdf(RESULTS)).get();

    assertThat(chart.getData()).hasSize(1); // a flow without samples has no curve
    List<XYChart.Data<Number, Number>> points = chart.getData().get(0).getData();
    assertThat(points.get(0).getXValue().doubleValue()).isEqualTo(10);
    assertThat(points.get(0).getYValue().doubleValue()).isEqualTo(0.25);
    assertThat(points.get(points.size() - 1).getXValue().doubleValue()).isEqualTo(40);
    assertThat(points.get(points.size() - 1).getYValue().doubleValue()).isEqualTo(1.0);
  }

  @Test
  void dropsAreChartedByReason() throws Exception {
    BarChart<String, Number> chart =
        WaitForAsyncUtils.asyncFx(() -> ChartsPane.drops(RESULTS)).get();

    assertThat(chart.getData().get(0).getData())
        .extracting(XYChart.Data::getXValue, d -> d.getYValue().longValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("policy-deny", 2L),
            org.assertj.core.groups.Tuple.tuple("queue-full", 7L));
  }

  @Test
  void goodputIsChartedPerFlow() throws Exception {
    BarChart<String, Number> chart =
        WaitForAsyncUtils.asyncFx(() -> ChartsPane.goodput(RESULTS)).get();

    assertThat(chart.getData().get(0).getData())
        .extracting(XYChart.Data::getXValue, d -> d.getYValue().doubleValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 12.5),
            org.assertj.core.groups.Tuple.tuple("b", 80.0));
  }
}
