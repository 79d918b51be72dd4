package org.overlaysim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.EventRow;
import org.overlaysim.report.ReportRows.HostRow;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.ReportRows.OverlayRow;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.report.ReportRows.TcpTraceRow;
import org.overlaysim.report.ReportRows.ThroughputRow;

/**
 * Everything one run contributes to the reports. {@code wallTimeS} and {@code timings} are the only
 * figures that depend on the machine (timings are printed by {@code run --profile}, never written
 * to a CSV); every other one is a function of the scenario and its seed. {@code eventTrace} is the
 * fingerprint of the events executed (the engine's {@code EventTrace}, 16 hex digits): printed by
 * {@code run --fingerprint} and kept in {@code report.json}, never in a CSV. {@code timedEvents}
 * are the rows of events.csv: what each of the scenario's {@code events} did.
 */
public record RunReport(
    String runId,
    String scenario,
    long seed,
    int replication,
    Map<String, String> sweepValues,
    long events,
    String eventTrace,
    double simTimeS,
    double wallTimeS,
    long packetsSent,
    long packetsDelivered,
    long packetsDropped,
    List<LatencyRow> latency,
    List<ThroughputRow> throughput,
    List<DropRow> drops,
    List<LinkRow> links,
    List<OverlayRow> overlays,
    List<ReachabilityRow> reachability,
    List<TcpTraceRow> tcpTrace,
    List<HostRow> hosts,
    List<EventRow> timedEvents,
    RunTimings timings) {
  public RunReport {
    sweepValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweepValues));
    latency = List.copyOf(latency);
    throughput = List.copyOf(throughput);
    drops = List.copyOf(drops);
    links = List.copyOf(links);
    overlays = List.copyOf(overlays);
    reachability = List.copyOf(reachability);
    // Reports stored before tcp.csv existed have no trace.
    tcpTrace = tcpTrace == null ? List.of() : List.copyOf(tcpTrace);
    // Reports stored before hosts.csv existed have no hosts.
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
    // Runs without events, and reports stored before events.csv existed, have none.
    timedEvents = timedEvents == null ? List.of() : List.copyOf(timedEvents);
  }
}
