package org.overlaysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.overlaysim.report.LatencySummary;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.RunReport;

/** The short human summary {@code overlaysim run} prints when it is done. */
final class RunSummaryPrinter {
  private RunSummaryPrinter() {}

  static void print(PrintWriter out, List<RunReport> reports, Path dir) {
    for (RunReport r : reports) {
      out.printf(
          Locale.ROOT,
          "%s%s: %d packets sent, %d delivered, %d dropped; %,d events in %.3f s simulated%n",
          r.runId(),
          r.sweepValues().isEmpty() ? "" : " (" + sweepLabel(r) + ")",
          r.packetsSent(),
          r.packetsDelivered(),
          r.packetsDropped(),
          r.events(),
          r.simTimeS());
      for (LatencyRow row : r.latency()) {
        LatencySummary l = row.latency();
        if (l.samples() > 0) {
          out.printf(
              Locale.ROOT,
              "  %-12s %-5s %s -> %s: %d samples, mean %.3f ms, p99 %.3f ms%n",
              row.flow(),
              row.kind(),
              row.src(),
              row.dst(),
              l.samples(),
              l.meanMs(),
              l.p99Ms());
        } else {
          out.printf(
              Locale.ROOT,
              "  %-12s %-5s %s -> %s: no sample%n",
              row.flow(),
              row.kind(),
              row.src(),
              row.dst());
        }
      }
      for (DropRow d : r.drops()) {
        out.printf(Locale.ROOT, "  dropped %d at %s: %s%n", d.packets(), d.where(), d.reason());
      }
    }
    out.println("Reports written to " + dir);
  }

  private static String sweepLabel(RunReport r) {
    StringBuilder label = new StringBuilder();
    r.sweepValues()
        .forEach(
            (k, v) ->
                label.append(label.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return label.toString();
  }
}
