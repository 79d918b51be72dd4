package org.overlaysim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.ReportRows.OverlayRow;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.report.ReportRows.ThroughputRow;

/**
 * Writes the combined CSV reports of scenario-format.md, one row per run (and flow, link, ...), to
 * a directory. Each file is written to a temporary name and renamed into place, so a reader (or a
 * killed run) never sees half a file.
 */
public final class ReportFiles {
  public static final String SUMMARY = "summary.csv";
  public static final String LATENCY = "latency.csv";
  public static final String THROUGHPUT = "throughput.csv";
  public static final String DROPS = "drops.csv";
  public static final String LINKS = "links.csv";
  public static final String OVERLAYS = "overlays.csv";
  public static final String REACHABILITY = "reachability.csv";

  private ReportFiles() {}

  public static void write(Path dir, List<RunReport> runs) throws IOException {
    Files.createDirectories(dir);
    writeAtomically(dir.resolve(SUMMARY), summary(runs));
    writeAtomically(dir.resolve(LATENCY), latency(runs));
    writeAtomically(dir.resolve(THROUGHPUT), throughput(runs));
    writeAtomically(dir.resolve(DROPS), drops(runs));
    writeAtomically(dir.resolve(LINKS), links(runs));
    writeAtomically(dir.resolve(OVERLAYS), overlays(runs));
    writeAtomically(dir.resolve(REACHABILITY), reachability(runs));
  }

  static String summary(List<RunReport> runs) {
    // Sweep keys become columns, in order of first appearance (the same for every run of a file).
    Set<String> sweepKeys = new LinkedHashSet<>();
    runs.forEach(r -> sweepKeys.addAll(r.sweepValues().keySet()));
    List<String> header = new ArrayList<>(List.of("run", "scenario", "seed", "replication"));
    header.addAll(sweepKeys);
    header.addAll(
        List.of(
            "events",
            "sim_time_s",
            "wall_time_s",
            "packets_sent",
            "packets_delivered",
            "packets_dropped"));
    StringBuilder csv = new StringBuilder(Csv.line(header));
    for (RunReport r : runs) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  r.runId(),
                  r.scenario(),
                  Long.toUnsignedString(r.seed()),
                  Integer.toString(r.replication())));
      for (String key : sweepKeys) {
        row.add(r.sweepValues().getOrDefault(key, ""));
      }
      row.addAll(
          List.of(
              Long.toString(r.events()),
              Csv.decimal(r.simTimeS()),
              Csv.decimal(r.wallTimeS()),
              Long.toString(r.packetsSent()),
              Long.toString(r.packetsDelivered()),
              Long.toString(r.packetsDropped())));
      csv.append(Csv.line(row));
    }
    return csv.toString();
  }

  static String latency(List<RunReport> runs) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(
                List.of(
                    "run",
                    "flow",
                    "kind",
                    "src",
                    "dst",
                    "src_site",
                    "dst_site",
                    "samples",
                    "min_ms",
                    "mean_ms",
                    "p50_ms",
                    "p90_ms",
                    "p99_ms",
                    "max_ms",
                    "stddev_ms")));
    for (RunReport r : runs) {
      for (LatencyRow row : r.latency()) {
        LatencySummary l = row.latency();
        csv.append(
            Csv.line(
                List.of(
                    r.runId(),
                    row.flow(),
                    row.kind(),
                    row.src(),
                    row.dst(),
                    row.srcSite(),
                    row.dstSite(),
                    Long.toString(l.samples()),
                    Csv.decimal(l.minMs()),
                    Csv.decimal(l.meanMs()),
                    Csv.decimal(l.p50Ms()),
                    Csv.decimal(l.p90Ms()),
                    Csv.decimal(l.p99Ms()),
                    Csv.decimal(l.maxMs()),
                    Csv.decimal(l.stddevMs()))));
      }
    }
    return csv.toString();
  }

  static String throughput(List<RunReport> runs) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(
                List.of(
                    "run",
                    "flow",
                    "payload_bytes",
                    "wire_bytes",
                    "overhead_ratio",
                    "goodput_mbps",
                    "fragments",
                    "packets_sent",
                    "packets_delivered",
                    "retransmissions")));
    for (RunReport r : runs) {
      for (ThroughputRow row : r.throughput()) {
        csv.append(
            Csv.line(
                List.of(
                    r.runId(),
                    row.flow(),
                    Long.toString(row.payloadBytes()),
                    Long.toString(row.wireBytes()),
                    Csv.decimal(row.overheadRatio()),
                    Csv.decimal(row.goodputBps() / 1e6),
                    Long.toString(row.fragments()),
                    Long.toString(row.packetsSent()),
                    Long.toString(row.packetsDelivered()),
                    Long.toString(row.retransmissions()))));
      }
    }
    return csv.toString();
  }

  static String drops(List<RunReport> runs) {
    StringBuilder csv =
        new StringBuilder(Csv.line(List.of("run", "where", "reason", "packets", "bytes")));
    for (RunReport r : runs) {
      for (DropRow row : r.drops()) {
        csv.append(
            Csv.line(
                List.of(
                    r.runId(),
                    row.where(),
                    row.reason(),
                    Long.toString(row.packets()),
                    Long.toString(row.bytes()))));
      }
    }
    return csv.toString();
  }

  static String links(List<RunReport> runs) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(
                List.of("run", "link", "direction", "bytes", "packets", "utilization", "drops")));
    for (RunReport r : runs) {
      for (LinkRow row : r.links()) {
        csv.append(
            Csv.line(
                List.of(
                    r.runId(),
                    row.link(),
                    row.direction(),
                    Long.toString(row.bytes()),
                    Long.toString(row.packets()),
                    Csv.decimal(row.utilization()),
                    Long.toString(row.drops()))));
      }
    }
    return csv.toString();
  }

  static String overlays(List<RunReport> runs) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(
                List.of(
                    "run",
                    "overlay",
                    "vni",
                    "encapsulation",
                    "control_plane",
                    "bum_frames",
                    "bum_bytes",
                    "control_frames",
                    "control_bytes",
                    "fdb_entries")));
    for (RunReport r : runs) {
      for (OverlayRow row : r.overlays()) {
        csv.append(
            Csv.line(
                List.of(
                    r.runId(),
                    row.overlay(),
                    Integer.toString(row.vni()),
                    row.encapsulation(),
                    row.controlPlane(),
                    Long.toString(row.bumFrames()),
                    Long.toString(row.bumBytes()),
                    Long.toString(row.controlFrames()),
                    Long.toString(row.controlBytes()),
                    Long.toString(row.fdbEntries()))));
      }
    }
    return csv.toString();
  }

  static String reachability(List<RunReport> runs) {
    StringBuilder csv =
        new StringBuilder(
            Csv.line(List.of("run", "src", "dst", "protocol", "port", "result", "reason")));
    for (RunReport r : runs) {
      for (ReachabilityRow row : r.reachability()) {
        csv.append(
            Csv.line(
                List.of(
                    r.runId(),
                    row.src(),
                    row.dst(),
                    row.protocol(),
                    Integer.toString(row.port()),
                    row.result(),
                    row.reason())));
      }
    }
    return csv.toString();
  }

  /** Writes to a temporary file beside {@code target}, then renames it into place. */
  public static void writeAtomically(Path target, String content) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      writer.write(content);
    }
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
