package org.overlaysim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.report.RunReport;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Run;

/**
 * {@code run --matrix}: who reaches whom, one character a cell, from the probes' packets (the same
 * cells as reachability.csv), readable in a terminal.
 */
final class MatrixPrinter {
  /** Beyond this a matrix no longer reads in a terminal; reachability.csv has every cell. */
  static final int MAX_CONTAINERS = 60;

  static final String LEGEND =
      ". allowed  x policy-deny  a acl-deny  v vni-mismatch  o other (see reachability.csv)"
          + "  - self  (blank: not probed)";

  private MatrixPrinter() {}

  static void print(PrintWriter out, List<Run> runs, List<RunReport> reports) {
    if (runs.stream()
        .noneMatch(r -> r.scenario().traffic().stream().anyMatch(t -> t instanceof ProbeTraffic))) {
      out.println();
      out.println(
          "No reachability matrix: the scenario has no probe (add a traffic entry of kind probe,"
              + " e.g. {kind: probe, ports: [{protocol: TCP, port: 80}]})");
      return;
    }
    for (int r = 0; r < runs.size(); r++) {
      RunReport report = reports.get(r);
      if (report.reachability().isEmpty()) {
        continue;
      }
      List<Container> containers = runs.get(r).scenario().containers();
      out.println();
      if (containers.size() > MAX_CONTAINERS) {
        out.printf(
            "%s: %d containers, too many for a matrix (at most %d); see reachability.csv%n",
            report.runId(), containers.size(), MAX_CONTAINERS);
        continue;
      }
      Map<String, List<ReachabilityRow>> byPort = new LinkedHashMap<>();
      for (ReachabilityRow row : report.reachability()) {
        byPort.computeIfAbsent(row.protocol() + "/" + row.port(), k -> new ArrayList<>()).add(row);
      }
      String separator = "";
      for (Map.Entry<String, List<ReachabilityRow>> port : byPort.entrySet()) {
        out.print(
            separator + render(report.runId() + " " + port.getKey(), containers, port.getValue()));
        separator = "\n";
      }
    }
  }

  static String render(String title, List<Container> containers, List<ReachabilityRow> rows) {
    int n = containers.size();
    Map<String, Integer> index = new HashMap<>();
    int nameWidth = 0;
    for (int i = 0; i < n; i++) {
      index.put(containers.get(i).name(), i);
      nameWidth = Math.max(nameWidth, containers.get(i).name().length());
    }
    char[][] cells = new char[n][n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(cells[i], ' ');
      cells[i][i] = '-';
    }
    for (ReachabilityRow row : rows) {
      cells[index.get(row.src())][index.get(row.dst())] = symbol(row);
    }
    int digits = Integer.toString(Math.max(0, n - 1)).length();
    StringBuilder out = new StringBuilder();
    out.append(title).append("  (rows: sources, columns: destinations)\n");
    out.append(LEGEND).append('\n');
    String indent = " ".repeat(digits + 1 + nameWidth + 1);
    for (int d = digits - 1; d >= 0; d--) {
      int scale = (int) Math.pow(10, d);
      out.append(indent);
      for (int col = 0; col < n; col++) {
        out.append(col >= scale || d == 0 ? (char) ('0' + col / scale % 10) : ' ');
      }
      out.append('\n');
    }
    for (int src = 0; src < n; src++) {
      String number = Integer.toString(src);
      String name = containers.get(src).name();
      out.append(" ".repeat(digits - number.length())).append(number).append(' ');
      out.append(name).append(" ".repeat(nameWidth - name.length() + 1));
      out.append(cells[src]).append('\n');
    }
    return out.toString();
  }

  private static char symbol(ReachabilityRow row) {
    if (row.result().equals("allowed")) {
      return '.';
    }
    String reason = row.reason();
    if (reason.startsWith("policy-deny")) {
      return 'x';
    } else if (reason.startsWith("acl-deny")) {
      return 'a';
    } else if (reason.startsWith("vni-mismatch")) {
      return 'v';
    }
    return 'o';
  }
}
