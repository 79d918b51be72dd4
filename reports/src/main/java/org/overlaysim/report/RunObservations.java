package org.overlaysim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overlaysim.engine.RandomStream;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.scenario.TimedEvent;
import org.overlaysim.topology.DropReason;

/**
 * Collects a run's measurements as the model reports them. Keyed lookups use hash maps for speed;
 * every read-out is sorted, so the reports never depend on hash order.
 */
public final class RunObservations implements NetworkObserver {
  private final Simulator simulator;
  private final String streamSuffix; // a partition's reservoirs draw from streams of their own
  private final FlowMeasurements[] flows;
  private final FlowMeasurements noFlow;
  private final Map<DropKey, long[]> drops = new HashMap<>();
  private final Map<String, long[]> overlayTraffic = new HashMap<>();
  private final List<ProbeOutcome> probes = new ArrayList<>();
  private EventOutcomes events; // null without scenario events: they cost nothing then

  /** One reachability probe as the packets decided it. */
  public record ProbeOutcome(
      int flow,
      String src,
      String dst,
      String protocol,
      int port,
      boolean allowed,
      String reason) {}

  /** A place and a reason of drops.csv. */
  public record DropKey(String where, DropReason reason) {}

  public RunObservations(Simulator simulator, RandomStreams streams, int flowCount) {
    this(simulator, streams, flowCount, "");
  }

  /**
   * The observations of one partition of a run ({@code partition} of them): their reservoirs draw
   * from streams of their own, {@link #merged} joins them.
   */
  public RunObservations(Simulator simulator, RandomStreams streams, int flowCount, int partition) {
    this(simulator, streams, flowCount, "/partition-" + partition);
  }

  private RunObservations(
      Simulator simulator, RandomStreams streams, int flowCount, String streamSuffix) {
    this.simulator = simulator;
    this.streamSuffix = streamSuffix;
    this.flows = new FlowMeasurements[flowCount];
    this.noFlow =
        new FlowMeasurements(streams.stream("report/latency-reservoir/none" + streamSuffix));
    for (int i = 0; i < flowCount; i++) {
      flows[i] =
          new FlowMeasurements(streams.stream("report/latency-reservoir/" + i + streamSuffix));
    }
  }

  private RunObservations(Simulator simulator, FlowMeasurements[] flows) {
    this.simulator = simulator;
    this.streamSuffix = "";
    this.flows = flows;
    this.noFlow = null;
  }

  /**
   * What the partitions of a run observed, together (the partitions' own when there is one): sums
   * of counts, drops and overlay traffic, every probe, and each flow's measurements merged ({@link
   * FlowMeasurements#merged}, reservoirs drawn from {@code report/latency-reservoir/<flow>}).
   * Read-only: for the reports, after the run.
   */
  public static RunObservations merged(List<RunObservations> parts, RandomStreams streams) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int flowCount = parts.get(0).flows.length;
    FlowMeasurements[] flows = new FlowMeasurements[flowCount];
    for (int i = 0; i < flowCount; i++) {
      List<FlowMeasurements> ofFlow = new ArrayList<>();
      for (RunObservations p : parts) {
        ofFlow.add(p.flows[i]);
      }
      flows[i] = FlowMeasurements.merged(ofFlow, streams.stream("report/latency-reservoir/" + i));
    }
    RunObservations all = new RunObservations(parts.get(0).simulator, flows);
    for (RunObservations p : parts) {
      p.drops.forEach(
          (key, counts) -> {
            long[] sum = all.drops.computeIfAbsent(key, k -> new long[2]);
            sum[0] += counts[0];
            sum[1] += counts[1];
          });
      p.overlayTraffic.forEach(
          (overlay, counts) -> {
            long[] sum = all.overlayTraffic.computeIfAbsent(overlay, k -> new long[4]);
            for (int k = 0; k < 4; k++) {
              sum[k] += counts[k];
            }
          });
      all.probes.addAll(p.probes);
    }
    return all;
  }

  /**
   * The flow's measurements; traffic of no flow (ARP, control plane: flow -1) goes to a sink that
   * no report reads, since it counts only where it is dropped.
   */
  private FlowMeasurements of(int flow) {
    return flow >= 0 ? flows[flow] : noFlow;
  }

  FlowMeasurements flow(int index) {
    return flows[index];
  }

  int flowCount() {
    return flows.length;
  }

  @Override
  public void packetSent(int flow, int ipBytes) {
    FlowMeasurements f = of(flow);
    f.packetsSent++;
    if (f.firstSentNs < 0) {
      f.firstSentNs = simulator.nowNs();
    }
  }

  @Override
  public void packetDelivered(int flow, int ipBytes) {
    FlowMeasurements f = of(flow);
    f.packetsDelivered++;
    f.lastDeliveredNs = simulator.nowNs();
  }

  /** From now on, also keeps what each of {@code scenarioEvents} did (events.csv). */
  void trackEvents(List<TimedEvent> scenarioEvents) {
    events = new EventOutcomes(scenarioEvents, flows.length);
  }

  @Override
  public void eventApplied(int event) {
    if (events != null) {
      events.applied(event);
    }
  }

  @Override
  public void rerouted(int event, int changedEntries) {
    if (events != null) {
      events.rerouted(event, changedEntries);
    }
  }

  /** events.csv's rows; none when the events are not tracked. */
  List<ReportRows.EventRow> events() {
    return events == null ? List.of() : events.rows();
  }

  @Override
  public void latencySample(int flow, long latencyNs) {
    of(flow).latency.add(latencyNs);
    if (intervalLatency != null && flow >= 0) {
      intervalLatency[flow].add(latencyNs);
    }
  }

  /** Samples retained per flow and interval of timeseries.csv (a reservoir beyond). */
  static final int INTERVAL_SAMPLES = 1 << 16;

  private LatencyStats[] intervalLatency;
  private RandomStream[] intervalStreams;

  /** From now on, also keeps each flow's latency samples per interval (timeseries.csv). */
  void keepIntervalLatency(RandomStreams streams) {
    intervalStreams = new RandomStream[flows.length];
    intervalLatency = new LatencyStats[flows.length];
    for (int i = 0; i < flows.length; i++) {
      intervalStreams[i] = streams.stream("report/timeseries-reservoir/" + i + streamSuffix);
      intervalLatency[i] = new LatencyStats(INTERVAL_SAMPLES, intervalStreams[i]);
    }
  }

  /** The flow's latency over the interval that ends now; the next one starts empty. */
  LatencySummary closeInterval(int flow) {
    return closeIntervalStats(flow).summary();
  }

  /**
   * The flow's latency over the interval that ends now in all {@code parts} of a run together
   * (merged by {@link LatencyStats#merged}, drawing from {@code merging} when the samples exceed
   * the interval's reservoir); each part's next interval starts empty.
   */
  static LatencySummary closeInterval(List<RunObservations> parts, int flow, RandomStream merging) {
    if (parts.size() == 1) {
      return parts.get(0).closeInterval(flow);
    }
    List<LatencyStats> closed = new ArrayList<>();
    for (RunObservations p : parts) {
      closed.add(p.closeIntervalStats(flow));
    }
    return LatencyStats.merged(closed, INTERVAL_SAMPLES, merging).summary();
  }

  private LatencyStats closeIntervalStats(int flow) {
    LatencyStats closed = intervalLatency[flow];
    intervalLatency[flow] = new LatencyStats(INTERVAL_SAMPLES, intervalStreams[flow]);
    return closed;
  }

  @Override
  public void payloadDelivered(int flow, long payloadBytes) {
    of(flow).payloadDelivered(payloadBytes, simulator.nowNs());
    if (events != null) {
      events.delivered(flow, simulator.nowNs());
    }
  }

  @Override
  public void wireBytes(int flow, long bytes) {
    of(flow).wireBytes += bytes;
  }

  @Override
  public void fragmented(int flow, int fragments) {
    of(flow).fragments += fragments;
  }

  @Override
  public void retransmitted(int flow) {
    of(flow).retransmissions++;
  }

  @Override
  public void retransmissionTimeout(int flow) {
    of(flow).timeouts++;
  }

  @Override
  public void dropped(int flow, String where, DropReason reason, int ipBytes) {
    long[] counts = drops.computeIfAbsent(new DropKey(where, reason), k -> new long[2]);
    counts[0]++;
    counts[1] += ipBytes;
    if (events != null) {
      events.dropped(flow, reason, simulator.nowNs());
    }
  }

  @Override
  public void probeResult(
      int flow, String src, String dst, String protocol, int port, boolean allowed, String reason) {
    probes.add(new ProbeOutcome(flow, src, dst, protocol, port, allowed, reason));
  }

  /** Every probe result, in the order the probes finished. */
  public List<ProbeOutcome> probes() {
    return List.copyOf(probes);
  }

  @Override
  public void bumFrame(String overlay, int outerIpBytes) {
    long[] counts = overlayTraffic.computeIfAbsent(overlay, k -> new long[4]);
    counts[0]++;
    counts[1] += outerIpBytes;
  }

  @Override
  public void controlFrame(String overlay, int outerIpBytes) {
    long[] counts = overlayTraffic.computeIfAbsent(overlay, k -> new long[4]);
    counts[2]++;
    counts[3] += outerIpBytes;
  }

  /** Drops by place and reason, sorted by place then reason: {packets, bytes}. */
  public Map<DropKey, long[]> drops() {
    TreeMap<DropKey, long[]> sorted =
        new TreeMap<>(
            Comparator.comparing(DropKey::where).thenComparing(k -> k.reason().reportName()));
    sorted.putAll(drops);
    return sorted;
  }

  /** BUM and control traffic of an overlay: {bum frames, bum bytes, control frames, bytes}. */
  public long[] overlayTraffic(String overlay) {
    return overlayTraffic.getOrDefault(overlay, new long[4]).clone();
  }

  /** Total packets dropped, over every place and reason. */
  public long packetsDropped() {
    long total = 0;
    for (long[] counts : drops.values()) {
      total += counts[0];
    }
    return total;
  }

  List<FlowMeasurements> flows() {
    return new ArrayList<>(List.of(flows));
  }
}
