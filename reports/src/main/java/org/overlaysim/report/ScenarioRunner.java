package org.overlaysim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.overlaysim.engine.PartitionedSimulator;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.overlay.VtepTables;
import org.overlaysim.overlay.dataplane.CryptoWork;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.HostRow;
import org.overlaysim.report.ReportRows.LatencyRow;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.ReportRows.OverlayRow;
import org.overlaysim.report.ReportRows.ReachabilityRow;
import org.overlaysim.report.ReportRows.ThroughputRow;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Endpoint;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.RequestResponseTraffic;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TcpTraffic;
import org.overlaysim.scenario.TrafficSpec;
import org.overlaysim.scenario.UdpTraffic;
import org.overlaysim.topology.LinkCounters;
import org.overlaysim.topology.LinkDelay;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayPartitions;

/**
 * Simulates one run: builds the model from the resolved scenario, runs it for the scenario's
 * duration on a fresh {@link Simulator} seeded from the run, and turns what was observed into a
 * {@link RunReport}. Nothing is shared between runs, so runs may execute in parallel threads.
 */
public final class ScenarioRunner {
  /**
   * VTEP tables kept for the visualizer's details pane: a host's only when it lists at most this
   * many entries (more is unreadable in a pane and slow to draw)...
   */
  static final long VTEP_TABLE_ENTRIES_PER_HOST = 50_000;

  /** ...and all hosts' together at most this many (k8s-max's would be billions). */
  static final long VTEP_TABLE_ENTRIES = 2_000_000;

  private ScenarioRunner() {}

  /**
   * Runs {@code run}; captures, if the scenario asks for any, go to {@code runDir}.
   *
   * @throws IOException if a capture file cannot be written
   */
  public static RunReport run(Run run, Path runDir) throws IOException {
    return simulate(run, runDir, null, null, null, 1).report();
  }

  /**
   * Runs {@code run} as {@link #run(Run, Path)} does, its partitions (if the scenario cuts into
   * several) on up to {@code threads} threads: the report is the same for every thread count.
   */
  public static RunReport run(Run run, Path runDir, int threads) throws IOException {
    return simulate(run, runDir, null, null, null, threads).report();
  }

  /** Simulated time is run in this many slices when a run may be stopped, checking between. */
  static final int STOP_CHECKS = 1000;

  /**
   * Runs {@code run} as {@link #run(Run, Path)} does, giving up with {@link InterruptedException}
   * soon after {@code stop} turns true (checked between {@value #STOP_CHECKS} slices of simulated
   * time; the events run are the same as in one go).
   */
  public static RunReport run(Run run, Path runDir, BooleanSupplier stop)
      throws IOException, InterruptedException {
    return run(run, runDir, stop, 1);
  }

  /** As {@link #run(Run, Path, BooleanSupplier)}, on up to {@code threads} threads. */
  public static RunReport run(Run run, Path runDir, BooleanSupplier stop, int threads)
      throws IOException, InterruptedException {
    try {
      return simulate(run, runDir, null, null, stop, threads).report();
    } catch (InterruptedRun e) {
      throw new InterruptedException("run " + run.id() + " stopped");
    }
  }

  /** A run with what a visualizer replays: link timelines and the flows' latency samples. */
  public record DetailedRun(
      RunReport report,
      LinkTimeline timeline,
      List<double[]> latencyMs,
      Map<String, VtepTables.Tables> vtepTables) {}

  /** Told how far a run has come, between bins. */
  @FunctionalInterface
  public interface BinProgress {
    void done(double fraction);
  }

  /**
   * Runs {@code run} bin by bin ({@code bins} equal slices of its duration), sampling the links
   * after each, reporting progress, and stopping with {@link InterruptedException} when the thread
   * is interrupted between bins; a cut run's partitions on up to {@code threads} threads.
   */
  public static DetailedRun runInBins(
      Run run, Path runDir, int bins, BinProgress progress, int threads)
      throws IOException, InterruptedException {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be positive: " + bins);
    }
    long binNs = Math.max(1, run.scenario().durationNs() / bins);
    LinkTimeline timeline = new LinkTimeline(binNs);
    try {
      return simulate(run, runDir, timeline, progress, null, threads);
    } catch (InterruptedRun e) {
      throw new InterruptedException("run " + run.id() + " cancelled");
    }
  }

  /** Unchecked carrier of an interruption out of the simulation loop. */
  private static final class InterruptedRun extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static DetailedRun simulate(
      Run run,
      Path runDir,
      LinkTimeline timeline,
      BinProgress progress,
      BooleanSupplier stop,
      int threads)
      throws IOException {
    if (stop != null && stop.getAsBoolean()) {
      throw new InterruptedRun();
    }
    long wallStart = System.nanoTime(); // only for the wall_time_s column, never for the model
    Scenario scenario = run.scenario();
    UnderlayGraph underlay = OverlayNetwork.underlayOf(scenario);
    UnderlayPartitions partitions = OverlayNetwork.partitionsOf(scenario, underlay);
    PartitionedSimulator simulation =
        partitions.count() == 1
            ? PartitionedSimulator.of(new Simulator())
            : new PartitionedSimulator(partitions.count());
    simulation.trace();
    // The first partition's clock: the only one when the run is not cut, which is whenever the
    // time series, a capture, a tcp trace or events (which read it) are asked for.
    Simulator simulator = simulation.partition(0);
    RandomStreams streams = new RandomStreams(run.seed(), run.replication());
    int flowCount = scenario.traffic().size();
    List<RunObservations> parts = new ArrayList<>();
    NetworkObserver[] observers = new NetworkObserver[partitions.count()];
    for (int p = 0; p < partitions.count(); p++) {
      RunObservations o =
          partitions.count() == 1
              ? new RunObservations(simulator, streams, flowCount)
              : new RunObservations(simulation.partition(p), streams, flowCount, p);
      parts.add(o);
      observers[p] = o;
    }
    RunObservations observations = parts.get(0);
    if (!scenario.events().isEmpty()) {
      observations.trackEvents(scenario.events());
    }
    OverlayNetwork network =
        OverlayNetwork.build(scenario, underlay, simulation, partitions, streams, observers);
    long builtAt = System.nanoTime();
    TcpTrace trace;
    try (Captures captures = Captures.attach(scenario.capture(), network, runDir);
        TimeSeriesReport series = TimeSeriesReport.open(run, runDir, network, parts, streams)) {
      network.start();
      trace = TcpTrace.attach(scenario, network, simulator);
      long duration = scenario.durationNs();
      if (timeline == null && series == null && (stop == null || simulation.partitions() > 1)) {
        // A cut run asks for a stop between its steps, not in slices that would make every
        // partition wait for the slowest at each slice's end.
        if (!simulation.run(duration, threads, stop == null ? () -> false : stop)) {
          throw new InterruptedRun();
        }
      } else {
        // Simulated time in slices, reading between them (the events run are the same as in one
        // go): the timeline's bins, the time series' intervals, the checks for a stop.
        long check = Math.max(1, duration / STOP_CHECKS);
        long nextCheck = stop == null ? Long.MAX_VALUE : Math.min(duration, check);
        long nextBin = timeline == null ? Long.MAX_VALUE : Math.min(duration, timeline.binNs());
        long nextSample = series == null ? Long.MAX_VALUE : Math.min(duration, series.intervalNs());
        for (long end = Math.min(nextCheck, Math.min(nextBin, nextSample)); ; ) {
          simulation.run(end, threads);
          if (end == nextSample) {
            series.sample(end);
            nextSample = Math.min(duration, end + series.intervalNs());
          }
          if (end == nextBin) {
            timeline.sample(network);
            progress.done((double) end / duration);
            if (Thread.interrupted()) {
              throw new InterruptedRun();
            }
            nextBin = Math.min(duration, end + timeline.binNs());
          }
          if (end == nextCheck) {
            if (stop.getAsBoolean()) {
              throw new InterruptedRun();
            }
            nextCheck = Math.min(duration, end + check);
          }
          if (end == duration) {
            break;
          }
          end = Math.min(nextCheck, Math.min(nextBin, nextSample));
        }
      }
      if (series != null) {
        series.finish();
      }
      network.finish();
    }
    long ranAt = System.nanoTime();
    double wallTimeS = (ranAt - wallStart) / 1e9;
    RunTimings timings =
        new RunTimings(
            (builtAt - wallStart) / 1e9,
            (ranAt - builtAt) / 1e9,
            simulation.profile(),
            OverlayNetwork.wholeBecause(scenario));
    observations = RunObservations.merged(parts, streams);
    List<double[]> latencyMs = new ArrayList<>();
    for (int i = 0; i < scenario.traffic().size(); i++) {
      latencyMs.add(observations.flow(i).latency.retainedMs());
    }
    Map<String, VtepTables.Tables> vtepTables = new LinkedHashMap<>();
    if (timeline != null) {
      long kept = 0;
      for (Host host : scenario.hosts()) {
        long bound = VtepTables.entryBound(network, host.name());
        if (bound <= VTEP_TABLE_ENTRIES_PER_HOST && kept + bound <= VTEP_TABLE_ENTRIES) {
          kept += bound;
          vtepTables.put(host.name(), VtepTables.of(network, host.name()));
        }
      }
    }
    return new DetailedRun(
        report(run, network, simulation, observations, trace, wallTimeS, timings),
        timeline,
        latencyMs,
        vtepTables);
  }

  private static RunReport report(
      Run run,
      OverlayNetwork network,
      PartitionedSimulator simulation,
      RunObservations observations,
      TcpTrace trace,
      double wallTimeS,
      RunTimings timings) {
    Scenario scenario = run.scenario();
    long packetsSent = 0;
    long packetsDelivered = 0;
    List<LatencyRow> latency = new ArrayList<>();
    List<ThroughputRow> throughput = new ArrayList<>();
    SiteLookup sites = new SiteLookup(scenario);
    for (int i = 0; i < scenario.traffic().size(); i++) {
      TrafficSpec spec = scenario.traffic().get(i);
      FlowMeasurements f = observations.flow(i);
      packetsSent += f.packetsSent;
      packetsDelivered += f.packetsDelivered;
      Endpoint from = from(spec);
      Endpoint to = to(spec);
      latency.add(
          new LatencyRow(
              spec.name(),
              spec.kind(),
              from == null ? "*" : from.ref(),
              to == null ? "*" : to.ref(),
              sites.of(from),
              sites.of(to),
              f.latency.summary()));
      throughput.add(
          new ThroughputRow(
              spec.name(),
              f.payloadBytes,
              f.wireBytes,
              f.goodputBps(),
              f.fragments,
              f.packetsSent,
              f.packetsDelivered,
              f.retransmissions,
              f.timeouts,
              // A bulk transfer's gaps are stalls; a ping's or udp's are its schedule.
              spec instanceof TcpTraffic ? f.stalledNs : 0));
    }
    List<DropRow> drops = new ArrayList<>();
    observations
        .drops()
        .forEach(
            (key, counts) ->
                drops.add(
                    new DropRow(key.where(), key.reason().reportName(), counts[0], counts[1])));
    long elapsedNs = scenario.durationNs();
    List<LinkRow> links = new ArrayList<>();
    Map<String, LinkDelay> delays = LinkDelay.of(scenario);
    for (LinkCounters c : network.linkCounters()) {
      // Access links are not scenario links: their short fixed delay is the model's.
      LinkDelay delay =
          delays.getOrDefault(
              c.link(),
              new LinkDelay(
                  network.underlayNetwork().underlay().link(c.link()).delayNs(),
                  LinkDelay.Source.MODEL,
                  "host access link"));
      links.add(
          new LinkRow(
              c.link(),
              c.direction(),
              c.bytes(),
              c.packets(),
              c.utilization(elapsedNs),
              c.drops(),
              delay.ns() / 1e6,
              delay.source().reportName()));
    }
    List<OverlayRow> overlays = new ArrayList<>();
    for (Overlay o : scenario.overlays()) {
      long[] t = observations.overlayTraffic(o.name());
      overlays.add(
          new OverlayRow(
              o.name(),
              o.vni(),
              o.encapsulation().yamlName(),
              o.controlPlane().yamlName(),
              t[0],
              t[1],
              t[2],
              t[3],
              network.fdbEntries(o.name())));
    }
    List<ReachabilityRow> reachability = probes(scenario, observations);
    List<HostRow> hosts = new ArrayList<>();
    for (CryptoWork w : network.cryptoWork()) {
      hosts.add(
          new HostRow(w.host(), w.cores(), w.packets(), w.bytes(), w.busyFraction(elapsedNs)));
    }
    return new RunReport(
        run.id(),
        scenario.name(),
        run.seed(),
        run.replication(),
        run.sweepValues(),
        simulation.eventsExecuted(),
        simulation.traceHex(),
        scenario.durationNs() / 1e9,
        wallTimeS,
        packetsSent,
        packetsDelivered,
        observations.packetsDropped(),
        latency,
        throughput,
        drops,
        links,
        overlays,
        reachability,
        trace.rows(),
        hosts,
        observations.events(),
        timings);
  }

  /**
   * The reachability cells of every probe, as its packets decided them (a new connection per
   * ordered pair and port, allowed only if the reply came back in time), in a readable order: by
   * probe, then source and destination in scenario order, then the probe's port order.
   */
  private static List<ReachabilityRow> probes(Scenario scenario, RunObservations observations) {
    Map<String, Integer> containerOrder = new HashMap<>();
    for (int i = 0; i < scenario.containers().size(); i++) {
      containerOrder.put(scenario.containers().get(i).name(), i);
    }
    List<RunObservations.ProbeOutcome> outcomes = new ArrayList<>(observations.probes());
    outcomes.sort(
        Comparator.comparingInt(RunObservations.ProbeOutcome::flow)
            .thenComparing(o -> containerOrder.get(o.src()))
            .thenComparing(o -> containerOrder.get(o.dst()))
            .thenComparing(o -> portOrder(scenario, o)));
    List<ReachabilityRow> rows = new ArrayList<>();
    for (RunObservations.ProbeOutcome o : outcomes) {
      rows.add(
          new ReachabilityRow(
              o.src(),
              o.dst(),
              o.protocol(),
              o.port(),
              o.allowed() ? "allowed" : "denied",
              o.reason()));
    }
    return rows;
  }

  private static int portOrder(Scenario scenario, RunObservations.ProbeOutcome o) {
    if (scenario.traffic().get(o.flow()) instanceof ProbeTraffic probe) {
      for (int i = 0; i < probe.ports().size(); i++) {
        ProbePort port = probe.ports().get(i);
        if (port.port() == o.port() && port.protocol().toString().equals(o.protocol())) {
          return i;
        }
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The sending end of a flow; {@code null} for a probe, which runs between every pair. */
  private static Endpoint from(TrafficSpec spec) {
    if (spec instanceof PingTraffic p) {
      return p.from();
    } else if (spec instanceof UdpTraffic u) {
      return u.from();
    } else if (spec instanceof TcpTraffic t) {
      return t.from();
    } else if (spec instanceof RequestResponseTraffic r) {
      return r.from();
    }
    return null;
  }

  /** The receiving end of a flow; {@code null} for a probe. */
  private static Endpoint to(TrafficSpec spec) {
    if (spec instanceof PingTraffic p) {
      return p.to();
    } else if (spec instanceof UdpTraffic u) {
      return u.to();
    } else if (spec instanceof TcpTraffic t) {
      return t.to();
    } else if (spec instanceof RequestResponseTraffic r) {
      return r.to();
    }
    return null;
  }

  /** The site(s) of an endpoint's containers: one name, or several joined by '|'. */
  private static final class SiteLookup {
    private final Map<String, String> siteOfContainer;

    SiteLookup(Scenario scenario) {
      Map<String, String> siteOfHost =
          scenario.hosts().stream().collect(Collectors.toMap(Host::name, Host::site));
      siteOfContainer =
          scenario.containers().stream()
              .collect(
                  Collectors.toMap(Container::name, c -> siteOfHost.get(c.host()), (a, b) -> a));
    }

    String of(Endpoint endpoint) {
      if (endpoint == null) {
        return "*";
      }
      Set<String> sites = new LinkedHashSet<>();
      endpoint.containers().stream().map(siteOfContainer::get).forEach(sites::add);
      return String.join("|", sites);
    }
  }
}
