package org.overlaysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.overlaysim.report.LatencySummary;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.EventRow;
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
              "  %-12s %-5s %s -> %s: %d samples of %s, mean %.3f ms, p99 %.3f ms%n",
              row.flow(),
              row.kind(),
              row.src(),
              row.dst(),
              l.samples(),
              measured(row.kind()),
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
      for (EventRow e : r.timedEvents()) {
        out.printf(
            Locale.ROOT,
            "  at %.3f s %s: %d packets lost, %s, %d routes changed%n",
            e.timeS(),
            e.event(),
            e.packetsLost(),
            Double.isNaN(e.recoveryS())
                ? "not recovered within the run"
                : String.format(Locale.ROOT, "recovered after %.3f s", e.recoveryS()),
            e.routesChanged());
      }
    }
    out.println("Reports written to " + dir);
  }

  /** What a latency sample of a flow of this kind is (scenario-format.md, latency.csv). */
  static String measured(String kind) {
    return switch (kind) {
      case "ping" -> "RTT";
      case "probe" -> "RTT (connection attempt to reply)";
      case "request-response" -> "response time (request sent to response received)";
      default -> "one-way delay"; // tcp and udp: each packet or segment, sender to receiver
    };
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
