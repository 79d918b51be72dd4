package org.overlaysim.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.overlaysim.engine.Channel;
import org.overlaysim.engine.PartitionedSimulator;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;

/**
 * An {@link UnderlayGraph} running in a simulation: one {@link LinkTransmitter} per link direction,
 * and routers that forward what arrives. A router decrements the TTL ({@code ttl-expired} at 0, RFC
 * 1812 section 5.3.1), looks the destination host up by address ({@code no-route} if unknown or
 * unreachable), and sends the packet either down the destination's access link or on a
 * shortest-delay path to its router, choosing among equal-cost next hops by the 5-tuple hash.
 *
 * <p>Every drop is reported to the listener exactly once, including refusals that {@link #send(int,
 * UnderlayPacket)} also returns to the sender.
 */
public final class UnderlayNetwork {
  private final UnderlayGraph underlay;
  private RoutingTable routing;
  private final UnderlayListener listener;
  private final LinkTransmitter[] transmitters;
  private final HostNode[] hosts;
  private final String[] routerNames;
  // Per host, its router and the id of the transmitter down its access link side by side: what a
  // router needs about the destination host, in one cache line.
  private final int[] hostRouterAndDownlink;

  public UnderlayNetwork(
      UnderlayGraph underlay,
      Simulator simulator,
      RandomStreams streams,
      UnderlayListener listener) {
    this(
        underlay,
        PartitionedSimulator.of(simulator),
        UnderlayPartitions.whole(underlay),
        streams,
        listener);
  }

  /**
   * The underlay cut into {@code partitions}: each link direction runs on the simulator of the
   * partition it sends from, and a direction into another partition sends over a channel whose
   * lookahead is the link's least delay.
   */
  public UnderlayNetwork(
      UnderlayGraph underlay,
      PartitionedSimulator simulation,
      UnderlayPartitions partitions,
      RandomStreams streams,
      UnderlayListener listener) {
    this.underlay = Objects.requireNonNull(underlay, "underlay");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.routing = underlay.routing();
    this.hosts = underlay.hosts().toArray(new HostNode[0]);
    this.routerNames = new String[underlay.routers().size()];
    for (int i = 0; i < routerNames.length; i++) {
      routerNames[i] = underlay.routers().get(i).name();
    }
    this.hostRouterAndDownlink = new int[2 * hosts.length];
    for (int h = 0; h < hosts.length; h++) {
      hostRouterAndDownlink[2 * h] = underlay.hostRouterIndex(h);
      hostRouterAndDownlink[2 * h + 1] = 2 * underlay.accessLinkIndex(h) + 1;
    }
    List<Link> links = underlay.links();
    transmitters = new LinkTransmitter[links.size() * 2];
    for (int i = 0; i < links.size(); i++) {
      Link link = links.get(i);
      for (int end = 0; end < 2; end++) {
        String from = end == 0 ? link.a() : link.b();
        int p = partitions.ofNode(underlay, from);
        LinkTransmitter t = new LinkTransmitter(simulation.partition(p), streams, link, from);
        if (partitions.crossing(i)) {
          int q = partitions.ofNode(underlay, link.opposite(from));
          Channel c = simulation.channel(p, q, UnderlayPartitions.leastDelayNs(link), t);
          t.crossTo(c);
        }
        transmitters[2 * i + end] = t;
      }
    }
    LinkSink[] sinks = new LinkSink[underlay.routers().size() + hosts.length];
    for (int r = 0; r < routerNames.length; r++) {
      sinks[r] = new RouterSink(r);
    }
    for (int h = 0; h < hosts.length; h++) {
      sinks[routerNames.length + h] = new HostSink(hosts[h]);
    }
    for (LinkTransmitter t : transmitters) {
      Node to = underlay.node(t.to());
      int sink =
          to instanceof RouterNode
              ? underlay.routerIndex(to.name())
              : routerNames.length + underlay.hostIndex(to.name());
      t.connect(sinks[sink]);
    }
  }

  public UnderlayGraph underlay() {
    return underlay;
  }

  /**
   * A host puts a packet on its access link (the first hop of every packet it sends). Returns
   * {@link SendResult#MTU_EXCEEDED} when the packet exceeds the access link's MTU (Linux's
   * EMSGSIZE) and {@link SendResult#QUEUE_FULL} when the host's queue is full.
   */
  public SendResult send(int hostIndex, UnderlayPacket packet) {
    LinkTransmitter up = transmitters[2 * underlay.accessLinkIndex(hostIndex)];
    SendResult result = up.send(packet);
    if (result != SendResult.SENT) {
      listener.dropped(packet, result.dropReason(), up.from(), up.link());
    }
    return result;
  }

  public SendResult send(HostNode host, UnderlayPacket packet) {
    return send(underlay.hostIndex(host.name()), packet);
  }

  /**
   * A packet originated by a router itself (e.g. an ICMP error the data plane builds), routed from
   * there without a TTL decrement. Returns what happened on the first link.
   */
  public SendResult inject(int routerIndex, UnderlayPacket packet) {
    return route(routerIndex, packet);
  }

  /** The routes the routers forward on now. */
  public RoutingTable routing() {
    return routing;
  }

  /**
   * From now on the routers forward on {@code table} (they converged on a changed topology);
   * packets already on a link go on where they were sent.
   */
  public void routing(RoutingTable table) {
    this.routing = Objects.requireNonNull(table, "table");
  }

  /** The transmitter with that id ({@code 2 * linkIndex}, {@code + 1} from the link's b end). */
  public LinkTransmitter transmitter(int id) {
    return transmitters[id];
  }

  /** The transmitter of {@code link} sending from node {@code from}. */
  public LinkTransmitter transmitter(String link, String from) {
    int i = underlay.linkIndex(link);
    Link l = underlay.links().get(i);
    if (from.equals(l.a())) {
      return transmitters[2 * i];
    }
    if (from.equals(l.b())) {
      return transmitters[2 * i + 1];
    }
    throw new IllegalArgumentException(from + " is not an endpoint of link " + link);
  }

  /** Counters of every link direction, in link order, a-to-b first (the rows of links.csv). */
  public List<LinkCounters> counters() {
    List<LinkCounters> rows = new ArrayList<>(transmitters.length);
    for (LinkTransmitter t : transmitters) {
      rows.add(t.counters());
    }
    return rows;
  }

  private SendResult route(int router, UnderlayPacket packet) {
    int dstHost = underlay.hostIndexByIpv4(packet.dstIpv4());
    if (dstHost < 0) {
      listener.dropped(packet, DropReason.NO_ROUTE, routerNames[router], null);
      return SendResult.NO_ROUTE;
    }
    int dstRouter = hostRouterAndDownlink[2 * dstHost];
    int id;
    if (dstRouter == router) {
      id = hostRouterAndDownlink[2 * dstHost + 1];
    } else {
      id = routing.singleNextHop(router, dstRouter);
      if (id == RoutingTable.SEVERAL) {
        id = routing.nextHop(router, dstRouter, FlowHash.of(packet));
      }
      if (id < 0) {
        listener.dropped(packet, DropReason.NO_ROUTE, routerNames[router], null);
        return SendResult.NO_ROUTE;
      }
    }
    LinkTransmitter out = transmitters[id];
    SendResult result = out.send(packet);
    if (result != SendResult.SENT) {
      listener.dropped(packet, result.dropReason(), routerNames[router], out.link());
    }
    return result;
  }

  /** Packets lost on the way to a node, reported with the link direction they were on. */
  private abstract class NodeSink implements LinkSink {
    @Override
    public void lost(Transmittable item, LinkTransmitter via) {
      listener.lostInFlight(
          (UnderlayPacket) item, DropReason.LINK_LOSS, via.from(), via.link(), via.to());
    }

    @Override
    public void cut(Transmittable item, LinkTransmitter via) {
      listener.lostInFlight(
          (UnderlayPacket) item, DropReason.LINK_DOWN, via.from(), via.link(), via.to());
    }
  }

  private final class RouterSink extends NodeSink {
    private final int router;

    RouterSink(int router) {
      this.router = router;
    }

    @Override
    public void delivered(Transmittable item, LinkTransmitter via) {
      UnderlayPacket packet = (UnderlayPacket) item;
      if (packet.decrementTtl() <= 0) {
        listener.dropped(packet, DropReason.TTL_EXPIRED, routerNames[router], null);
        return;
      }
      route(router, packet);
    }
  }

  private final class HostSink extends NodeSink {
    private final HostNode host;

    HostSink(HostNode host) {
      this.host = host;
    }

    @Override
    public void delivered(Transmittable item, LinkTransmitter via) {
      listener.delivered(host, (UnderlayPacket) item);
    }
  }
}
