package org.overlaysim.overlay.dataplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.overlay.fdb.Directory;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.ArpPacket;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.UdpHeader;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;
import org.overlaysim.topology.DropReason;

/**
 * A container's network stack behind its one interface, as Linux's: IPv4 with the interface MTU, a
 * path-MTU cache (RFC 1191), local fragmentation (DF clear) or refusal (DF set: EMSGSIZE, ping's
 * "message too long"), reassembly, echo replies, TCP and UDP demultiplexed to bound sockets, and
 * ARP where the overlay needs it (flood-and- learn: requests broadcast, up to 3 tries 1 s apart as
 * Linux's mcast_solicit and retrans_time; neighbour entries kept once resolved, as a stale Linux
 * entry is still used).
 */
public final class ContainerStack {
  static final int ARP_TRIES = 3;
  static final long ARP_RETRY_NS = 1_000_000_000L;

  private final DataPlane dp;
  private final ModelPartition part;
  private final int index;
  private final int ip;
  private final long mac;
  private final int ifMtu;
  private final int overlay;
  private final PathMtuCache pathMtu = new PathMtuCache();
  private final NeighbourTable neighbours = new NeighbourTable();
  // Packets waiting for ARP, by next hop; created on the first miss (flood-and-learn only).
  private Map<Integer, List<Frame>> unresolved;
  private int nextIpId;
  // Bound sockets: (protocol << 16 | port) -> handler, scanned linearly (a container binds few).
  private int[] boundKeys = new int[0];
  private TransportHandler[] boundHandlers = new TransportHandler[0];

  ContainerStack(DataPlane dp, int index) {
    this.dp = dp;
    this.part = dp.hostOf(index).partition();
    this.index = index;
    Directory d = dp.directory();
    this.ip = d.ip(index);
    this.mac = d.mac(index);
    this.ifMtu = d.mtu(index);
    this.overlay = d.overlayOf(index);
    // Linux seeds the IP ID per destination; a per-container counter suffices to tell datagrams
    // apart for reassembly.
    this.nextIpId = index * 7919 & 0xffff;
  }

  public String name() {
    return dp.directory().name(index);
  }

  public int ip() {
    return ip;
  }

  public int index() {
    return index;
  }

  /** The partition this container runs in: its host's. */
  public ModelPartition partition() {
    return part;
  }

  /**
   * Binds a handler to a local protocol and port: whole TCP segments and UDP datagrams for it go to
   * the handler instead of the stack's default (UDP: measured as delivered; TCP: ignored).
   *
   * @throws IllegalStateException if the port is already bound for the protocol
   */
  public void bind(int protocol, int port, TransportHandler handler) {
    if (handler(protocol, port) != null) {
      throw new IllegalStateException(
          name() + ": port " + port + "/" + protocol + " already bound");
    }
    int n = boundKeys.length;
    boundKeys = java.util.Arrays.copyOf(boundKeys, n + 1);
    boundHandlers = java.util.Arrays.copyOf(boundHandlers, n + 1);
    boundKeys[n] = protocol << 16 | port;
    boundHandlers[n] = handler;
  }

  /** The handler bound to a local protocol and port, or null. */
  public TransportHandler handler(int protocol, int port) {
    int key = protocol << 16 | port;
    for (int i = 0; i < boundKeys.length; i++) {
      if (boundKeys[i] == key) {
        return boundHandlers[i];
      }
    }
    return null;
  }

  /** The default for a UDP datagram no socket is bound to: delivered, measured (one-way delay). */
  public void measureDatagram(Frame whole) {
    NetworkObserver observer = part.observer();
    observer.packetDelivered(whole.flow, whole.ipLength);
    observer.payloadDelivered(whole.flow, whole.l4Length - UdpHeader.HEADER_LENGTH);
    observer.latencySample(whole.flow, part.simulator().nowNs() - whole.appSentNs);
  }

  /** The path MTU this stack uses towards {@code dstIp} now. */
  public int pathMtu(int dstIp) {
    return pathMtu.mtu(dstIp, ifMtu, part.simulator().nowNs());
  }

  /**
   * Sends an IPv4 packet whose destination, protocol and lengths are filled in. Returns false when
   * the stack refused it (DF set and larger than the path MTU).
   */
  public boolean send(Frame f) {
    NetworkObserver observer = part.observer();
    f.srcIp = ip;
    f.srcMac = mac;
    f.overlay = overlay;
    f.srcContainer = index;
    f.ipId = (char) nextIpId;
    nextIpId = (nextIpId + 1) & 0xffff;
    int mtu = pathMtu.mtu(f.dstIp, ifMtu, part.simulator().nowNs());
    if (f.ipLength > mtu) {
      if (f.df) {
        dp.drop(part, f, name(), DropReason.MTU_EXCEEDED, f.ipLength);
        return false;
      }
      Frame[] fragments = Fragments.inner(f, mtu);
      observer.fragmented(f.flow, fragments.length);
      for (Frame fragment : fragments) {
        resolveAndSend(fragment);
      }
      return true;
    }
    resolveAndSend(f);
    return true;
  }

  private void resolveAndSend(Frame f) {
    HostStack host = dp.hostOf(index);
    if (host.routed(overlay)) {
      f.dstMac = HostStack.GATEWAY_MAC;
      transmit(f);
      return;
    }
    long known = host.proxyArp(overlay, f.dstIp);
    if (known >= 0) {
      f.dstMac = known;
      transmit(f);
      return;
    }
    if (!host.floods(overlay)) {
      // The VTEP's ARP proxy has no entry and nothing is flooded (Linux vxlan: l3miss).
      dp.drop(part, f, host.whereVtep(), DropReason.NO_FDB, f.ipLength);
      return;
    }
    long neighbour = neighbours.get(f.dstIp);
    if (neighbour != NeighbourTable.NONE) {
      f.dstMac = neighbour;
      transmit(f);
      return;
    }
    if (unresolved == null) {
      unresolved = new HashMap<>();
    }
    List<Frame> waiting = unresolved.get(f.dstIp);
    if (waiting == null) {
      waiting = new ArrayList<>();
      unresolved.put(f.dstIp, waiting);
      waiting.add(f);
      new ArpResolution(f.dstIp).handle();
    } else {
      waiting.add(f);
    }
  }

  private void transmit(Frame f) {
    dp.containerTap(index, f);
    dp.hostOf(index).fromContainer(f);
  }

  /** Linux's neighbour resolution: broadcast requests, then give up and drop what waited. */
  private final class ArpResolution implements EventHandler {
    private final int target;
    private int tries;

    ArpResolution(int target) {
      this.target = target;
    }

    @Override
    public void handle() {
      if (!unresolved.containsKey(target)) {
        return;
      }
      if (tries == ARP_TRIES) {
        List<Frame> dropped = unresolved.remove(target);
        for (Frame f : dropped) {
          dp.drop(part, f, name(), DropReason.NO_FDB, f.ipLength);
        }
        return;
      }
      tries++;
      Frame request = new Frame();
      request.etherType = EtherType.ARP;
      request.overlay = overlay;
      request.srcContainer = index;
      request.srcMac = mac;
      request.dstMac = MacAddress.BROADCAST.bits();
      request.arp = ArpPacket.request(new MacAddress(mac), new Ipv4(ip), new Ipv4(target));
      transmit(request);
      part.simulator().schedule(ARP_RETRY_NS, this);
    }
  }

  /** A frame the bridge (or the host's routing) hands to this interface. */
  void receive(Frame f) {
    dp.containerTap(index, f);
    if (f.isArp()) {
      receiveArp(f);
      return;
    }
    if (f.dstIp != ip) {
      return;
    }
    Frame whole = Fragments.reassembleInner(f);
    if (whole == null) {
      return;
    }
    NetworkObserver observer = part.observer();
    if (whole.isEchoRequest()) {
      observer.packetDelivered(whole.flow, whole.ipLength);
      observer.payloadDelivered(whole.flow, whole.l4Length - IcmpMessage.HEADER_LENGTH);
      Frame reply = new Frame();
      reply.flow = whole.flow;
      reply.appSentNs = whole.appSentNs;
      reply.dstIp = whole.srcIp;
      // Linux's ICMP socket sends without DF (icmp_sk_init: IP_PMTUDISC_DONT): a reply larger
      // than the path is fragmented, not lost, whatever the request's DF.
      reply.df = false;
      reply.icmp(
          IcmpMessage.TYPE_ECHO_REPLY,
          0,
          whole.icmp.rest(),
          whole.l4Length - IcmpMessage.HEADER_LENGTH);
      observer.packetSent(reply.flow, reply.ipLength);
      send(reply);
    } else if (whole.isEchoReply()) {
      observer.packetDelivered(whole.flow, whole.ipLength);
      observer.payloadDelivered(whole.flow, whole.l4Length - IcmpMessage.HEADER_LENGTH);
      observer.latencySample(whole.flow, part.simulator().nowNs() - whole.appSentNs);
    } else if (whole.isFragmentationNeeded()) {
      // RFC 1191 section 6.3: lower the path MTU to the quoted destination.
      Frame quoted = whole.icmp.quoted();
      pathMtu.lower(quoted.dstIp, whole.icmp.rest() & 0xffff, part.simulator().nowNs());
      if (quoted.srcContainer == index && quoted.hasPorts()) {
        TransportHandler socket = handler(quoted.protocol, quoted.srcPort);
        if (socket != null) {
          socket.fragmentationNeeded(quoted);
        }
      }
    } else if (whole.protocol == IpProtocol.UDP) {
      TransportHandler socket = handler(IpProtocol.UDP, whole.dstPort);
      if (socket != null) {
        socket.receive(whole);
      } else {
        measureDatagram(whole);
      }
    } else if (whole.protocol == IpProtocol.TCP || whole.protocol == Frame.SCTP) {
      // No listener: Linux would answer with RST; every TCP user of the model binds first.
      TransportHandler socket = handler(whole.protocol, whole.dstPort);
      if (socket != null) {
        socket.receive(whole);
      }
    }
  }

  private void receiveArp(Frame f) {
    ArpPacket arp = f.arp;
    if (arp.targetProtocolAddress().bits() != ip) {
      return;
    }
    // RFC 826: the target merges the sender's mapping before answering.
    learnNeighbour(arp.senderProtocolAddress().bits(), arp.senderHardwareAddress().bits());
    if (arp.isRequest()) {
      Frame reply = new Frame();
      reply.etherType = EtherType.ARP;
      reply.overlay = overlay;
      reply.srcContainer = index;
      reply.srcMac = mac;
      reply.dstMac = arp.senderHardwareAddress().bits();
      reply.arp = ArpPacket.replyTo(arp, new MacAddress(mac));
      transmit(reply);
    }
  }

  private void learnNeighbour(int neighbourIp, long neighbourMac) {
    neighbours.put(neighbourIp, neighbourMac);
    List<Frame> waiting = unresolved == null ? null : unresolved.remove(neighbourIp);
    if (waiting != null) {
      for (Frame f : waiting) {
        f.dstMac = neighbourMac;
        transmit(f);
      }
    }
  }
}
