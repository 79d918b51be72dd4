package org.overlaysim.overlay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.ContainerStack;
import org.overlaysim.overlay.dataplane.DataPlane;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.dataplane.ModelPartition;
import org.overlaysim.overlay.fdb.Directory;
import org.overlaysim.overlay.fdb.EvpnForwardingTable;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.policy.Reachability;
import org.overlaysim.overlay.traffic.EndpointPairing;
import org.overlaysim.overlay.traffic.PingFlow;
import org.overlaysim.overlay.traffic.ProbeFlow;
import org.overlaysim.overlay.traffic.RequestResponseFlow;
import org.overlaysim.overlay.traffic.StackOutput;
import org.overlaysim.overlay.traffic.TcpBulkFlow;
import org.overlaysim.overlay.traffic.TcpConnection;
import org.overlaysim.overlay.traffic.TcpListener;
import org.overlaysim.overlay.traffic.TcpSettings;
import org.overlaysim.overlay.traffic.UdpFlow;
import org.overlaysim.overlay.traffic.UdpResponder;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ControlPlane;
import org.overlaysim.scenario.Endpoint;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.RequestResponseTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TcpTraffic;
import org.overlaysim.scenario.TrafficSpec;
import org.overlaysim.scenario.UdpTraffic;

/**
 * The scenario's traffic on a built network: ping, udp, tcp, request-response and probe flows
 * between the containers their endpoints name, the sockets and listeners they need, the TCP
 * connections of each flow, and the EVPN route advertisements at time 0.
 */
final class ScenarioTraffic {
  /** Linux's ephemeral port range start ({@code ip_local_port_range}), for UDP senders. */
  static final int EPHEMERAL_PORT_MIN = 32768;

  private static final int EPHEMERAL_PORTS = 60999 - 32768 + 1;

  private final Scenario scenario;
  private final RandomStreams streams;
  private final Directory directory;
  private final DataPlane dataPlane;
  private boolean started;
  // TCP: listeners by (container << 16 | port), next ephemeral port per container, connections.
  private final Map<Long, TcpListener> listeners = new TreeMap<>();
  private final Map<Integer, Integer> nextTcpPort = new TreeMap<>();
  private final Map<Integer, List<TcpConnection>> tcpClients = new TreeMap<>();
  // Servers by (flow << 16 | partition): each list is filled by its own partition's thread.
  private final Map<Long, List<TcpConnection>> tcpServers = new TreeMap<>();
  private final Set<Integer> closedLoop = new TreeSet<>();
  // Probes: which flows are probes, reply sockets by (container << 8 | protocol).
  private boolean[] probeFlows;
  private final Map<Integer, ProbeFlow.ProbeSocket> probeSockets = new TreeMap<>();
  private final List<ProbeFlow> probes = new ArrayList<>();

  ScenarioTraffic(
      Scenario scenario, RandomStreams streams, Directory directory, DataPlane dataPlane) {
    this.scenario = scenario;
    this.streams = streams;
    this.directory = directory;
    this.dataPlane = dataPlane;
  }

  /**
   * Schedules the scenario's ping and udp traffic (other kinds are left to their generators), and
   * the EVPN route advertisements of every container at time 0.
   */
  void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    advertiseEvpnRoutes();
    List<TrafficSpec> traffic = scenario.traffic();
    probeFlows = new boolean[traffic.size()];
    for (int flow = 0; flow < traffic.size(); flow++) {
      probeFlows[flow] = traffic.get(flow) instanceof ProbeTraffic;
    }
    for (int flow = 0; flow < traffic.size(); flow++) {
      TrafficSpec spec = traffic.get(flow);
      if (spec instanceof PingTraffic ping) {
        startPing(flow, ping);
      } else if (spec instanceof UdpTraffic udp) {
        startUdp(flow, udp);
      } else if (spec instanceof TcpTraffic tcp) {
        startTcp(flow, tcp);
      } else if (spec instanceof RequestResponseTraffic rr) {
        // Rate 0 (should the format come to allow it) means a closed loop as well.
        startRequestResponse(flow, rr, closedLoop.contains(flow) || rr.ratePerSecond() == 0);
      } else if (spec instanceof ProbeTraffic probe) {
        startProbe(flow, probe);
      }
    }
  }

  private void startPing(int flow, PingTraffic ping) {
    List<int[]> pairs = EndpointPairing.pairs(indexes(ping.from()), indexes(ping.to()));
    for (int p = 0; p < pairs.size(); p++) {
      int[] pair = pairs.get(p);
      // One ping process per pair; its identifier tells the processes apart, as the pid does.
      int identifier = (flow * 1000 + p + 1) & 0xffff;
      ModelPartition part = dataPlane.partitionOfContainer(pair[0]);
      new PingFlow(
              part.simulator(),
              part.observer(),
              flow,
              dataPlane.container(pair[0]),
              directory.ip(pair[1]),
              identifier,
              ping.size(),
              ping.df(),
              ping.intervalNs(),
              ping.count(),
              ping.stopNs())
          .start(ping.startNs());
    }
  }

  private void startUdp(int flow, UdpTraffic udp) {
    List<int[]> pairs = EndpointPairing.pairs(indexes(udp.from()), indexes(udp.to()));
    for (int p = 0; p < pairs.size(); p++) {
      int[] pair = pairs.get(p);
      int sourcePort = EPHEMERAL_PORT_MIN + (flow * 1009 + p) % EPHEMERAL_PORTS;
      ModelPartition part = dataPlane.partitionOfContainer(pair[0]);
      new UdpFlow(
              part.simulator(),
              part.observer(),
              flow,
              dataPlane.container(pair[0]),
              directory.ip(pair[1]),
              sourcePort,
              udp.port(),
              udp.size(),
              udp.df(),
              udp.rateBps(),
              udp.stopNs())
          .start(udp.startNs());
    }
  }

  private void startTcp(int flow, TcpTraffic tcp) {
    TcpSettings settings =
        TcpSettings.LINUX
            .withReceiveWindow(tcp.windowBytes())
            .withCongestionControl(tcp.congestionControl());
    List<int[]> pairs = EndpointPairing.pairs(indexes(tcp.from()), indexes(tcp.to()));
    List<TcpConnection> clients = tcpClients.computeIfAbsent(flow, f -> new ArrayList<>());
    for (int[] pair : pairs) {
      List<TcpConnection> servers = servers(flow, pair[1]);
      listener(pair[1], tcp.port())
          .acceptor(
              flow,
              settings,
              c -> {
                servers.add(c);
                return TcpBulkFlow.SERVER;
              });
      TcpConnection client = openClient(flow, pair[0], pair[1], tcp.port(), settings);
      clients.add(client);
      new TcpBulkFlow(client, tcp.bytes());
      Simulator simulator = dataPlane.partitionOfContainer(pair[0]).simulator();
      simulator.scheduleAt(tcp.startNs(), client::connect);
      if (tcp.bytes() == 0) {
        simulator.scheduleAt(tcp.stopNs(), client::stopWriting);
      }
    }
  }

  /**
   * Runs request-response flow {@code flow} as a closed loop (the next request when the response
   * completes) instead of at its rate; call before {@link #start()}. The scenario format has no way
   * to ask for it yet (its rate must be above zero).
   */
  void closedLoop(int flow) {
    if (started) {
      throw new IllegalStateException("already started");
    }
    if (!(scenario.traffic().get(flow) instanceof RequestResponseTraffic)) {
      throw new IllegalArgumentException("flow " + flow + " is not request-response");
    }
    closedLoop.add(flow);
  }

  /**
   * One TCP connection per client (pairs as {@link EndpointPairing}); arrivals of pair p come from
   * the random stream {@code traffic/<name>/<p>}.
   */
  private void startRequestResponse(int flow, RequestResponseTraffic rr, boolean closed) {
    List<int[]> pairs = EndpointPairing.pairs(indexes(rr.from()), indexes(rr.to()));
    List<TcpConnection> clients = tcpClients.computeIfAbsent(flow, f -> new ArrayList<>());
    TcpSettings settings = TcpSettings.LINUX.withCongestionControl(rr.congestionControl());
    for (int p = 0; p < pairs.size(); p++) {
      int[] pair = pairs.get(p);
      List<TcpConnection> servers = servers(flow, pair[1]);
      listener(pair[1], rr.port())
          .acceptor(
              flow,
              settings,
              c -> {
                servers.add(c);
                c.segmentDelaySamples(false);
                return RequestResponseFlow.server(rr.requestSize(), rr.responseSize());
              });
      TcpConnection client = openClient(flow, pair[0], pair[1], rr.port(), settings);
      clients.add(client);
      ModelPartition part = dataPlane.partitionOfContainer(pair[0]);
      new RequestResponseFlow(
          part.simulator(),
          part.observer(),
          flow,
          client,
          rr.requestSize(),
          rr.responseSize(),
          closed ? 0 : rr.ratePerSecond(),
          closed ? null : streams.stream("traffic/" + rr.name() + "/" + p),
          rr.stopNs());
      part.simulator().scheduleAt(rr.startNs(), client::connect);
    }
  }

  /**
   * Probe packets for every pair {@link Reachability#probe} visits (the same order and sampling,
   * from the stream {@link Reachability#streamName}); every destination listens on each port.
   */
  private void startProbe(int flow, ProbeTraffic probe) {
    Reachability reachability = new Reachability(scenario);
    List<Container> all = reachability.containers();
    int[] index = new int[all.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = requireContainer(all.get(i).name());
    }
    List<ProbePort> ports = probe.ports();
    int[][] triples = {new int[48]};
    int[] count = {0};
    reachability.probe(
        probe,
        streams.stream(Reachability.streamName(probe)),
        (src, dst, port, verdict) -> {
          if (3 * count[0] + 3 > triples[0].length) {
            triples[0] = Arrays.copyOf(triples[0], triples[0].length * 2);
          }
          int d = index[dst];
          triples[0][3 * count[0]] = index[src];
          triples[0][3 * count[0] + 1] = d;
          triples[0][3 * count[0] + 2] = ports.indexOf(port);
          count[0]++;
          switch (port.protocol()) {
            case UDP -> datagramResponder(d, IpProtocol.UDP, port.port());
            case SCTP -> datagramResponder(d, Frame.SCTP, port.port());
            case TCP -> listener(d, port.port());
          }
          // Bound now, before partitions run: the run only looks sockets up.
          probeSocket(index[src], ProbeFlow.protocolNumber(port));
        });
    ProbeFlow.Containers view =
        new ProbeFlow.Containers() {
          @Override
          public ContainerStack stack(int container) {
            return dataPlane.container(container);
          }

          @Override
          public String name(int container) {
            return directory.name(container);
          }

          @Override
          public int overlay(int container) {
            return directory.overlayOf(container);
          }

          @Override
          public ProbeFlow.ProbeSocket socket(int container, int protocol) {
            return probeSockets.get(container << 8 | protocol);
          }
        };
    // One flow per partition of the sources, each with its probes in the flow's order and their
    // places in it (see ProbeFlow#start).
    int partitions = dataPlane.partitionCount();
    int[][] partTriples = new int[partitions][3 * count[0]];
    int[][] partSlots = new int[partitions][count[0]];
    int[] partCount = new int[partitions];
    for (int i = 0; i < count[0]; i++) {
      int p = dataPlane.partitionOfContainer(triples[0][3 * i]).index();
      System.arraycopy(triples[0], 3 * i, partTriples[p], 3 * partCount[p], 3);
      partSlots[p][partCount[p]++] = i;
    }
    for (int p = 0; p < partitions; p++) {
      if (partCount[p] == 0 && p > 0) {
        continue;
      }
      ModelPartition part = dataPlane.partition(p);
      ProbeFlow probeFlow =
          new ProbeFlow(
              part.simulator(),
              part.observer(),
              flow,
              ports,
              probe.timeoutNs(),
              view,
              p,
              partTriples[p],
              partSlots[p],
              partCount[p]);
      probes.add(probeFlow);
      probeFlow.start(probe.startNs());
    }
  }

  private ProbeFlow.ProbeSocket probeSocket(int container, int protocol) {
    return probeSockets.computeIfAbsent(
        container << 8 | protocol,
        k -> {
          ProbeFlow.ProbeSocket socket = new ProbeFlow.ProbeSocket();
          dataPlane.container(container).bind(protocol, Reachability.PROBE_SOURCE_PORT, socket);
          return socket;
        });
  }

  private void datagramResponder(int container, int protocol, int port) {
    ContainerStack stack = dataPlane.container(container);
    if (stack.handler(protocol, port) == null) {
      stack.bind(protocol, port, new UdpResponder(stack, stack.partition().observer(), probeFlows));
    }
  }

  /** The listening socket on a container's TCP port, bound on first use. */
  private TcpListener listener(int container, int port) {
    return listeners.computeIfAbsent(
        // A long: 150,000 containers shifted by 16 bits do not fit an int.
        (long) container << 16 | port,
        k -> {
          ContainerStack stack = dataPlane.container(container);
          ModelPartition part = stack.partition();
          TcpListener l =
              new TcpListener(
                  part.simulator(), part.observer(), new StackOutput(stack), stack.ip(), port);
          stack.bind(IpProtocol.TCP, port, l);
          return l;
        });
  }

  /**
   * A client connection from container {@code src} to {@code dst}'s port, bound to the next free
   * ephemeral port of {@code src} (from 32769: 32768 is the probes' source port).
   */
  private TcpConnection openClient(int flow, int src, int dst, int port, TcpSettings settings) {
    ContainerStack stack = dataPlane.container(src);
    int local = nextTcpPort.getOrDefault(src, EPHEMERAL_PORT_MIN + 1);
    while (stack.handler(IpProtocol.TCP, local) != null) {
      local++;
    }
    nextTcpPort.put(src, local + 1);
    ModelPartition part = stack.partition();
    TcpConnection c =
        new TcpConnection(
            part.simulator(),
            part.observer(),
            flow,
            new StackOutput(stack),
            stack.ip(),
            local,
            directory.ip(dst),
            port,
            settings);
    stack.bind(IpProtocol.TCP, local, c);
    return c;
  }

  /** The client ends of a tcp or request-response flow's connections, in pair order. */
  List<TcpConnection> tcpClients(int flow) {
    return List.copyOf(tcpClients.getOrDefault(flow, List.of()));
  }

  /**
   * The server ends of a flow's connections: by partition, in each in the order they were accepted
   * (with one partition, simply in that order).
   */
  List<TcpConnection> tcpServers(int flow) {
    List<TcpConnection> all = new ArrayList<>();
    for (int p = 0; p < dataPlane.partitionCount(); p++) {
      all.addAll(tcpServers.getOrDefault((long) flow << 16 | p, List.of()));
    }
    return all;
  }

  /** The list that the servers of {@code flow} in {@code container}'s partition go to. */
  private List<TcpConnection> servers(int flow, int container) {
    int p = dataPlane.partitionOfContainer(container).index();
    return tcpServers.computeIfAbsent((long) flow << 16 | p, k -> new ArrayList<>());
  }

  /**
   * Each VTEP sends one type-2 route per local container of an EVPN overlay to every other VTEP of
   * the VNI (an iBGP full mesh), when the container appears at time 0.
   */
  private void advertiseEvpnRoutes() {
    for (int o = 0; o < directory.overlays(); o++) {
      Overlay overlay = directory.overlay(o);
      if (overlay.controlPlane() != ControlPlane.EVPN) {
        continue;
      }
      long messages = (long) directory.containerCount(o) * (directory.memberHosts(o).length - 1);
      String name = overlay.name();
      // Counted, not sent: the count lands in the first partition's observer.
      ModelPartition first = dataPlane.partition(0);
      first
          .simulator()
          .scheduleAt(
              0,
              () -> {
                for (long m = 0; m < messages; m++) {
                  first.observer().controlFrame(name, EvpnForwardingTable.TYPE_2_UPDATE_IP_BYTES);
                }
              });
    }
  }

  private int[] indexes(Endpoint endpoint) {
    int[] out = new int[endpoint.containers().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = requireContainer(endpoint.containers().get(i));
    }
    return out;
  }

  private int requireContainer(String name) {
    return container(directory, name);
  }

  /** The index of the container of that name. */
  static int container(Directory directory, String name) {
    int c = directory.containerIndex(name);
    if (c < 0) {
      throw new IllegalArgumentException("no container named '" + name + "'");
    }
    return c;
  }

  /** Reports the probes still undecided when the run ends (see {@link OverlayNetwork#finish}). */
  void finish() {
    for (ProbeFlow p : probes) {
      p.finish();
    }
  }
}
