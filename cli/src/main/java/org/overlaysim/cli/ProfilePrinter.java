package org.overlaysim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.RunReport;

/**
 * {@code run --profile}: where the time went, how fast the simulation ran, how much heap it took.
 */
final class ProfilePrinter {
  private ProfilePrinter() {}

  /**
   * @param batchS wall time of building, running, measuring and writing every run
   */
  static void print(PrintWriter out, double loadS, double batchS, List<RunReport> reports) {
    out.printf(Locale.ROOT, "%nprofile: loading and validating %.3f s%n", loadS);
    double simulatedS = 0;
    for (RunReport r : reports) {
      simulatedS += r.timings().buildS() + r.timings().runS();
      double runS = r.timings().runS();
      long linkPackets = r.links().stream().mapToLong(LinkRow::packets).sum();
      out.printf(
          Locale.ROOT,
          "  %s: build %.3f s, run %.3f s; %s events/s, %s packets delivered/s,"
              + " %s link transmissions/s%n",
          r.runId(),
          r.timings().buildS(),
          runS,
          rate(r.events(), runS),
          rate(r.packetsDelivered(), runS),
          rate(linkPackets, runS));
    }
    // Statistics, CSV and pcap files; runs resumed from an earlier --out count here too.
    out.printf(
        Locale.ROOT, "  statistics and report files %.3f s%n", Math.max(0, batchS - simulatedS));
    out.printf(Locale.ROOT, "  peak heap %.1f MiB%n", peakHeapBytes() / (1024.0 * 1024.0));
  }

  private static String rate(long count, double seconds) {
    return seconds > 0 ? String.format(Locale.ROOT, "%,.0f", count / seconds) : "-";
  }

  /** The sum of the heap pools' peaks since the JVM started (what -Xmx must accommodate). */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
