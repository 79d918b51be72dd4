package org.overlaysim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overlaysim.gui.run.RunAction;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.RunResults.ArpEntry;
import org.overlaysim.gui.run.RunResults.FdbEntry;
import org.overlaysim.gui.run.RunResults.FlowResult;
import org.overlaysim.gui.run.RunResults.LinkUtilization;
import org.overlaysim.gui.run.RunResults.ReachabilityCell;
import org.overlaysim.gui.run.RunResults.VtepTables;
import org.overlaysim.report.LinkTimeline;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.report.ReportRows.ThroughputRow;
import org.overlaysim.report.RunReport;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.report.ScenarioRunner.DetailedRun;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioSet;

/**
 * Runs a scenario for the visualizer and hands it what it shows: the model's reports module does
 * the run, this class only translates (the GUI never drives the model).
 */
final class GuiResults {
  /** Utilization is replayed in this many slices of the run. */
  static final int BINS = 100;

  private GuiResults() {}

  /** The visualizer's Run button: the first run of the file (its base point). */
  static RunAction runner() {
    return (set, progress) -> {
      try {
        return of(run(set, progress::done));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  static DetailedRun run(ScenarioSet set, ScenarioRunner.BinProgress progress)
      throws java.io.IOException, InterruptedException {
    Run run = set.runs().get(0);
    java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("overlaysim-gui");
    return ScenarioRunner.runInBins(
        run, scratch, BINS, progress, Runtime.getRuntime().availableProcessors());
  }

  static RunResults of(DetailedRun detailed) {
    RunReport report = detailed.report();
    LinkTimeline timeline = detailed.timeline();
    List<LinkUtilization> links = new ArrayList<>();
    for (LinkTimeline.Series s : timeline.series()) {
      links.add(new LinkUtilization(s.link(), s.utilization(), s.drops()));
    }
    Map<String, Long> drops = new TreeMap<>();
    Map<String, Map<String, Long>> places = new TreeMap<>();
    for (DropRow d : report.drops()) {
      drops.merge(d.reason(), d.packets(), Long::sum);
      places
          .computeIfAbsent(d.where(), w -> new TreeMap<>())
          .merge(d.reason(), d.packets(), Long::sum);
    }
    List<FlowResult> flows = new ArrayList<>();
    for (int i = 0; i < report.latency().size(); i++) {
      LatencyRow l = report.latency().get(i);
      ThroughputRow t = report.throughput().get(i);
      flows.add(
          new FlowResult(
              l.flow(),
              l.kind(),
              l.src(),
              l.dst(),
              detailed.latencyMs().get(i),
              t.goodputBps() / 1e6));
    }
    List<ReachabilityCell> cells = new ArrayList<>();
    for (ReachabilityRow r : report.reachability()) {
      cells.add(
          new ReachabilityCell(
              r.src(), r.dst(), r.protocol(), r.port(), r.result().equals("allowed"), r.reason()));
    }
    Map<String, VtepTables> tables = new TreeMap<>();
    detailed
        .vtepTables()
        .forEach(
            (host, t) ->
                tables.put(
                    host,
                    new VtepTables(
                        t.fdb().stream()
                            .map(e -> new FdbEntry(e.vni(), e.mac(), e.remoteVtep(), e.permanent()))
                            .toList(),
                        t.neighbours().stream()
                            .map(n -> new ArpEntry(n.vni(), n.ip(), n.mac()))
                            .toList())));
    return new RunResults(timeline.binNs(), links, drops, flows, cells, tables, places);
  }
}
