package org.overlaysim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the report files (docs/scenario-format.md), named once for the simulator's reports
 * ({@link ReportFiles}) and the emulator's, which write the same files. Every per-run table starts
 * with a {@code run} column before these.
 */
public final class ReportColumns {
  /** summary.csv before the sweep keys. */
  public static final List<String> SUMMARY_RUN = List.of("run", "scenario", "seed", "replication");

  /** summary.csv after the sweep keys. */
  public static final List<String> SUMMARY_COUNTS =
      List.of(
          "events",
          "sim_time_s",
          "wall_time_s",
          "packets_sent",
          "packets_delivered",
          "packets_dropped");

  public static final List<String> LATENCY =
      List.of(
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
          "stddev_ms");

  public static final List<String> THROUGHPUT =
      List.of(
          "flow",
          "payload_bytes",
          "wire_bytes",
          "overhead_ratio",
          "goodput_mbps",
          "fragments",
          "packets_sent",
          "packets_delivered",
          "retransmissions",
          "timeouts",
          "stalled_s");

  public static final List<String> DROPS = List.of("where", "reason", "packets", "bytes");

  public static final List<String> LINKS =
      List.of(
          "link",
          "direction",
          "bytes",
          "packets",
          "utilization",
          "drops",
          "delay_ms",
          "delay_source");

  /** hosts.csv: written only when an overlay is encrypted. */
  public static final List<String> HOSTS =
      List.of("host", "cores", "crypto_packets", "crypto_bytes", "cpu_busy");

  public static final List<String> OVERLAYS =
      List.of(
          "overlay",
          "vni",
          "encapsulation",
          "control_plane",
          "bum_frames",
          "bum_bytes",
          "control_frames",
          "control_bytes",
          "fdb_entries");

  public static final List<String> REACHABILITY =
      List.of("src", "dst", "protocol", "port", "result", "reason");

  /** tcp.csv: the traced flows' congestion state over time. */
  public static final List<String> TCP_TRACE =
      List.of(
          "flow",
          "time_s",
          "cwnd_bytes",
          "ssthresh_bytes",
          "srtt_ms",
          "rttvar_ms",
          "bytes_in_flight",
          "delivered_bytes",
          "retransmits",
          "state",
          "connection");

  /** events.csv: what each of the scenario's events did. */
  public static final List<String> EVENTS =
      List.of("time_s", "event", "packets_lost", "recovery_s", "routes_changed");

  private ReportColumns() {}

  /** The header line of a per-run table: {@code run}, then {@code columns}. */
  public static String header(List<String> columns) {
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(columns);
    return Csv.line(all);
  }
}
