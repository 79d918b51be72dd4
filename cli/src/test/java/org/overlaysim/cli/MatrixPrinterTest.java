package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;

/** The layout of {@code run --matrix}: a title, the legend, column numbers, a row per source. */
class MatrixPrinterTest {
  private static List<Container> containers(int n) {
    List<Container> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Ipv4 ip = Ipv4.parse("172.20.0." + (10 + i));
      cs.add(
          new Container(
              "c" + i,
              "g",
              "h1",
              "o",
              "default",
              Map.of(),
              ip,
              MacAddress.dockerStyle(ip),
              1450,
              List.of()));
    }
    return cs;
  }

  private static ReachabilityRow row(int src, int dst, String result, String reason) {
    return new ReachabilityRow("c" + src, "c" + dst, "TCP", 80, result, reason);
  }

  @Test
  void aMatrixHasALegendColumnNumbersAndOneRowPerSource() {
    List<ReachabilityRow> rows =
        List.of(
            row(0, 1, "denied", "policy-deny (ingress at destination)"),
            row(0, 2, "allowed", "policy-allow"),
            row(1, 0, "denied", "acl-deny"),
            row(1, 2, "denied", "vni-mismatch"),
            row(2, 0, "denied", "no-route"));

    List<String> lines = MatrixPrinter.render("run TCP/80", containers(3), rows).lines().toList();

    assertThat(lines)
        .containsExactly(
            "run TCP/80  (rows: sources, columns: destinations)",
            MatrixPrinter.LEGEND,
            "     012",
            "0 c0 -x.",
            "1 c1 a-v",
            "2 c2 o -");
  }

  @Test
  void elevenContainersOrMoreNumberTheirColumnsTopToBottom() {
    List<String> lines =
        MatrixPrinter.render("run TCP/80", containers(12), List.of()).lines().toList();

    assertThat(lines.get(2)).isEqualTo("       " + " ".repeat(10) + "11");
    assertThat(lines.get(3)).isEqualTo("       " + "012345678901");
    assertThat(lines.get(4)).isEqualTo(" 0 c0  -" + " ".repeat(11));
    assertThat(lines).hasSize(4 + 12);
  }
}
