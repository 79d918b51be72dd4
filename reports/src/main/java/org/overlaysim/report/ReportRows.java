package org.overlaysim.report;

/** The rows of the per-run CSV files, one record each, in their column order. */
public final class ReportRows {
  private ReportRows() {}

  /** latency.csv without the run column. */
  public record LatencyRow(
      String flow,
      String kind,
      String src,
      String dst,
      String srcSite,
      String dstSite,
      LatencySummary latency) {}

  /**
   * throughput.csv without the run column; {@code timeouts} and {@code stalledNs} are a tcp flow's
   * retransmission timeouts and the time it delivered nothing for over 100 ms (setup included).
   */
  public record ThroughputRow(
      String flow,
      long payloadBytes,
      long wireBytes,
      double goodputBps,
      long fragments,
      long packetsSent,
      long packetsDelivered,
      long retransmissions,
      long timeouts,
      long stalledNs) {
    /** wire bytes / payload bytes; NaN (an empty cell) when nothing was delivered. */
    public double overheadRatio() {
      return payloadBytes == 0 ? Double.NaN : (double) wireBytes / payloadBytes;
    }
  }

  /**
   * reachability.csv without the run column: one probe, a new connection from {@code src} to {@code
   * dst}'s port; {@code reason} is the deciding rule, e.g. {@code policy-deny} or {@code
   * policy-allow:x/allow-web}.
   */
  public record ReachabilityRow(
      String src, String dst, String protocol, int port, String result, String reason) {}

  /** drops.csv without the run column. */
  public record DropRow(String where, String reason, long packets, long bytes) {}

  /**
   * links.csv without the run column; utilization is busy time / simulated time; the link's one-way
   * delay and where it came from (explicit, model, measured: topology's LinkDelay).
   */
  public record LinkRow(
      String link,
      String direction,
      long bytes,
      long packets,
      double utilization,
      long drops,
      double delayMs,
      String delaySource) {}

  /**
   * hosts.csv without the run column: a host's encryption and decryption work; busy is the share of
   * the simulated time its cores were busy with it.
   */
  public record HostRow(
      String host, int cores, long cryptoPackets, long cryptoBytes, double busy) {}

  /** overlays.csv without the run column. */
  public record OverlayRow(
      String overlay,
      int vni,
      String encapsulation,
      String controlPlane,
      long bumFrames,
      long bumBytes,
      long controlFrames,
      long controlBytes,
      long fdbEntries) {}

  /**
   * tcp.csv without the run column: one sample of one sender, as {@code ss -ti} shows it. The
   * window and threshold are in bytes (segments × full-segment payload); {@code ssthreshBytes} is
   * -1 (an empty cell) before the first loss; {@code state} is Linux's ca_state name; {@code
   * connection} numbers the flow's connections (pairs) from 0.
   */
  public record TcpTraceRow(
      String flow,
      double timeS,
      long cwndBytes,
      long ssthreshBytes,
      double srttMs,
      double rttvarMs,
      long bytesInFlight,
      long deliveredBytes,
      long retransmits,
      String state,
      int connection) {}

  /**
   * events.csv without the run column: one scenario event ({@code link r-a--r-b down}), the packets
   * of the scenario's flows lost to failures until the next event, the time until every flow that
   * lost one delivered again (NaN: not within the run), and the (router, destination) routes
   * changed when the routers converged on it.
   */
  public record EventRow(
      double timeS, String event, long packetsLost, double recoveryS, long routesChanged) {}
}
