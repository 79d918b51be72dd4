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
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.report.LatencyStats;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.report.RunReport;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;

/**
 * Writes an emulation's observations as the simulator's report files (scenario-format.md): summary,
 * latency, drops, links, overlays (through {@link ReportFiles}), plus {@code reachability.csv} and
 * {@code emulation.csv} (notes: where the latency comes from, what was not emulated).
 * throughput.csv has its header only: the emulation sends no bulk traffic.
 */
public final class EmulationReports {
  public static final String REACHABILITY = "reachability.csv";
  public static final String NOTES = "emulation.csv";

  private EmulationReports() {}

  public static void write(Path dir, EmulationResult result) throws IOException {
    Files.createDirectories(dir);
    Run run = result.run();
    ReportFiles.write(dir, List.of(runReport(result)));
    StringBuilder notes = new StringBuilder("run,key,value\n");
    for (Map.Entry<String, String> note : result.notes().entrySet()) {
      notes.append(cells(run.id(), note.getKey(), note.getValue()));
    }
    ReportFiles.writeAtomically(dir.resolve(NOTES), notes.toString());
  }

  static RunReport runReport(EmulationResult result) {
    Run run = result.run();
    Scenario scenario = run.scenario();
    List<LatencyRow> latency = new ArrayList<>();
    long sent = 0;
    long delivered = 0;
    for (PingResult ping : result.pings()) {
      LatencyStats stats =
          new LatencyStats(
              LatencyStats.DEFAULT_CAPACITY,
              new RandomStreams(run.seed(), run.replication()).stream("emulation/" + ping.flow()));
      ping.rttNs().forEach(stats::add);
      latency.add(
          new LatencyRow(
              ping.flow(),
              "ping",
              ping.src(),
              ping.dst(),
              site(scenario, ping.src()),
              site(scenario, ping.dst()),
              stats.summary()));
      sent += ping.transmitted();
      delivered += ping.received();
    }
    long probesAllowed = result.probes().stream().filter(ProbeObservation::allowed).count();
    sent += result.probes().size();
    delivered += probesAllowed;
    return new RunReport(
        run.id(),
        scenario.name(),
        run.seed(),
        run.replication(),
        run.sweepValues(),
        0,
        result.trafficSeconds(),
        result.wallSeconds(),
        sent,
        delivered,
        sent - delivered,
        latency,
        List.of(),
        result.drops(),
        result.links(),
        result.overlays(),
        result.probes().stream()
            .map(
                p ->
                    new ReachabilityRow(
                        p.src(), p.dst(), p.protocol().name(), p.port(), p.result(), p.detail()))
            .toList());
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
    StringBuilder csv = new StringBuilder("run,src,dst,protocol,port,result,reason\n");
    for (ProbeObservation p : probes) {
      csv.append(
          cells(
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

  static String cells(String... cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells[i];
      boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
      line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
    }
    return line.append('\n').toString();
  }
}
