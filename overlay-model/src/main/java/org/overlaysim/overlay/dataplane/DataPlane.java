package org.overlaysim.overlay.dataplane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.engine.Channel;
import org.overlaysim.engine.PartitionedSimulator;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.fdb.Directory;
import org.overlaysim.overlay.fdb.EvpnForwardingTable;
import org.overlaysim.overlay.fdb.EvpnRoutes;
import org.overlaysim.overlay.fdb.ForwardingTable;
import org.overlaysim.overlay.fdb.LearningForwardingTable;
import org.overlaysim.overlay.fdb.StaticForwardingTable;
import org.overlaysim.overlay.observe.FrameTap;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.scenario.ControlPlane;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.DropReason;
import org.overlaysim.topology.HostNode;
import org.overlaysim.topology.Link;
import org.overlaysim.topology.LinkTransmitter;
import org.overlaysim.topology.Node;
import org.overlaysim.topology.RouterNode;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayListener;
import org.overlaysim.topology.UnderlayNetwork;
import org.overlaysim.topology.UnderlayPacket;
import org.overlaysim.topology.UnderlayPartitions;

/**
 * The run-time data plane: container stacks, host stacks (bridges and VTEPs) and the underlay
 * network, wired together. As the underlay's listener it hands delivered packets to their host and
 * plays the routers' part of RFC 1191: a DF packet too large for the next link is answered with
 * ICMP fragmentation-needed carrying that link's MTU; a packet without DF is fragmented and sent on
 * (RFC 791). Every other underlay drop goes to the observer with the link direction or router.
 */
public final class DataPlane implements UnderlayListener {
  /**
   * Routers have no addresses in the scenario; their ICMP errors come from 100.64.0.0/10 (RFC 6598
   * shared space) plus the router's index, so captures show a distinct source per router.
   */
  public static final int ROUTER_ADDRESS_BASE = (100 << 24) | (64 << 16);

  private final ModelPartition[] parts;
  private final UnderlayPartitions partitions;
  // notices[from][to]: drops told to a probe in another partition; null when none can happen.
  private final Channel[][] notices;
  private final Directory directory;
  private final VtepSettings settings;
  private final UnderlayGraph underlay;
  private final UnderlayNetwork network;
  private final HostStack[] hosts;
  private final ContainerStack[] containers;
  private final int[] hostIps;
  private final String[] linkDirections;
  private final Segmentation segmentation;
  private final Tunnel[] tunnels;
  private final Sealing[] sealings;
  private final EvpnRoutes[] evpnRoutes; // per overlay, null unless its control plane is EVPN
  private FrameTap[] containerTaps;
  private FrameRenderer renderer;

  /** The data plane in one partition: a sequential run. */
  public DataPlane(
      Scenario scenario,
      UnderlayGraph underlay,
      Directory directory,
      Simulator simulator,
      RandomStreams streams,
      NetworkObserver observer,
      VtepSettings settings,
      Map<String, Integer> hostIndex) {
    this(
        scenario,
        underlay,
        directory,
        PartitionedSimulator.of(simulator),
        UnderlayPartitions.whole(underlay),
        streams,
        new NetworkObserver[] {observer},
        settings,
        hostIndex);
  }

  /**
   * The data plane cut into {@code partitions}, partition p running on {@code
   * simulation.partition(p)} and reporting to {@code observers[p]}.
   */
  public DataPlane(
      Scenario scenario,
      UnderlayGraph underlay,
      Directory directory,
      PartitionedSimulator simulation,
      UnderlayPartitions partitions,
      RandomStreams streams,
      NetworkObserver[] observers,
      VtepSettings settings,
      Map<String, Integer> hostIndex) {
    if (observers.length != partitions.count() || simulation.partitions() != partitions.count()) {
      throw new IllegalArgumentException("one simulator and one observer per partition");
    }
    this.partitions = partitions;
    this.parts = new ModelPartition[partitions.count()];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = new ModelPartition(p, simulation.partition(p), observers[p]);
    }
    this.directory = directory;
    this.settings = settings;
    this.underlay = underlay;
    this.network = new UnderlayNetwork(underlay, simulation, partitions, streams, this);
    this.notices = noticeChannels(scenario, simulation);
    List<HostNode> hs = underlay.hosts();
    hostIps = new int[hs.size()];
    List<List<Integer>> local = new ArrayList<>();
    for (int h = 0; h < hs.size(); h++) {
      hostIps[h] = hs.get(h).ipv4();
      local.add(new ArrayList<>());
    }
    for (int c = 0; c < directory.containers(); c++) {
      local.get(directory.host(c)).add(c);
    }
    evpnRoutes = new EvpnRoutes[directory.overlays()];
    for (int o = 0; o < evpnRoutes.length; o++) {
      Overlay overlay = directory.overlay(o);
      if (overlay.controlPlane() == ControlPlane.EVPN) {
        evpnRoutes[o] = new EvpnRoutes(hs.size(), overlay.convergenceNs());
      }
    }
    tunnels = new Tunnel[directory.overlays()];
    sealings = new Sealing[directory.overlays()];
    for (int o = 0; o < tunnels.length; o++) {
      tunnels[o] = Tunnel.of(directory.overlay(o), settings.outerDf());
      sealings[o] = Sealing.of(directory.overlay(o));
    }
    hosts = new HostStack[hs.size()];
    Map<String, Integer> cores = new HashMap<>();
    scenario.hosts().forEach(h -> cores.put(h.name(), h.cores()));
    for (int h = 0; h < hs.size(); h++) {
      ForwardingTable[] tables = new ForwardingTable[directory.overlays()];
      for (int c : local.get(h)) {
        int o = directory.overlayOf(c);
        if (tables[o] == null) {
          tables[o] = table(directory.overlay(o), o, h);
        }
      }
      int[] mine = local.get(h).stream().mapToInt(Integer::intValue).toArray();
      HostNode host = hs.get(h);
      int accessMtu = underlay.links().get(underlay.accessLinkIndex(h)).mtu();
      hosts[h] =
          new HostStack(
              this,
              parts[partitions.ofHost(h)],
              h,
              host.name(),
              host.ipv4(),
              accessMtu,
              cores.getOrDefault(host.name(), 1),
              tables,
              mine);
    }
    containers = new ContainerStack[directory.containers()];
    for (int c = 0; c < containers.length; c++) {
      containers[c] = new ContainerStack(this, c);
    }
    linkDirections = new String[underlay.links().size() * 2];
    for (int i = 0; i < underlay.links().size(); i++) {
      Link link = underlay.links().get(i);
      linkDirections[2 * i] = link.a() + "->" + link.b();
      linkDirections[2 * i + 1] = link.b() + "->" + link.a();
    }
    String[] hostNames = new String[hs.size()];
    for (int h = 0; h < hostNames.length; h++) {
      hostNames[h] = hs.get(h).name();
    }
    int[] hostPartitions = new int[hostNames.length];
    for (int h = 0; h < hostNames.length; h++) {
      hostPartitions[h] = partitions.ofHost(h);
    }
    segmentation = Segmentation.of(scenario, hostNames, hostPartitions, partitions.count());
  }

  /**
   * Channels for drops that happen in one partition and concern a probe waiting in another (its
   * drop listener): only scenarios with probes need them. A notice takes the least time any packet
   * takes between the two partitions, over the shortest chain of crossing links.
   */
  private Channel[][] noticeChannels(Scenario scenario, PartitionedSimulator simulation) {
    int n = partitions.count();
    boolean probes = scenario.traffic().stream().anyMatch(t -> t instanceof ProbeTraffic);
    if (n == 1 || !probes) {
      return null;
    }
    long[][] least = new long[n][n];
    for (long[] row : least) {
      Arrays.fill(row, Long.MAX_VALUE);
    }
    for (int i : partitions.crossingLinks()) {
      Link link = underlay.links().get(i);
      int a = partitions.ofNode(underlay, link.a());
      int b = partitions.ofNode(underlay, link.b());
      long d = UnderlayPartitions.leastDelayNs(link);
      least[a][b] = Math.min(least[a][b], d);
      least[b][a] = Math.min(least[b][a], d);
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (least[i][k] != Long.MAX_VALUE && least[k][j] != Long.MAX_VALUE) {
            least[i][j] = Math.min(least[i][j], least[i][k] + least[k][j]);
          }
        }
      }
    }
    Channel[][] channels = new Channel[n][n];
    for (int from = 0; from < n; from++) {
      for (int to = 0; to < n; to++) {
        if (from != to && least[from][to] != Long.MAX_VALUE) {
          channels[from][to] =
              simulation.channel(
                  from,
                  to,
                  least[from][to],
                  (item, word) -> {
                    DropNotice notice = (DropNotice) item;
                    notice.frame().dropListener.dropped(notice.frame(), notice.reason());
                  },
                  // In one partition the listener is called within the dropping event.
                  false);
        }
      }
    }
    return channels;
  }

  /** A drop on its way to a probe in another partition. */
  private record DropNotice(Frame frame, DropReason reason) {}

  /** How overlay {@code overlay}'s VTEPs encapsulate. */
  Tunnel tunnel(int overlay) {
    return tunnels[overlay];
  }

  /** How overlay {@code overlay}'s packets are encrypted on the underlay. */
  Sealing sealing(int overlay) {
    return sealings[overlay];
  }

  /**
   * Whether overlay {@code overlay}'s frames leave a host wrapped, through its encapsulation and
   * decapsulation (and their cost): by a tunnel, or by encryption around a routed packet.
   */
  boolean wraps(int overlay) {
    return tunnels[overlay].tunnels() || sealings[overlay].seals();
  }

  /** ACLs, NetworkPolicy and connection tracking; null when the scenario has none. */
  Segmentation segmentation() {
    return segmentation;
  }

  private ForwardingTable table(Overlay overlay, int o, int host) {
    ControlPlane cp = overlay.controlPlane();
    if (!overlay.encapsulation().carriesVni()) {
      // Routed overlays have no layer-2 tunnel to flood or learn over: their routes are pushed
      // (Flannel host-gw, Calico), and EVPN-style convergence still applies to them.
      return cp == ControlPlane.EVPN
          ? new EvpnForwardingTable(directory, o, host, overlay.convergenceNs(), evpnRoutes[o])
          : new StaticForwardingTable(directory, o, host);
    }
    return switch (cp) {
      case STATIC -> new StaticForwardingTable(directory, o, host);
      case FLOOD_AND_LEARN -> new LearningForwardingTable(overlay.fdbAgeingNs());
      case EVPN ->
          new EvpnForwardingTable(directory, o, host, overlay.convergenceNs(), evpnRoutes[o]);
    };
  }

  /**
   * Takes host {@code host} down or up (a scenario event; its access link is the underlay's
   * business): its stack drops what its containers send and receive, and the EVPN overlays it
   * serves withdraw its routes, or advertise them again (one type-2 route per container to every
   * other VTEP, as at the start), their convergence time later. Static and flood-and-learn entries
   * elsewhere keep pointing at it.
   */
  public void hostDown(int host, boolean down) {
    hosts[host].down(down);
    for (int o = 0; o < evpnRoutes.length; o++) {
      int local = directory.containersOn(o, host);
      if (evpnRoutes[o] == null || local == 0) {
        continue;
      }
      if (down) {
        evpnRoutes[o].hostDown(host, nowNs());
      } else {
        evpnRoutes[o].hostUp(host, nowNs());
        long updates = (long) local * (directory.memberHosts(o).length - 1);
        for (long m = 0; m < updates; m++) {
          observer()
              .controlFrame(
                  directory.overlay(o).name(), EvpnForwardingTable.TYPE_2_UPDATE_IP_BYTES);
        }
      }
    }
  }

  /** From now on the NetworkPolicies in force are {@code policies} (a scenario event). */
  public void policies(List<NetworkPolicy> policies) {
    segmentation.policies(policies);
  }

  /** The partitions the model runs in, by index. */
  public ModelPartition partition(int index) {
    return parts[index];
  }

  public int partitionCount() {
    return parts.length;
  }

  /** The partition a container runs in: its host's. */
  public ModelPartition partitionOfContainer(int container) {
    return parts[partitions.ofHost(directory.host(container))];
  }

  /** The clock of a model in one partition (scenario events run only there). */
  public Simulator simulator() {
    return only().simulator();
  }

  public long nowNs() {
    return only().simulator().nowNs();
  }

  public NetworkObserver observer() {
    return only().observer();
  }

  private ModelPartition only() {
    if (parts.length != 1) {
      throw new IllegalStateException("the model runs in " + parts.length + " partitions");
    }
    return parts[0];
  }

  public Directory directory() {
    return directory;
  }

  public VtepSettings settings() {
    return settings;
  }

  public UnderlayNetwork network() {
    return network;
  }

  public ContainerStack container(int index) {
    return containers[index];
  }

  public HostStack host(int index) {
    return hosts[index];
  }

  HostStack hostOf(int container) {
    return hosts[directory.host(container)];
  }

  int hostIp(int host) {
    return hostIps[host];
  }

  int hostCount() {
    return hostIps.length;
  }

  int hostIndexByIp(int ip) {
    return underlay.hostIndexByIpv4(ip);
  }

  // ---------------------------------------------------------------- taps

  /** Captures inner frames on a container's interface, both directions. */
  public void tapContainer(int container, FrameTap tap) {
    if (containerTaps == null) {
      containerTaps = new FrameTap[containers.length];
    }
    containerTaps[container] = tap;
    ensureRenderer();
  }

  /**
   * Captures outer frames on an underlay link, each direction to its tap (in a partitioned run each
   * is called on its sending end's thread), timed when each starts on the wire (frames refused by
   * the MTU or a full queue are not seen, as tcpdump would not).
   */
  public void tapLink(int link, FrameTap aToB, FrameTap bToA) {
    ensureRenderer();
    for (int id = 2 * link; id <= 2 * link + 1; id++) {
      LinkTransmitter t = network.transmitter(id);
      long src = nodeMac(t.from());
      long dst = nodeMac(t.to());
      FrameTap tap = id == 2 * link ? aToB : bToA;
      // Called in the sending end's partition; the renderer keeps no state, so threads share it.
      t.tap((item, via, startNs) -> tap.frame(startNs, renderer.outer((Frame) item, src, dst)));
    }
  }

  private long nodeMac(String node) {
    Node n = underlay.node(node);
    if (n instanceof HostNode h) {
      return FrameRenderer.hostMac(h.ipv4());
    }
    return FrameRenderer.routerMac(underlay.routerIndex(node));
  }

  private void ensureRenderer() {
    if (renderer == null) {
      renderer = new FrameRenderer();
    }
  }

  void containerTap(int container, Frame f) {
    if (containerTaps != null && containerTaps[container] != null) {
      containerTaps[container].frame(
          partitionOfContainer(container).simulator().nowNs(), renderer.inner(f));
    }
  }

  // ---------------------------------------------------------------- underlay

  void underlaySend(int host, Frame f) {
    network.send(host, f);
  }

  @Override
  public void delivered(HostNode host, UnderlayPacket packet) {
    hosts[underlay.hostIndexByIpv4(host.ipv4())].fromUnderlay((Frame) packet);
  }

  @Override
  public void lostInFlight(
      UnderlayPacket packet, DropReason reason, String node, Link link, String at) {
    drop(
        parts[partitions.ofNode(underlay, at)],
        (Frame) packet,
        direction(link, node),
        reason,
        packet.ipLength());
  }

  @Override
  public void dropped(UnderlayPacket packet, DropReason reason, String node, Link link) {
    Frame f = (Frame) packet;
    Node at = underlay.node(node);
    ModelPartition part = parts[partitions.ofNode(underlay, node)];
    if (reason == DropReason.MTU_EXCEEDED && link != null && at instanceof RouterNode) {
      int router = underlay.routerIndex(node);
      if (!f.wireDf()) {
        // RFC 791: a router fragments a datagram without DF to the next link's MTU.
        for (Frame fragment : Fragments.onWire(f, link.mtu())) {
          network.inject(router, fragment);
        }
        return;
      }
      drop(part, f, direction(link, node), reason, f.ipLength());
      // RFC 1191 section 4: fragmentation-needed with the next-hop MTU, back to the source.
      int source = f.tunneled ? f.outerSrc : f.srcIp;
      Frame icmp = icmpFragmentationNeeded(f, ROUTER_ADDRESS_BASE + router + 1, source, link.mtu());
      icmp.overlay = f.overlay;
      icmp.routeSrc = icmp.srcIp;
      icmp.routeDst = f.srcIpv4();
      network.inject(router, icmp);
      return;
    }
    String where = link != null ? direction(link, node) : node;
    drop(part, f, where, reason, f.ipLength());
  }

  /**
   * Reports a frame dropped in partition {@code at} to that partition's observer and to the frame's
   * own drop listener, if any: at once when the listener runs in the same partition, one least
   * inter-partition delay later otherwise (as if the news travelled back as a packet).
   */
  void drop(ModelPartition at, Frame f, String where, DropReason reason, int ipBytes) {
    at.observer().dropped(f.flow, where, reason, ipBytes);
    FrameDropListener listener = f.dropListener;
    if (listener != null) {
      int owner = listener.partition();
      if (owner == at.index()) {
        listener.dropped(f, reason);
      } else {
        Channel c = notices[at.index()][owner];
        c.post(at.simulator().nowNs() + c.lookaheadNs(), new DropNotice(f, reason), 0);
      }
    }
  }

  /**
   * An ICMP fragmentation-needed message quoting {@code about} as Linux does, a router (icmp_send,
   * RFC 1812 section 4.3.2.3) and a VTEP (iptunnel_pmtud_build_icmp) alike: as much of the datagram
   * as its sender sent (the outer one when the error goes to the VTEP that encapsulated it) as
   * keeps the error within 576 bytes, {@link IcmpMessage#LINUX_MAXIMUM_QUOTE} at most.
   */
  static Frame icmpFragmentationNeeded(Frame about, int from, int to, int mtu) {
    Frame icmp = new Frame();
    icmp.srcIp = from;
    icmp.dstIp = to;
    int datagram = about.tunneled && to == about.outerSrc ? about.outerLength : about.ipLength;
    icmp.icmpError(
        IcmpMessage.TYPE_DESTINATION_UNREACHABLE,
        IcmpMessage.CODE_FRAGMENTATION_NEEDED,
        mtu & 0xffff,
        Math.min(IcmpMessage.LINUX_MAXIMUM_QUOTE, datagram),
        about);
    return icmp;
  }

  private String direction(Link link, String from) {
    int i = underlay.linkIndex(link.name());
    return linkDirections[2 * i + (from.equals(link.a()) ? 0 : 1)];
  }
}
