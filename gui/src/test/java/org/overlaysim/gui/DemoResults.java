package org.overlaysim.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.RunResults.ArpEntry;
import org.overlaysim.gui.run.RunResults.FdbEntry;
import org.overlaysim.gui.run.RunResults.FlowResult;
import org.overlaysim.gui.run.RunResults.LinkUtilization;
import org.overlaysim.gui.run.RunResults.ReachabilityCell;
import org.overlaysim.gui.run.RunResults.VtepTables;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.TrafficSpec;

/**
 * Made-up but plausible results for a scenario, until the data plane delivers real ones: smooth
 * utilization waves, a few drops, latency samples, reachability by overlay membership, and VTEP
 * tables as a static control plane would push them.
 */
final class DemoResults {
  static final int BINS = 20;

  private DemoResults() {}

  static RunResults forScenarioFile(Path file) throws Exception {
    return forScenario(ScenarioLoader.load(file).base());
  }

  static RunResults forScenario(Scenario s) {
    List<LinkUtilization> links = new ArrayList<>();
    int li = 0;
    for (LinkSpec l : s.underlay().links()) {
      double[] u = new double[BINS];
      long[] drops = new long[BINS];
      for (int b = 0; b < BINS; b++) {
        u[b] = Math.min(1, 0.05 + 0.9 * Math.abs(Math.sin(0.35 * b + 1.3 * li)));
        drops[b] = u[b] > 0.9 ? Math.round(100 * (u[b] - 0.9)) : 0;
      }
      links.add(new LinkUtilization(l.name(), u, drops));
      li++;
    }
    List<FlowResult> flows = new ArrayList<>();
    int fi = 0;
    for (TrafficSpec t : s.traffic()) {
      if (t.kind().equals("probe")) {
        continue;
      }
      double[] samples = new double[100];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = 10 + 5 * fi + 2 * Math.abs(Math.sin(i * 0.7));
      }
      flows.add(new FlowResult(t.name(), t.kind(), "a", "b", samples, 50 + 20 * fi));
      fi++;
    }
    List<ReachabilityCell> cells = new ArrayList<>();
    for (Container a : s.containers()) {
      for (Container b : s.containers()) {
        if (a != b && cells.size() < 5000) {
          boolean same = a.overlay().equals(b.overlay());
          cells.add(
              new ReachabilityCell(
                  a.name(), b.name(), "TCP", 80, same, same ? "" : "vni-mismatch"));
        }
      }
    }
    Map<String, VtepTables> tables = new LinkedHashMap<>();
    for (Host h : s.hosts()) {
      List<FdbEntry> fdb = new ArrayList<>();
      List<ArpEntry> arp = new ArrayList<>();
      for (Container c : s.containers()) {
        if (!c.host().equals(h.name())) {
          Overlay o =
              s.overlays().stream()
                  .filter(x -> x.name().equals(c.overlay()))
                  .findFirst()
                  .orElseThrow();
          String vtep =
              s.hosts().stream()
                  .filter(x -> x.name().equals(c.host()))
                  .findFirst()
                  .orElseThrow()
                  .ip()
                  .toString();
          fdb.add(new FdbEntry(o.vni(), c.mac().toString(), vtep, true));
          arp.add(new ArpEntry(o.vni(), c.ip().toString(), c.mac().toString()));
        }
      }
      tables.put(h.name(), new VtepTables(fdb, arp));
    }
    return new RunResults(
        s.durationNs() / BINS,
        links,
        Map.of("queue-full", 12L, "policy-deny", 30L),
        flows,
        cells,
        tables);
  }
}
