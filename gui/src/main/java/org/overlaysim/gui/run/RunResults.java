package org.overlaysim.gui.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the visualizer shows of a finished run. The GUI never drives the model: a {@link RunAction}
 * (or the CLI) fills this in from the run's observations.
 *
 * @param binNs width of one utilization time bin; bin {@code i} covers {@code [i*binNs,
 *     (i+1)*binNs)}
 * @param links utilization per underlay link, in scenario link order
 * @param dropsByReason packets dropped, by report name ({@code queue-full}, {@code policy-deny}...)
 * @param flows one entry per traffic flow, in scenario order
 * @param reachability probe results, one cell per ordered pair and port
 * @param vtepTables each host's VTEP tables at the end of the run, by host name
 * @param dropsByPlace packets dropped over the run by where they were dropped (drops.csv's {@code
 *     where}: a link direction {@code a->b}, {@code host/bridge}, {@code host/vtep}, a router...),
 *     then by reason
 */
public record RunResults(
    long binNs,
    List<LinkUtilization> links,
    Map<String, Long> dropsByReason,
    List<FlowResult> flows,
    List<ReachabilityCell> reachability,
    Map<String, VtepTables> vtepTables,
    Map<String, Map<String, Long>> dropsByPlace) {

  /** Results that do not say where packets were dropped. */
  public RunResults(
      long binNs,
      List<LinkUtilization> links,
      Map<String, Long> dropsByReason,
      List<FlowResult> flows,
      List<ReachabilityCell> reachability,
      Map<String, VtepTables> vtepTables) {
    this(binNs, links, dropsByReason, flows, reachability, vtepTables, Map.of());
  }

  public RunResults {
    if (binNs <= 0) {
      throw new IllegalArgumentException("binNs must be positive: " + binNs);
    }
    links = List.copyOf(links);
    dropsByReason = Collections.unmodifiableMap(new TreeMap<>(dropsByReason));
    flows = List.copyOf(flows);
    reachability = List.copyOf(reachability);
    vtepTables = Collections.unmodifiableMap(new TreeMap<>(vtepTables));
    Map<String, Map<String, Long>> places = new TreeMap<>();
    dropsByPlace.forEach((k, v) -> places.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    dropsByPlace = Collections.unmodifiableMap(places);
  }

  /** Results with nothing in them but the bin width (a run that observed nothing). */
  public static RunResults empty(long binNs) {
    return new RunResults(binNs, List.of(), Map.of(), List.of(), List.of(), Map.of());
  }

  /** Number of time bins: the longest utilization series. */
  public int binCount() {
    int bins = 0;
    for (LinkUtilization link : links) {
      bins = Math.max(bins, link.bins());
    }
    return bins;
  }

  public Optional<LinkUtilization> link(String name) {
    for (LinkUtilization link : links) {
      if (link.link().equals(name)) {
        return Optional.of(link);
      }
    }
    return Optional.empty();
  }

  /**
   * Utilization and drops of one underlay link over time, both directions together per bin (a map
   * draws one line per link): the busier direction's utilization, the drops of both.
   *
   * @param perBin fraction of the bin the wire was busy, each in [0, 1]
   * @param dropsPerBin packets dropped on the link in each bin (queue-full, link-loss,
   *     mtu-exceeded); may be shorter than {@code perBin}, or empty when not observed
   */
  public record LinkUtilization(String link, double[] perBin, long[] dropsPerBin) {
    public LinkUtilization {
      Objects.requireNonNull(link, "link");
      perBin = perBin.clone();
      dropsPerBin = dropsPerBin.clone();
      for (double u : perBin) {
        if (!(u >= 0 && u <= 1)) {
          throw new IllegalArgumentException("utilization outside [0,1] on " + link + ": " + u);
        }
      }
      for (long d : dropsPerBin) {
        if (d < 0) {
          throw new IllegalArgumentException("negative drops on " + link + ": " + d);
        }
      }
    }

    /** A link whose drops were not observed per bin. */
    public LinkUtilization(String link, double[] perBin) {
      this(link, perBin, new long[0]);
    }

    public int bins() {
      return Math.max(perBin.length, dropsPerBin.length);
    }

    /** Utilization in {@code bin}; 0 past the end of the series (the link was idle). */
    public double at(int bin) {
      return bin >= 0 && bin < perBin.length ? perBin[bin] : 0;
    }

    /** Drops in {@code bin}; 0 past the end of the series. */
    public long dropsAt(int bin) {
      return bin >= 0 && bin < dropsPerBin.length ? dropsPerBin[bin] : 0;
    }

    /** Highest utilization over the run. */
    public double peak() {
      double peak = 0;
      for (double u : perBin) {
        peak = Math.max(peak, u);
      }
      return peak;
    }

    /** Drops over the whole run. */
    public long totalDrops() {
      long total = 0;
      for (long d : dropsPerBin) {
        total += d;
      }
      return total;
    }

    @Override
    public double[] perBin() {
      return perBin.clone();
    }

    @Override
    public long[] dropsPerBin() {
      return dropsPerBin.clone();
    }
  }

  /**
   * One traffic flow's measurements.
   *
   * @param latencyMs the flow's latency samples in milliseconds (RTT for ping, one-way for udp and
   *     tcp), in any order
   * @param goodputMbps application bytes delivered per second of the flow's activity
   */
  public record FlowResult(
      String flow, String kind, String src, String dst, double[] latencyMs, double goodputMbps) {
    public FlowResult {
      Objects.requireNonNull(flow, "flow");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(src, "src");
      Objects.requireNonNull(dst, "dst");
      latencyMs = latencyMs.clone();
      if (!(goodputMbps >= 0)) {
        throw new IllegalArgumentException("goodput must be non-negative: " + goodputMbps);
      }
    }

    @Override
    public double[] latencyMs() {
      return latencyMs.clone();
    }
  }

  /**
   * One reachability probe: whether a new connection from {@code src} to {@code dst} on {@code
   * protocol}/{@code port} got through and its reply came back.
   *
   * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
   * @param reason what decided it: the allowing or denying policy's name, or a drop reason such as
   *     {@code vni-mismatch}; empty when nothing in particular decided
   */
  public record ReachabilityCell(
      String src, String dst, String protocol, int port, boolean allowed, String reason) {
    public ReachabilityCell {
      Objects.requireNonNull(src, "src");
      Objects.requireNonNull(dst, "dst");
      Objects.requireNonNull(protocol, "protocol");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port outside 0..65535: " + port);
      }
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A host VTEP's forwarding database and ARP (neighbour) table. */
  public record VtepTables(List<FdbEntry> fdb, List<ArpEntry> arp) {
    public VtepTables {
      fdb = List.copyOf(fdb);
      arp = List.copyOf(arp);
    }
  }

  /**
   * A forwarding entry: inner MAC to remote VTEP; the all-zeros MAC is a flooding (head-end
   * replication) entry, as in {@code bridge fdb show}.
   */
  public record FdbEntry(int vni, String mac, String remoteVtep, boolean permanent) {
    public FdbEntry {
      Objects.requireNonNull(mac, "mac");
      Objects.requireNonNull(remoteVtep, "remoteVtep");
    }
  }

  /** A neighbour entry: inner IP to inner MAC, per VNI. */
  public record ArpEntry(int vni, String ip, String mac) {
    public ArpEntry {
      Objects.requireNonNull(ip, "ip");
      Objects.requireNonNull(mac, "mac");
    }
  }
}
