package org.overlaysim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import org.overlaysim.engine.PartitionedSimulator;
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
      partitions(out, r);
    }
    // Statistics, CSV and pcap files; runs resumed from an earlier --out count here too.
    out.printf(
        Locale.ROOT, "  statistics and report files %.3f s%n", Math.max(0, batchS - simulatedS));
    out.printf(Locale.ROOT, "  peak heap %.1f MiB%n", peakHeapBytes() / (1024.0 * 1024.0));
  }

  /**
   * How the run was cut and how its threads spent the time: per partition its steps (runs up to a
   * safe time), events and busy seconds, and the threads' idle seconds, waiting for a partition
   * that may run.
   */
  private static void partitions(PrintWriter out, RunReport r) {
    PartitionedSimulator.Profile p = r.timings().partitions();
    if (p == null) {
      return;
    }
    if (p.partitions().size() == 1) {
      out.printf(
          Locale.ROOT,
          "    one partition%s%n",
          r.timings().wholeBecause() == null
              ? ": no router-to-router link of 100 us or more cuts it"
              : ", not cut as " + r.timings().wholeBecause());
      return;
    }
    out.printf(
        Locale.ROOT,
        "    %d partitions on %d threads; threads idle %.3f s in all%n",
        p.partitions().size(),
        p.threads(),
        p.idleSeconds());
    for (PartitionedSimulator.PartitionProfile part : p.partitions()) {
      out.printf(
          Locale.ROOT,
          "    partition %d: %,d steps, %,d events, busy %.3f s%n",
          part.partition(),
          part.steps(),
          part.events(),
          part.busySeconds());
    }
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
