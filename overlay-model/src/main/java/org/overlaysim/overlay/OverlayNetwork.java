package org.overlaysim.overlay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.overlaysim.engine.PartitionedSimulator;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.ContainerStack;
import org.overlaysim.overlay.dataplane.CryptoWork;
import org.overlaysim.overlay.dataplane.DataPlane;
import org.overlaysim.overlay.dataplane.HostStack;
import org.overlaysim.overlay.dataplane.VtepSettings;
import org.overlaysim.overlay.fdb.Directory;
import org.overlaysim.overlay.observe.FrameTap;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.traffic.TcpConnection;
import org.overlaysim.scenario.RequestResponseTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TcpTraffic;
import org.overlaysim.topology.LinkCounters;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayNetwork;
import org.overlaysim.topology.UnderlayPartitions;
import org.overlaysim.topology.UnderlayPlan;

/**
 * One resolved scenario run turned into a running model: the underlay of its {@link UnderlayPlan}
 * (sites, routers, hosts and their access links, links with the scenario's parameters), a VTEP per
 * host serving every VNI of its containers with a bridge per overlay, and the containers' stacks.
 * It builds them and answers queries; {@link #start()} hands the scenario's traffic to {@link
 * ScenarioTraffic}. After {@code simulator.run(duration)} the accessors give what reports need.
 * Measurements flow to the {@link NetworkObserver} during the run.
 */
public final class OverlayNetwork {
  private final Scenario scenario;
  private final UnderlayGraph underlay;
  private final Directory directory;
  private final DataPlane dataPlane;
  private final ScenarioTraffic traffic;
  private final ScenarioEvents events;

  private OverlayNetwork(
      Scenario scenario,
      UnderlayGraph underlay,
      PartitionedSimulator simulation,
      UnderlayPartitions partitions,
      RandomStreams streams,
      NetworkObserver[] observers,
      VtepSettings settings) {
    this.scenario = scenario;
    this.underlay = underlay;
    Map<String, Integer> hostIndex = new HashMap<>();
    for (int h = 0; h < underlay.hosts().size(); h++) {
      hostIndex.put(underlay.hosts().get(h).name(), h);
    }
    this.directory = new Directory(scenario, hostIndex);
    this.dataPlane =
        new DataPlane(
            scenario,
            underlay,
            directory,
            simulation,
            partitions,
            streams,
            observers,
            settings,
            hostIndex);
    this.traffic = new ScenarioTraffic(scenario, streams, directory, dataPlane);
    this.events =
        scenario.events().isEmpty()
            ? null
            : new ScenarioEvents(scenario, dataPlane.simulator(), dataPlane.observer(), dataPlane);
  }

  /** The model of {@code run} with the default VTEP settings ({@link VtepSettings#DEFAULT}). */
  public static OverlayNetwork build(
      Scenario run, Simulator simulator, RandomStreams streams, NetworkObserver observer) {
    return build(run, simulator, streams, observer, VtepSettings.DEFAULT);
  }

  public static OverlayNetwork build(
      Scenario run,
      Simulator simulator,
      RandomStreams streams,
      NetworkObserver observer,
      VtepSettings settings) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(simulator, "simulator");
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(settings, "settings");
    UnderlayGraph underlay = underlayOf(run);
    return new OverlayNetwork(
        run,
        underlay,
        PartitionedSimulator.of(simulator),
        UnderlayPartitions.whole(underlay),
        streams,
        new NetworkObserver[] {observer},
        settings);
  }

  /**
   * The model of {@code run} cut into {@code partitions} of its underlay ({@link
   * #partitionsOf(Scenario, UnderlayGraph)}), partition p running on {@code
   * simulation.partition(p)} and reporting to {@code observers[p]}.
   */
  public static OverlayNetwork build(
      Scenario run,
      UnderlayGraph underlay,
      PartitionedSimulator simulation,
      UnderlayPartitions partitions,
      RandomStreams streams,
      NetworkObserver[] observers) {
    return new OverlayNetwork(
        run, underlay, simulation, partitions, streams, observers, VtepSettings.DEFAULT);
  }

  /**
   * How a run of {@code scenario} may be cut: at its long router-to-router links ({@link
   * UnderlayPartitions#of}), unless it asks for something that still needs the whole model in one
   * partition ({@link #wholeBecause}).
   */
  public static UnderlayPartitions partitionsOf(Scenario scenario, UnderlayGraph underlay) {
    return wholeBecause(scenario) == null
        ? UnderlayPartitions.of(underlay)
        : UnderlayPartitions.whole(underlay);
  }

  /**
   * Why a run of {@code scenario} stays in one partition, or null if it may be cut. Events change
   * routes and links everywhere at one instant; a capture file, the time series and a tcp trace are
   * each written in time order by one writer. Cutting them is work not yet done.
   */
  public static String wholeBecause(Scenario scenario) {
    if (!scenario.events().isEmpty()) {
      return "it has events";
    }
    boolean traced =
        scenario.traffic().stream()
            .anyMatch(
                t ->
                    (t instanceof TcpTraffic tcp && tcp.traceIntervalNs() > 0)
                        || (t instanceof RequestResponseTraffic rr && rr.traceIntervalNs() > 0));
    return traced ? "it traces tcp" : null;
  }

  /** The underlay of a scenario: its {@link UnderlayPlan}'s. */
  public static UnderlayGraph underlayOf(Scenario scenario) {
    return UnderlayPlan.of(scenario).underlay();
  }

  /**
   * Schedules the scenario's traffic ({@link ScenarioTraffic}), the EVPN route advertisements of
   * every container at time 0 and the scenario's events ({@link ScenarioEvents}).
   */
  public void start() {
    traffic.start();
    if (events != null) {
      events.start();
    }
  }

  /**
   * Runs request-response flow {@code flow} as a closed loop (the next request when the response
   * completes) instead of at its rate; call before {@link #start()}. The scenario format has no way
   * to ask for it yet (its rate must be above zero).
   */
  public void closedLoop(int flow) {
    traffic.closedLoop(flow);
  }

  /** The client ends of a tcp or request-response flow's connections, in pair order. */
  public List<TcpConnection> tcpClients(int flow) {
    return traffic.tcpClients(flow);
  }

  /** The server ends of a flow's connections, in the order they were accepted. */
  public List<TcpConnection> tcpServers(int flow) {
    return traffic.tcpServers(flow);
  }

  /**
   * Ends the run's traffic once the simulator stopped: probes still undecided are reported (denied,
   * {@code timeout} or {@code not-sent}), so that every probed pair has its result. Call once,
   * after {@code simulator.run(duration)}.
   */
  public void finish() {
    traffic.finish();
  }

  // ------------------------------------------------------------------ captures

  /**
   * Captures outer frames on an underlay link, the direction from its {@code a} end to {@code aToB}
   * and the other to {@code bToA} (the same tap for both is fine in a run that is not cut), each
   * timed when the frame starts on the wire.
   */
  public void tapLink(String link, FrameTap aToB, FrameTap bToA) {
    dataPlane.tapLink(
        underlay.linkIndex(link),
        Objects.requireNonNull(aToB, "aToB"),
        Objects.requireNonNull(bToA, "bToA"));
  }

  /** Captures inner frames on a container's interface (both directions). */
  public void tapContainer(String container, FrameTap tap) {
    dataPlane.tapContainer(
        ScenarioTraffic.container(directory, container), Objects.requireNonNull(tap, "tap"));
  }

  // ------------------------------------------------------------------ after (or during) a run

  public Scenario scenario() {
    return scenario;
  }

  public UnderlayGraph underlay() {
    return underlay;
  }

  public UnderlayNetwork underlayNetwork() {
    return dataPlane.network();
  }

  /**
   * The encryption work of every host that serves an encrypted overlay, in host order (hosts.csv);
   * empty when no overlay is encrypted.
   */
  public List<CryptoWork> cryptoWork() {
    List<CryptoWork> work = new ArrayList<>();
    for (int h = 0; h < underlay.hosts().size(); h++) {
      CryptoWork w = dataPlane.host(h).cryptoWork();
      if (w != null) {
        work.add(w);
      }
    }
    return work;
  }

  /** Counters of every link direction, in link order, a-to-b first (links.csv). */
  public List<LinkCounters> linkCounters() {
    return dataPlane.network().counters();
  }

  /** Forwarding entries of the overlay summed over every VTEP serving it, now. */
  public long fdbEntries(String overlay) {
    int o = directory.overlayIndex(overlay);
    if (o < 0) {
      throw new IllegalArgumentException("no overlay named '" + overlay + "'");
    }
    long sum = 0;
    for (int h : directory.memberHosts(o)) {
      HostStack host = dataPlane.host(h);
      sum += host.table(o).entries(host.partition().simulator().nowNs());
    }
    return sum;
  }

  /** The path MTU container {@code from} uses towards container {@code to} now (RFC 1191). */
  public int pathMtu(String from, String to) {
    ContainerStack stack = dataPlane.container(ScenarioTraffic.container(directory, from));
    return stack.pathMtu(directory.ip(ScenarioTraffic.container(directory, to)));
  }

  /** The model's internals, for tests and benchmarks. */
  public DataPlane dataPlane() {
    return dataPlane;
  }
}
