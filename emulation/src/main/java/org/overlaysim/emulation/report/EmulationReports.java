package org.overlaysim.emulation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.overlaysim.emulation.EmulationResult;
import org.overlaysim.emulation.PingResult;
import org.overlaysim.emulation.ProbeObservation;
import org.overlaysim.emulation.TcpResult;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.report.Csv;
import org.overlaysim.report.LatencyStats;
import org.overlaysim.report.LatencySummary;
import org.overlaysim.report.ReportColumns;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.ReportRows.OverlayRow;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;

/**
 * Writes an emulation's observations as the simulator's report files (scenario-format.md): summary,
 * latency, drops, links, overlays (through {@link ReportFiles}), plus {@code reachability.csv} and
 * {@code emulation.csv} (notes: where the latency comes from, what was not emulated).
 * throughput.csv has a row per {@code tcp} flow (the kernel's goodput and retransmissions); its
 * packets_delivered is left empty (no kernel counter tells one connection's delivered segments); an
 * extra column, timeouts, counts the senders' retransmission timeouts.
 */
public final class EmulationReports {
  public static final String NOTES = "emulation.csv";

  private EmulationReports() {}

  public static void write(Path dir, EmulationResult result) throws IOException {
    Files.createDirectories(dir);
    Run run = result.run();
    String id = run.id();
    Scenario scenario = run.scenario();
    // Written here rather than through RunReport, whose shape follows the simulator's needs;
    // the columns are those of scenario-format.md, in its order.
    StringBuilder latency = new StringBuilder(ReportColumns.header(ReportColumns.LATENCY));
    long sent = 0;
    long delivered = 0;
    for (PingResult ping : result.pings()) {
      LatencyStats stats =
          new LatencyStats(
              LatencyStats.DEFAULT_CAPACITY,
              new RandomStreams(run.seed(), run.replication()).stream("emulation/" + ping.flow()));
      ping.rttNs().forEach(stats::add);
      latency.append(
          Csv.line(
              concat(
                  List.of(
                      id,
                      ping.flow(),
                      "ping",
                      ping.src(),
                      ping.dst(),
                      site(scenario, ping.src()),
                      site(scenario, ping.dst())),
                  stats.summary().cells())));
      sent += ping.transmitted();
      delivered += ping.received();
    }
    StringBuilder throughput = new StringBuilder(ReportColumns.header(ReportColumns.THROUGHPUT));
    for (TcpResult tcp : result.tcp()) {
      // A tcp flow's one-way delays are not measured: its latency row has no sample.
      latency.append(
          Csv.line(
              concat(
                  List.of(
                      id,
                      tcp.flow(),
                      "tcp",
                      tcp.src(),
                      tcp.dst(),
                      site(scenario, tcp.src()),
                      site(scenario, tcp.dst())),
                  LatencySummary.EMPTY.cells())));
      throughput.append(
          Csv.line(
              id,
              tcp.flow(),
              Long.toString(tcp.payloadBytes()),
              Long.toString(tcp.wireBytes()),
              Csv.decimal(
                  tcp.payloadBytes() == 0
                      ? Double.NaN
                      : (double) tcp.wireBytes() / tcp.payloadBytes()),
              Csv.decimal(tcp.goodputBps() / 1e6),
              "0",
              Long.toString(tcp.segmentsSent()),
              "",
              Long.toString(tcp.retransmissions()),
              Long.toString(tcp.timeouts()),
              Csv.decimal(tcp.stalledNs() / 1e9)));
    }
    long allowed = result.probes().stream().filter(ProbeObservation::allowed).count();
    sent += result.probes().size();
    delivered += allowed;
    StringBuilder summary =
        new StringBuilder(
            Csv.line(concat(ReportColumns.SUMMARY_RUN, ReportColumns.SUMMARY_COUNTS)));
    summary.append(
        Csv.line(
            id,
            scenario.name(),
            Long.toUnsignedString(run.seed()),
            Integer.toString(run.replication()),
            "0",
            Csv.decimal(result.trafficSeconds()),
            Csv.decimal(result.wallSeconds()),
            Long.toString(sent),
            Long.toString(delivered),
            Long.toString(sent - delivered)));
    StringBuilder drops = new StringBuilder(ReportColumns.header(ReportColumns.DROPS));
    for (DropRow d : result.drops()) {
      drops.append(
          Csv.line(
              id, d.where(), d.reason(), Long.toString(d.packets()), Long.toString(d.bytes())));
    }
    StringBuilder links = new StringBuilder(ReportColumns.header(ReportColumns.LINKS));
    for (LinkRow l : result.links()) {
      links.append(
          Csv.line(
              id,
              l.link(),
              l.direction(),
              Long.toString(l.bytes()),
              Long.toString(l.packets()),
              Csv.decimal(l.utilization()),
              Long.toString(l.drops()),
              Csv.decimal(l.delayMs()),
              l.delaySource()));
    }
    StringBuilder overlays = new StringBuilder(ReportColumns.header(ReportColumns.OVERLAYS));
    for (OverlayRow o : result.overlays()) {
      overlays.append(
          Csv.line(
              id,
              o.overlay(),
              Integer.toString(o.vni()),
              o.encapsulation(),
              o.controlPlane(),
              Long.toString(o.bumFrames()),
              Long.toString(o.bumBytes()),
              Long.toString(o.controlFrames()),
              Long.toString(o.controlBytes()),
              Long.toString(o.fdbEntries())));
    }
    StringBuilder notes = new StringBuilder(Csv.line("run", "key", "value"));
    for (Map.Entry<String, String> note : result.notes().entrySet()) {
      notes.append(Csv.line(id, note.getKey(), note.getValue()));
    }
    ReportFiles.writeAtomically(dir.resolve(ReportFiles.SUMMARY), summary.toString());
    ReportFiles.writeAtomically(dir.resolve(ReportFiles.LATENCY), latency.toString());
    ReportFiles.writeAtomically(dir.resolve(ReportFiles.THROUGHPUT), throughput.toString());
    ReportFiles.writeAtomically(dir.resolve(ReportFiles.DROPS), drops.toString());
    ReportFiles.writeAtomically(dir.resolve(ReportFiles.LINKS), links.toString());
    ReportFiles.writeAtomically(dir.resolve(ReportFiles.OVERLAYS), overlays.toString());
    ReportFiles.writeAtomically(
        dir.resolve(ReportFiles.REACHABILITY), reachability(id, result.probes()));
    ReportFiles.writeAtomically(dir.resolve(NOTES), notes.toString());
  }

  /** The site of a container or group's containers, as the simulator writes it. */
  private static String site(Scenario scenario, String ref) {
    List<String> sites = new ArrayList<>();
    for (Container c : scenario.containers()) {
      if (c.name().equals(ref) || c.group().equals(ref)) {
        for (Host h : scenario.hosts()) {
          if (h.name().equals(c.host()) && !sites.contains(h.site())) {
            sites.add(h.site());
          }
        }
      }
    }
    return String.join("|", sites);
  }

  public static String reachability(String runId, List<ProbeObservation> probes) {
    StringBuilder csv = new StringBuilder(ReportColumns.header(ReportColumns.REACHABILITY));
    for (ProbeObservation p : probes) {
      csv.append(
          Csv.line(
              runId,
              p.src(),
              p.dst(),
              p.protocol().name(),
              Integer.toString(p.port()),
              p.result(),
              p.detail()));
    }
    return csv.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
