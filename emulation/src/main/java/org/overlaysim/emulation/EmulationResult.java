package org.overlaysim.emulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.ReportRows.OverlayRow;
import org.overlaysim.scenario.Run;

/**
 * What one emulation observed: ping flows, probes, tcp bulk flows, kernel drop counters, underlay
 * link counters, forwarding entries, and notes on how the emulation differs from the scenario (e.g.
 * no netem).
 */
public record EmulationResult(
    Run run,
    List<PingResult> pings,
    List<ProbeObservation> probes,
    List<TcpResult> tcp,
    List<DropRow> drops,
    List<LinkRow> links,
    List<OverlayRow> overlays,
    Map<String, String> notes,
    double trafficSeconds,
    double wallSeconds) {
  public EmulationResult {
    pings = List.copyOf(pings);
    probes = List.copyOf(probes);
    tcp = List.copyOf(tcp);
    drops = List.copyOf(drops);
    links = List.copyOf(links);
    overlays = List.copyOf(overlays);
    notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
  }
}
