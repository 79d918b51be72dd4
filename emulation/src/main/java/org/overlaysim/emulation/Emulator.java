package org.overlaysim.emulation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.overlaysim.emulation.kernel.CommandResult;
import org.overlaysim.emulation.kernel.CommandRunner;
import org.overlaysim.emulation.kernel.KernelCounters;
import org.overlaysim.emulation.kernel.KernelCounters.Count;
import org.overlaysim.emulation.kernel.KernelCounters.InterfaceStats;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.emulation.kernel.NamespaceJanitor;
import org.overlaysim.emulation.kernel.RunRegistry;
import org.overlaysim.emulation.plan.AddressPlan;
import org.overlaysim.emulation.plan.DelayRelayPlan;
import org.overlaysim.emulation.plan.LinkEvents;
import org.overlaysim.emulation.plan.NetworkPlan;
import org.overlaysim.emulation.plan.NftRenderer;
import org.overlaysim.emulation.plan.NftRules;
import org.overlaysim.emulation.plan.PathDelays;
import org.overlaysim.emulation.plan.Step;
import org.overlaysim.emulation.traffic.PingRunner;
import org.overlaysim.emulation.traffic.ProbeRunner;
import org.overlaysim.emulation.traffic.RelayRunner;
import org.overlaysim.emulation.traffic.TcpRunner;
import org.overlaysim.report.ReportRows.DropRow;
import org.overlaysim.report.ReportRows.LinkRow;
import org.overlaysim.report.ReportRows.OverlayRow;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ControlPlane;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Encryption;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TcpTraffic;
import org.overlaysim.scenario.TimedEvent;
import org.overlaysim.scenario.TrafficSpec;
import org.overlaysim.topology.LinkDelay;

/**
 * Builds one run of a scenario out of Linux network namespaces, runs its ping and probe traffic
 * with real programs, reads the kernel's counters and tears everything down again, whatever happens
 * (finally block and JVM shutdown hook). Traffic only ever goes to addresses of the namespaces it
 * made: containers ping and probe each other, nothing else.
 */
public final class Emulator {
  /** Programs the emulation runs; missing ones are named before anything is built. */
  public static final List<String> REQUIRED_PROGRAMS =
      List.of("ip", "bridge", "nft", "ping", "sysctl", "tc");

  /** The emulation.csv note saying link events were applied; compare then allows a loss window. */
  public static final String EVENTS_APPLIED = "events_applied";

  private final CommandRunner runner;
  private final EmulationSettings settings;
  private final PrintWriter log;

  public Emulator(CommandRunner runner, EmulationSettings settings, PrintWriter log) {
    this.runner = runner;
    this.settings = settings;
    this.log = log;
  }

  /** Root and the programs; the message says what to install. */
  public static void checkEnvironment() throws EmulationException {
    if (!isRoot()) {
      throw new EmulationException(
          EmulationException.ENVIRONMENT,
          "emulation needs root (network namespaces, veth pairs, nftables): run it as root or"
              + " with sudo");
    }
    List<String> missing = new ArrayList<>();
    for (String program : REQUIRED_PROGRAMS) {
      if (findProgram(program).isEmpty()) {
        missing.add(program);
      }
    }
    if (!missing.isEmpty()) {
      throw new EmulationException(
          EmulationException.ENVIRONMENT,
          "emulation needs "
              + String.join(", ", missing)
              + " on the PATH (Debian/Ubuntu packages: iproute2 nftables iputils-ping procps)");
    }
  }

  /** Refuses what the emulation cannot build faithfully, with the reason. */
  public void checkScenario(Scenario scenario) throws EmulationException {
    int containers = scenario.containers().size();
    if (containers > settings.maxContainers()) {
      throw new EmulationException(
          EmulationException.ENVIRONMENT,
          "scenario "
              + scenario.name()
              + " has "
              + containers
              + " containers; the emulation builds at most "
              + settings.maxContainers()
              + " (one namespace and, with probes, one JVM each)");
    }
    int limit = Names.MAX_INDEX + 1;
    if (scenario.hosts().size() > limit
        || scenario.underlay().routers().size() > limit
        || scenario.underlay().links().size() > limit
        || scenario.overlays().size() > limit) {
      throw new EmulationException(
          EmulationException.ENVIRONMENT,
          "scenario " + scenario.name() + " has more than " + limit + " hosts, routers or links");
    }
    List<String> conflicts = AddressPlan.conflicts(scenario);
    if (!conflicts.isEmpty()) {
      throw new EmulationException(EmulationException.ENVIRONMENT, String.join("\n", conflicts));
    }
    List<String> congestion = TcpRunner.congestionConflicts(scenario);
    if (!congestion.isEmpty()) {
      throw new EmulationException(EmulationException.ENVIRONMENT, String.join("\n", congestion));
    }
    for (TrafficSpec spec : scenario.traffic()) {
      if (spec instanceof ProbeTraffic probe) {
        for (ProbePort port : probe.ports()) {
          if (port.protocol() == Protocol.SCTP) {
            throw new EmulationException(
                EmulationException.ENVIRONMENT,
                "traffic " + probe.name() + ": SCTP probes are not emulated (TCP and UDP are)");
          }
        }
      }
    }
  }

  /** Builds, runs and removes one run. */
  public EmulationResult emulate(Run run) throws EmulationException {
    long wallStart = System.nanoTime(); // wall_time_s only; no figure of the model depends on it
    Scenario scenario = run.scenario();
    checkScenario(scenario);
    NamespaceJanitor janitor = new NamespaceJanitor(runner);
    Names names;
    try {
      names = Names.unused(ProcessHandle.current().pid(), janitor.all());
    } catch (IOException e) {
      throw new EmulationException(
          EmulationException.ENVIRONMENT, "cannot run ip: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulationException(EmulationException.FAILURE, "interrupted");
    }
    RunRegistry registry = RunRegistry.standard();
    try {
      registry.register(names);
    } catch (IOException e) {
      throw new EmulationException(
          EmulationException.ENVIRONMENT,
          "cannot write " + RunRegistry.DEFAULT_DIR + ": " + e.getMessage());
    }
    Teardown teardown = new Teardown(janitor, names, log, registry);
    Thread hook = new Thread(teardown::run, "emulation-teardown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return buildAndRun(run, names, teardown, wallStart);
    } catch (IOException e) {
      throw new EmulationException(EmulationException.FAILURE, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulationException(EmulationException.FAILURE, "interrupted");
    } finally {
      teardown.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook ran the same teardown.
      }
    }
  }

  private EmulationResult buildAndRun(Run run, Names names, Teardown teardown, long wallStart)
      throws IOException, InterruptedException, EmulationException {
    Map<String, String> notes = new LinkedHashMap<>();
    PartialScenario partial =
        PartialScenario.of(
            run.scenario(),
            missingDeviceTypes(run.scenario(), names, teardown),
            missingCiphers(run.scenario(), names, teardown));
    partial.skippedOverlays().values().forEach(log::println);
    Scenario scenario = partial.emulated();
    Run emulatedRun =
        new Run(run.id(), run.point(), run.replication(), run.seed(), run.sweepValues(), scenario);
    NftRules nft = new NftRenderer(scenario, names).render();
    NetworkPlan plan = NetworkPlan.build(scenario, names, nft, false);
    log.printf(
        "emulating %s: %d namespaces, %d commands%n",
        run.id(), plan.namespaces().size(), plan.steps().size());
    log.flush();
    // Namespaces first (all of them), then probe netem once, then the rest.
    List<Step> steps = plan.steps();
    int firstNonNamespace = 0;
    while (firstNonNamespace < steps.size() && isNamespaceSetup(steps.get(firstNonNamespace))) {
      firstNonNamespace++;
    }
    execute(steps.subList(0, firstNonNamespace), teardown);
    boolean netem = netemWorks(plan.namespaces().get(0));
    if (netem) {
      steps = NetworkPlan.build(scenario, names, nft, true).steps();
    }
    execute(steps.subList(firstNonNamespace, steps.size()), teardown);
    DelayRelayPlan relayPlan = netem ? null : DelayRelayPlan.of(scenario);
    List<Step> relaySteps = new ArrayList<>();
    if (relayPlan != null) {
      for (DelayRelayPlan.HostRelay relay : relayPlan.relays()) {
        relaySteps.add(
            new Step(
                List.of("ip", "netns", "exec", names.host(relay.host()), "nft", "-f", "-"),
                relay.nftScript(),
                false));
      }
      execute(relaySteps, teardown);
    }
    notes.put("latency_source", latencySource(netem, relayPlan));
    notes.put("netem", netem ? "available" : "unavailable");
    if (relayPlan != null) {
      relayPlan
          .overlayMechanism()
          .forEach(
              (overlay, mechanism) ->
                  notes.put(
                      "delay_mechanism." + overlay,
                      mechanism.equals("relay")
                          ? "relay (user-space delay relay: nftables DNAT of the outer UDP to a"
                              + " relay in the host's namespace, held for the path's one-way"
                              + " delay by the simulator's routing)"
                          : mechanism));
    } else {
      scenario
          .overlays()
          .forEach(
              overlay ->
                  notes.put(
                      "delay_mechanism." + overlay.name(),
                      netem ? "netem on every underlay link" : "none"));
    }
    notes.putAll(partial.notes());
    for (Overlay overlay : scenario.overlays()) {
      if (overlay.optionsBytes() > 0) {
        notes.put(
            "geneve_options." + overlay.name(),
            "the kernel's geneve device sends no options: "
                + overlay.optionsBytes()
                + " option bytes not on the wire (the overlay's MTU, "
                + overlay.mtu()
                + ", is the scenario's)");
      }
    }
    if (relayPlan != null) {
      List<String> undelayed = undelayedFlows(scenario);
      if (!undelayed.isEmpty()) {
        notes.put("latency_not_emulated", String.join(" ", undelayed));
      }
    }
    notes.put(
        "link_rate",
        "tbf on the sending end of every underlay and access link direction: the link's bandwidth"
            + " (Ethernet preamble, gap and FCS counted), its queue as tbf's byte limit");
    notes.put(
        "link_loss",
        plan.lossCounters().isEmpty()
            ? "no lossy link"
            : "nftables numgen random on the receiving end of "
                + plan.lossCounters().size()
                + " link directions (after the link's rate, as a frame lost in transit)");
    notes.put("namespaces", Integer.toString(plan.namespaces().size()));
    notes.put("commands", Integer.toString(steps.size()));
    notes.put(
        "routing", "static, the simulator's shortest-delay routes (equal-cost ones multipath)");
    notes.put("br_netfilter_hosts", Integer.toString(nft.conntrackHosts().size()));
    for (Overlay overlay : scenario.overlays()) {
      if (overlay.controlPlane() == ControlPlane.EVPN) {
        notes.put("evpn", "EVPN overlays get static entries at once (no convergence delay)");
      }
    }
    List<LinkEvents.Change> changes = LinkEvents.of(scenario, names);
    if (!changes.isEmpty()) {
      notes.put(
          EVENTS_APPLIED,
          "link down/up at the events' times (ip link set on both veth ends), the routers' routes"
              + " replaced "
              + scenario.underlay().convergenceNs() / 1_000_000
              + " ms later (underlay.convergence) by the simulator's routes over the links up");
      if (relayPlan != null) {
        for (TrafficSpec spec : scenario.traffic()) {
          if (spec instanceof PingTraffic ping) {
            notes.merge("latency_not_emulated", ping.name(), (a, b) -> a + " " + b);
          }
        }
        notes.put(
            "events_latency",
            "the delay relays hold each tunnel packet for its steady-state path's delay; they do"
                + " not follow a reroute, so RTTs across events are not compared");
      }
    }
    for (TimedEvent event : LinkEvents.notApplied(scenario)) {
      notes.merge(
          "events_not_applied",
          event.describe() + " at " + event.atNs() / 1_000_000 + " ms",
          (a, b) -> a + "; " + b);
    }

    KernelCounters counters = new KernelCounters(runner);
    Map<NetworkPlan.Device, InterfaceStats> before = snapshot(counters, plan);
    List<PingTraffic> pings = new ArrayList<>();
    List<ProbeTraffic> probes = new ArrayList<>();
    List<TcpTraffic> tcpFlows = new ArrayList<>();
    for (TrafficSpec spec : scenario.traffic()) {
      if (spec instanceof PingTraffic ping) {
        pings.add(ping);
      } else if (spec instanceof ProbeTraffic probe) {
        probes.add(probe);
      } else if (spec instanceof TcpTraffic tcp) {
        tcpFlows.add(tcp);
        if (tcp.windowBytes() > 0) {
          notes.merge(
              "tcp_window",
              tcp.name() + ": window not applied (the kernel autotunes its buffers)",
              (a, b) -> a + "; " + b);
        }
      } else {
        notes.merge("not_emulated", spec.name() + " (" + spec.kind() + ")", (a, b) -> a + "; " + b);
      }
    }
    long trafficStart = System.nanoTime();
    List<PingResult> pingResults;
    List<ProbeObservation> observations;
    List<TcpResult> tcpResults;
    try (RelayRunner relays = new RelayRunner(runner, names, settings);
        ProbeRunner probeRunner = new ProbeRunner(runner, run, names, settings, scenario);
        TcpRunner tcpRunner = new TcpRunner(runner, scenario, names, settings)) {
      if (relayPlan != null && !relayPlan.relays().isEmpty()) {
        relays.start(
            relayPlan, scenario.hosts().stream().map(Host::name).toList(), emulatedRun.seed());
      }
      // Probes first: their servers' JVMs start while nothing else is timed.
      observations = probeRunner.run(probes);
      // Bulk flows and pings at once, each after its start offset, as in the simulation.
      CompletableFuture<List<TcpResult>> bulk = tcpRunner.start(tcpFlows);
      long origin = System.nanoTime(); // the pings' and the events' time 0
      CompletableFuture<Void> events = applyAt(changes, origin, teardown);
      pingResults = new PingRunner(runner, scenario, names).run(pings, origin);
      tcpResults = TcpRunner.join(bulk);
      joinEvents(events);
      if (!changes.isEmpty()) {
        for (PingResult ping : pingResults) {
          if (!ping.lostSeqs().isEmpty()) {
            notes.put(
                "lost_pings." + ping.flow(),
                "icmp_seq "
                    + ping.lostSeqs().stream().map(String::valueOf).collect(Collectors.joining(" "))
                    + " (request seq is sent at the flow's start + (seq - 1) intervals)");
          }
        }
      }
      relays.statistics().forEach((host, line) -> notes.put("relay." + host, line));
    }
    for (TcpResult tcp : tcpResults) {
      if (tcp.connected() < tcp.pairs()) {
        notes.merge(
            "tcp_not_connected",
            tcp.flow()
                + ": "
                + (tcp.pairs() - tcp.connected())
                + " of "
                + tcp.pairs()
                + " connections",
            (a, b) -> a + "; " + b);
      }
    }
    if (!tcpFlows.isEmpty()) {
      notes.put(
          "tcp",
          "the kernel's TCP between the containers' namespaces (congestion control "
              + String.join(
                  ", ", tcpFlows.stream().map(TcpRunner::congestionControl).distinct().toList())
              + "), zero bytes from a sender to a receiver of ours; goodput from the connect to"
              + " the last byte read; retransmissions: the sending namespace's Tcp RetransSegs");
    }
    double trafficSeconds = (System.nanoTime() - trafficStart) / 1e9;
    Map<NetworkPlan.Device, InterfaceStats> after = snapshot(counters, plan);
    List<DropRow> drops = drops(scenario, names, counters, plan, before, after, pingResults);
    List<LinkRow> links = links(scenario, plan, before, after, trafficSeconds);
    List<OverlayRow> overlays = overlays(scenario, names);
    return new EmulationResult(
        run,
        pingResults,
        observations,
        tcpResults,
        drops,
        links,
        overlays,
        notes,
        trafficSeconds,
        (System.nanoTime() - wallStart) / 1e9);
  }

  /** Runs each change's commands at {@code originNanos} plus its time, on a thread of its own. */
  private CompletableFuture<Void> applyAt(
      List<LinkEvents.Change> changes, long originNanos, Teardown teardown) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                for (LinkEvents.Change change : changes) {
                  long wait = originNanos + change.atNs() - System.nanoTime();
                  if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                  }
                  execute(change.steps(), teardown);
                  log.printf(
                      "%.3f s: %s%n",
                      (System.nanoTime() - originNanos) / 1e9, change.description());
                }
                done.complete(null);
              } catch (Exception e) {
                done.completeExceptionally(e);
              }
            },
            "emulation-events");
    thread.setDaemon(true);
    thread.start();
    return done;
  }

  private static void joinEvents(CompletableFuture<Void> events)
      throws IOException, InterruptedException, EmulationException {
    try {
      events.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof EmulationException emulation) {
        throw emulation;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IOException("applying events failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Ping flows of routed overlays (ipip, none: no UDP for a relay) between hosts whose path has a
   * delay the relay would have applied: without netem their latency is the kernel's own.
   */
  static List<String> undelayedFlows(Scenario scenario) {
    PathDelays delays = new PathDelays(scenario);
    Map<String, Container> containers = new LinkedHashMap<>();
    scenario.containers().forEach(c -> containers.put(c.name(), c));
    Map<String, Overlay> overlays = new LinkedHashMap<>();
    scenario.overlays().forEach(o -> overlays.put(o.name(), o));
    List<String> flows = new ArrayList<>();
    for (TrafficSpec spec : scenario.traffic()) {
      if (!(spec instanceof PingTraffic ping)) {
        continue;
      }
      boolean undelayed = false;
      for (String from : ping.from().containers()) {
        for (String to : ping.to().containers()) {
          Container a = containers.get(from);
          Container b = containers.get(to);
          if (a == null || b == null || a.host().equals(b.host())) {
            continue;
          }
          Encapsulation e = overlays.get(a.overlay()).encapsulation();
          if (e != Encapsulation.IPIP && e != Encapsulation.NONE) {
            continue;
          }
          PathDelays.Path path = delays.between(a.host(), b.host());
          undelayed |=
              path != null
                  && (path.delayNs() >= DelayRelayPlan.MIN_DELAY_NS || !path.jitterNs().isEmpty());
        }
      }
      if (undelayed) {
        flows.add(ping.name());
      }
    }
    return flows;
  }

  private static String latencySource(boolean netem, DelayRelayPlan relays) {
    if (netem) {
      return "kernel plus netem: each underlay link's delay as the simulator's (jitter not"
          + " applied)";
    }
    if (relays.relays().isEmpty()) {
      return "kernel (netem unavailable; no UDP-tunnelled path of "
          + DelayRelayPlan.MIN_DELAY_NS / 1000
          + " us or more to relay: link delays of the scenario not applied)";
    }
    return "kernel plus delay relays (netem unavailable): tunnelled traffic between hosts held for"
        + " each path's one-way delay and jitter; routed overlays (ipip, none) and paths under "
        + DelayRelayPlan.MIN_DELAY_NS / 1000
        + " us keep the kernel's own latency";
  }

  /** The device types the scenario's overlays need that this kernel lacks (geneve, ipip). */
  private Set<Encapsulation> missingDeviceTypes(Scenario scenario, Names names, Teardown teardown)
      throws IOException, InterruptedException, EmulationException {
    Map<Encapsulation, List<String>> probes = new LinkedHashMap<>();
    String namespace = names.router(0);
    for (Overlay overlay : scenario.overlays()) {
      if (overlay.encapsulation() == Encapsulation.GENEVE) {
        probes.put(
            Encapsulation.GENEVE,
            List.of(
                "ip",
                "-n",
                namespace,
                "link",
                "add",
                "osimgeneve",
                "type",
                "geneve",
                "id",
                "1",
                "remote",
                "192.0.2.1"));
      } else if (overlay.encapsulation() == Encapsulation.IPIP) {
        probes.put(
            Encapsulation.IPIP,
            List.of("ip", "-n", namespace, "link", "add", "osimipip", "type", "ipip"));
      }
    }
    Set<Encapsulation> missing = EnumSet.noneOf(Encapsulation.class);
    missing.addAll(
        failedProbes(
            probes,
            namespace,
            teardown,
            r ->
                r.stderr().contains("Unknown device type")
                    || r.stderr().contains("not supported")));
    return missing;
  }

  /**
   * The encryptions the scenario uses that this kernel lacks: no wireguard device type, or no
   * AES-GCM ESP state in xfrm.
   */
  private Set<Encryption> missingCiphers(Scenario scenario, Names names, Teardown teardown)
      throws IOException, InterruptedException, EmulationException {
    Map<Encryption, List<String>> probes = new LinkedHashMap<>();
    String namespace = names.router(0);
    for (Overlay overlay : scenario.overlays()) {
      if (overlay.encryption() == Encryption.WIREGUARD) {
        probes.put(
            Encryption.WIREGUARD,
            List.of("ip", "-n", namespace, "link", "add", "osimwg", "type", "wireguard"));
      } else if (overlay.encryption() == Encryption.IPSEC) {
        probes.put(
            Encryption.IPSEC,
            List.of(
                "ip",
                "-n",
                namespace,
                "xfrm",
                "state",
                "add",
                "src",
                "192.0.2.1",
                "dst",
                "192.0.2.2",
                "proto",
                "esp",
                "spi",
                "0x100",
                "mode",
                "transport",
                "aead",
                "rfc4106(gcm(aes))",
                "0x" + "00".repeat(20),
                "64"));
      }
    }
    Set<Encryption> missing = EnumSet.noneOf(Encryption.class);
    missing.addAll(failedProbes(probes, namespace, teardown, r -> true));
    return missing;
  }

  /**
   * Runs each probe command in {@code namespace}, made for the probes and deleted after them (with
   * whatever they created); the keys whose probe failed in a way {@code lacks} recognises.
   */
  private <K> List<K> failedProbes(
      Map<K, List<String>> probes,
      String namespace,
      Teardown teardown,
      Predicate<CommandResult> lacks)
      throws IOException, InterruptedException, EmulationException {
    List<K> failed = new ArrayList<>();
    if (probes.isEmpty()) {
      return failed;
    }
    execute(List.of(Step.of("ip", "netns", "add", namespace)), teardown);
    try {
      for (Map.Entry<K, List<String>> probe : probes.entrySet()) {
        CommandResult result = runner.run(probe.getValue());
        if (!result.succeeded() && lacks.test(result)) {
          failed.add(probe.getKey());
        }
      }
    } finally {
      runner.run(List.of("ip", "netns", "del", namespace));
    }
    return failed;
  }

  private static boolean isNamespaceSetup(Step step) {
    List<String> a = step.argv();
    boolean add = a.size() == 4 && a.get(1).equals("netns") && a.get(2).equals("add");
    boolean lo = a.size() == 7 && a.get(4).equals("set") && a.get(5).equals("lo");
    boolean sysctl = a.size() > 4 && a.get(1).equals("netns") && a.get(4).equals("sysctl");
    return add || lo || sysctl;
  }

  private void execute(List<Step> steps, Teardown teardown)
      throws IOException, InterruptedException, EmulationException {
    for (Step step : steps) {
      CommandResult result;
      // One step at a time under the teardown's lock: once teardown has begun (a shutdown hook
      // on SIGTERM runs beside this thread), no namespace may be created behind its back.
      synchronized (teardown) {
        if (teardown.started()) {
          throw new EmulationException(EmulationException.FAILURE, "stopped: tearing down");
        }
        result = runner.run(step.argv(), step.stdin(), 30_000);
      }
      if (result.succeeded() || step.optional()) {
        continue;
      }
      String error = result.stderr();
      if (error.contains("Unknown device type")) {
        throw new EmulationException(
            EmulationException.ENVIRONMENT,
            "this kernel lacks a device type the scenario needs (geneve and ipip need"
                + " CONFIG_GENEVE and CONFIG_NET_IPIP): "
                + result.describe());
      }
      throw new EmulationException(
          EmulationException.FAILURE, "building the emulation failed: " + result.describe());
    }
  }

  /** Whether the netem qdisc can be added, tried once on a namespace's loopback. */
  private boolean netemWorks(String namespace) throws IOException, InterruptedException {
    CommandResult added =
        runner.run(
            List.of(
                "ip", "netns", "exec", namespace, "tc", "qdisc", "add", "dev", "lo", "root",
                "netem", "delay", "1ms"));
    if (!added.succeeded()) {
      return false;
    }
    runner.run(
        List.of("ip", "netns", "exec", namespace, "tc", "qdisc", "del", "dev", "lo", "root"));
    return true;
  }

  private static Map<NetworkPlan.Device, InterfaceStats> snapshot(
      KernelCounters counters, NetworkPlan plan) throws IOException, InterruptedException {
    Map<String, Map<String, InterfaceStats>> byNamespace = new LinkedHashMap<>();
    Map<NetworkPlan.Device, InterfaceStats> stats = new LinkedHashMap<>();
    for (NetworkPlan.Device device : plan.countedDevices()) {
      Map<String, InterfaceStats> all = byNamespace.get(device.namespace());
      if (all == null) {
        all = counters.interfaces(device.namespace());
        byNamespace.put(device.namespace(), all);
      }
      InterfaceStats s = all.get(device.device());
      if (s != null) {
        stats.put(device, s);
      }
    }
    return stats;
  }

  private static List<DropRow> drops(
      Scenario scenario,
      Names names,
      KernelCounters counters,
      NetworkPlan plan,
      Map<NetworkPlan.Device, InterfaceStats> before,
      Map<NetworkPlan.Device, InterfaceStats> after,
      List<PingResult> pings)
      throws IOException, InterruptedException {
    List<DropRow> rows = new ArrayList<>();
    for (int h = 0; h < scenario.hosts().size(); h++) {
      Host host = scenario.hosts().get(h);
      for (Map.Entry<String, Count> counter : counters.nftCounters(names.host(h)).entrySet()) {
        if (counter.getValue().packets() == 0) {
          continue;
        }
        String name = counter.getKey().substring(counter.getKey().indexOf('/') + 1);
        String reason = name.replace('_', '-');
        rows.add(
            new DropRow(
                "host " + host.name(),
                reason,
                counter.getValue().packets(),
                counter.getValue().bytes()));
      }
    }
    Map<String, Map<String, Count>> lossByNamespace = new LinkedHashMap<>();
    for (NetworkPlan.LossCounter loss : plan.lossCounters()) {
      Map<String, Count> inNamespace = lossByNamespace.get(loss.namespace());
      if (inNamespace == null) {
        inNamespace = counters.nftCounters(loss.namespace());
        lossByNamespace.put(loss.namespace(), inNamespace);
      }
      Count count = inNamespace.get("netdev/" + loss.counter());
      if (count != null && count.packets() > 0) {
        rows.add(new DropRow(loss.where(), "link-loss", count.packets(), count.bytes()));
      }
    }
    for (NetworkPlan.Device device : plan.countedDevices()) {
      InterfaceStats b = before.get(device);
      InterfaceStats a = after.get(device);
      if (a == null || b == null) {
        continue;
      }
      InterfaceStats d = a.minus(b);
      if (d.rxDropped() > 0) {
        rows.add(new DropRow(device.where() + " rx", "kernel-rx-dropped", d.rxDropped(), 0));
      }
      if (d.txDropped() > 0) {
        rows.add(new DropRow(device.where() + " tx", "kernel-tx-dropped", d.txDropped(), 0));
      }
    }
    for (PingResult ping : pings) {
      if (ping.localErrors() > 0 && ping.localMtu() > 0) {
        rows.add(
            new DropRow(
                "ping " + ping.flow() + " at " + ping.src(),
                "mtu-exceeded",
                ping.localErrors(),
                0));
      }
    }
    return rows;
  }

  private static List<LinkRow> links(
      Scenario scenario,
      NetworkPlan plan,
      Map<NetworkPlan.Device, InterfaceStats> before,
      Map<NetworkPlan.Device, InterfaceStats> after,
      double seconds) {
    List<LinkRow> rows = new ArrayList<>();
    List<LinkSpec> links = scenario.underlay().links();
    Map<String, LinkDelay> delays = LinkDelay.of(scenario);
    for (NetworkPlan.Device device : plan.countedDevices()) {
      for (LinkSpec link : links) {
        if (!device.where().equals(link.name() + " at " + link.a())) {
          continue;
        }
        InterfaceStats b = before.get(device);
        InterfaceStats a = after.get(device);
        if (a == null || b == null) {
          continue;
        }
        InterfaceStats d = a.minus(b);
        double capacity = link.bandwidthBps() * Math.max(seconds, 1e-9);
        rows.add(
            new LinkRow(
                link.name(),
                link.a() + "->" + link.b(),
                d.txBytes(),
                d.txPackets(),
                d.txBytes() * 8 / capacity,
                d.txDropped(),
                delays.get(link.name()).ns() / 1e6,
                delays.get(link.name()).source().reportName()));
        rows.add(
            new LinkRow(
                link.name(),
                link.b() + "->" + link.a(),
                d.rxBytes(),
                d.rxPackets(),
                d.rxBytes() * 8 / capacity,
                d.rxDropped(),
                delays.get(link.name()).ns() / 1e6,
                delays.get(link.name()).source().reportName()));
      }
    }
    return rows;
  }

  /** Forwarding entries per overlay: the vxlan devices' own FDB ("self") entries, summed. */
  private List<OverlayRow> overlays(Scenario scenario, Names names)
      throws IOException, InterruptedException {
    List<OverlayRow> rows = new ArrayList<>();
    for (int o = 0; o < scenario.overlays().size(); o++) {
      Overlay overlay = scenario.overlays().get(o);
      long entries = 0;
      if (overlay.encapsulation() == Encapsulation.VXLAN) {
        for (int h = 0; h < scenario.hosts().size(); h++) {
          String hostName = scenario.hosts().get(h).name();
          boolean member = false;
          for (Container c : scenario.containers()) {
            member |= c.host().equals(hostName) && c.overlay().equals(overlay.name());
          }
          if (!member) {
            continue;
          }
          CommandResult fdb =
              runner.run(
                  List.of("bridge", "-n", names.host(h), "fdb", "show", "dev", names.vxlan(o)));
          for (String line : fdb.stdout().split("\n")) {
            if (line.contains(" dst ") && !line.startsWith("00:00:00:00:00:00")) {
              entries++;
            }
          }
        }
      }
      rows.add(
          new OverlayRow(
              overlay.name(),
              overlay.vni(),
              overlay.encapsulation().yamlName(),
              overlay.controlPlane().yamlName(),
              0,
              0,
              0,
              0,
              entries));
    }
    return rows;
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          String[] fields = line.substring(4).trim().split("\\s+");
          return fields.length > 1 && fields[1].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  static Optional<Path> findProgram(String program) {
    String path = System.getenv("PATH");
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
    if (path != null) {
      dirs.addAll(0, List.of(path.split(":")));
    }
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Removes this run's namespaces once, from the finally block or the shutdown hook. */
  private static final class Teardown implements Runnable {
    private final NamespaceJanitor janitor;
    private final Names names;
    private final PrintWriter log;
    private final RunRegistry registry;
    private final AtomicBoolean done = new AtomicBoolean();

    Teardown(NamespaceJanitor janitor, Names names, PrintWriter log, RunRegistry registry) {
      this.janitor = janitor;
      this.names = names;
      this.log = log;
      this.registry = registry;
    }

    boolean started() {
      return done.get();
    }

    @Override
    public void run() {
      synchronized (this) {
        if (!done.compareAndSet(false, true)) {
          return;
        }
      }
      // An interrupted caller must not cut the teardown short: clear the flag, restore it after.
      boolean interrupted = Thread.interrupted();
      try {
        List<String> ours = new ArrayList<>(janitor.all().stream().filter(names::owns).toList());
        // Containers before hosts before routers: the reverse of the build.
        ours.sort((a, b) -> Character.compare(kind(a), kind(b)));
        for (String namespace : ours) {
          janitor.remove(namespace).ifPresent(problem -> log.println("teardown: " + problem));
        }
      } catch (IOException e) {
        log.println("teardown: " + e.getMessage());
      } catch (InterruptedException e) {
        interrupted = true;
      }
      registry.release(names);
      log.flush();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private static char kind(String namespace) {
      char k = namespace.charAt(namespace.lastIndexOf('-') + 1);
      return switch (k) {
        case 'c' -> 'a';
        case 'h' -> 'b';
        default -> 'c';
      };
    }
  }
}
