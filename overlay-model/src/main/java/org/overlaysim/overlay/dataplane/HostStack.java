package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.fdb.Directory;
import org.overlaysim.overlay.fdb.ForwardingTable;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.scenario.Encryption;
import org.overlaysim.topology.DropReason;
import org.overlaysim.topology.EthernetFraming;

/**
 * A host: one bridge per overlay joining its containers, and the VTEP that encapsulates and
 * decapsulates for every VNI they use (or, for routed overlays, the host's routing into the
 * tunnel). Implements overlay-reference.md: the bridge black hole, ICMP fragmentation-needed from
 * the VTEP, the routed overlay's lowered path MTU and fragmented outer datagram, head-end
 * replication and learning.
 */
public final class HostStack {
  /**
   * The MAC every container of a routed overlay sends to (its gateway): Calico answers every pod's
   * ARP for the gateway with ee:ee:ee:ee:ee:ee on its cali* interfaces.
   */
  public static final long GATEWAY_MAC = 0xeeee_eeee_eeeeL;

  private final DataPlane dp;
  private final ModelPartition part;
  private final Simulator simulator;
  private final NetworkObserver observer;
  private final int index;
  private final String name;
  private final int ip;
  private final int accessMtu;
  private final String whereBridge;
  private final String whereVtep;
  // Segmentation drops name the direction too: drops.csv tells egress from ingress denials.
  private final String whereEgress;
  private final String whereIngress;
  private final ForwardingTable[] tables;
  private final int[] localContainers;
  private final int[] served;
  private final PathMtuCache outerPathMtu = new PathMtuCache();
  private final PathMtuCache routePathMtu = new PathMtuCache();
  private final DelayLine encapsulation;
  private final DelayLine decapsulation;
  private final DelayLine routedSend;
  // Frames between two containers of this host: through the event queue, not a nested call.
  private final LocalBridge bridgedLocal;
  private final LocalBridge routedLocal;
  // The cores that encrypt and decrypt; null when the host serves no encrypted overlay.
  private final CryptoCpu crypto;
  private final String whereCrypto;
  private int nextOuterId;
  private long[] sealedCounts;
  private boolean down;

  HostStack(
      DataPlane dp,
      ModelPartition part,
      int index,
      String name,
      int ip,
      int accessMtu,
      int cores,
      ForwardingTable[] tables,
      int[] localContainers) {
    this.dp = dp;
    this.part = part;
    this.simulator = part.simulator();
    this.observer = part.observer();
    this.index = index;
    this.name = name;
    this.ip = ip;
    this.accessMtu = accessMtu;
    this.whereBridge = name + "/bridge";
    this.whereVtep = name + "/vtep";
    this.whereEgress = name + "/vtep/egress";
    this.whereIngress = name + "/vtep/ingress";
    this.tables = tables;
    this.localContainers = localContainers;
    int count = 0;
    for (ForwardingTable t : tables) {
      if (t != null) {
        count++;
      }
    }
    this.served = new int[count];
    for (int o = 0, i = 0; o < tables.length; o++) {
      if (tables[o] != null) {
        served[i++] = o;
      }
    }
    long encapsulationNs = dp.settings().encapsulationNs();
    long decapsulationNs = dp.settings().decapsulationNs();
    if (everyServedOverlayTunnels()) {
      // Everything this host sends on its access link is encapsulated and everything it receives
      // is decapsulated: the costs ride on the link's ends (no event of their own). A host that
      // also serves a routed overlay without tunnel keeps separate delay stages.
      int access = dp.network().underlay().accessLinkIndex(index);
      dp.network().transmitter(2 * access).endDelays(encapsulationNs, 0);
      dp.network().transmitter(2 * access + 1).endDelays(0, decapsulationNs);
      encapsulationNs = 0;
      decapsulationNs = 0;
    }
    this.encapsulation = new DelayLine(simulator, encapsulationNs, this::transmit);
    this.decapsulation = new DelayLine(simulator, decapsulationNs, this::decapsulated);
    this.routedSend = new DelayLine(simulator, 0, this::transmit);
    this.whereCrypto = name + "/crypto";
    this.crypto =
        anyServedOverlaySeals()
            ? new CryptoCpu(simulator, cores, encapsulation::offer, decapsulation::offer)
            : null;
    long lineRateBps =
        dp.network()
            .underlay()
            .accessLink(dp.network().underlay().hosts().get(index))
            .bandwidthBps();
    this.bridgedLocal =
        new LocalBridge(
            simulator,
            lineRateBps,
            f -> dp.container(dp.directory().byMac(f.overlay, f.dstMac)).receive(f));
    this.routedLocal =
        new LocalBridge(
            simulator,
            lineRateBps,
            f -> dp.container(dp.directory().byIp(f.overlay, f.dstIp)).receive(f));
    this.nextOuterId = index * 104729 & 0xffff;
  }

  public String name() {
    return name;
  }

  /** The partition this host runs in. */
  public ModelPartition partition() {
    return part;
  }

  private boolean everyServedOverlayTunnels() {
    for (int o : served) {
      if (!dp.wraps(o)) {
        return false;
      }
    }
    return served.length > 0;
  }

  private boolean anyServedOverlaySeals() {
    for (int o : served) {
      if (dp.sealing(o).seals()) {
        return true;
      }
    }
    return false;
  }

  /** The host's encryption work, or null when it serves no encrypted overlay (hosts.csv). */
  public CryptoWork cryptoWork() {
    if (crypto == null) {
      return null;
    }
    long now = simulator.nowNs();
    return new CryptoWork(
        name, crypto.cores(), crypto.packets(), crypto.bytes(), crypto.busyNs(now));
  }

  public int ip() {
    return ip;
  }

  String whereVtep() {
    return whereVtep;
  }

  /** The forwarding table of an overlay at this VTEP, null if it serves none of its containers. */
  public ForwardingTable table(int overlay) {
    return tables[overlay];
  }

  /** The path MTU towards a remote VTEP address as this host knows it. */
  public int outerPathMtu(int remoteIp) {
    return outerPathMtu.mtu(remoteIp, accessMtu, simulator.nowNs());
  }

  /** The route MTU towards an inner destination of a routed overlay. */
  public int routePathMtu(int overlay, int innerDst) {
    return routePathMtu.mtu(innerDst, dp.directory().overlay(overlay).mtu(), simulator.nowNs());
  }

  boolean routed(int overlay) {
    return !dp.tunnel(overlay).bridged();
  }

  boolean floods(int overlay) {
    return tables[overlay].floods();
  }

  long proxyArp(int overlay, int dstIp) {
    return tables[overlay].proxyArp(dstIp, simulator.nowNs());
  }

  // ---------------------------------------------------------------- from a local container

  /**
   * Takes the host down or up (a scenario event): while down, what its containers send and what
   * still reaches it is dropped ({@code host-down}); its containers' sockets and timers live on, as
   * behind a cut cable, and resume when it comes up.
   */
  void down(boolean isDown) {
    this.down = isDown;
  }

  /** A frame a local container put on its interface. */
  void fromContainer(Frame f) {
    if (down) {
      dp.drop(part, f, name, DropReason.HOST_DOWN, f.ipLength());
      return;
    }
    if (routed(f.overlay)) {
      route(f);
    } else {
      bridge(f);
    }
  }

  private void bridge(Frame f) {
    if (isBroadcast(f.dstMac)) {
      deliverLocally(f, f.srcContainer);
      if (tables[f.overlay].floods() && fitsVxlanPort(f)) {
        flood(f);
      }
      return;
    }
    int dst = dp.directory().byMac(f.overlay, f.dstMac);
    if (dst >= 0 && dp.directory().host(dst) == index) {
      // The egress port is the other container's veth: its MTU, not the overlay's, decides.
      if (fitsPort(f, dp.directory().mtu(dst)) && allowed(f, dst, LOCAL)) {
        bridgedLocal.offer(f);
      }
      return;
    }
    if (!fitsVxlanPort(f)) {
      return;
    }
    if (dst >= 0 && !allowed(f, dst, OUTBOUND)) {
      return;
    }
    ForwardingTable table = tables[f.overlay];
    int remote = table.lookup(f.dstMac, simulator.nowNs());
    if (remote == ForwardingTable.MISS) {
      if (table.floods()) {
        flood(f);
      } else {
        dp.drop(part, f, whereVtep, DropReason.NO_FDB, f.innerL3Length());
      }
      return;
    }
    if (remote == index) {
      return;
    }
    encapsulate(f, remote, false);
  }

  /**
   * Linux's bridge checks a frame against the MTU of the port it leaves by (br_dev_queue_push_xmit,
   * is_skb_forwardable) and drops a larger one without a word: towards the vxlan port, whose MTU is
   * the overlay's, that is the classic black hole.
   */
  private boolean fitsPort(Frame f, int portMtu) {
    if (f.isArp() || f.ipLength <= portMtu) {
      return true;
    }
    dp.drop(part, f, whereBridge, DropReason.MTU_EXCEEDED, f.ipLength);
    return false;
  }

  private boolean fitsVxlanPort(Frame f) {
    return fitsPort(f, dp.directory().overlay(f.overlay).mtu());
  }

  /** Head-end replication: one copy per other VTEP of the VNI (Linux's all-zeros fdb entries). */
  private void flood(Frame f) {
    int[] members = dp.directory().memberHosts(f.overlay);
    for (int member : members) {
      if (member != index) {
        encapsulate(f.copy(), member, true);
      }
    }
  }

  private void route(Frame f) {
    Directory d = dp.directory();
    int dst = d.byIp(f.overlay, f.dstIp);
    if (dst < 0) {
      dp.drop(part, f, whereVtep, DropReason.NO_ROUTE, f.ipLength);
      return;
    }
    if (!forwarded(f)) {
      return;
    }
    if (d.host(dst) == index) {
      if (allowed(f, dst, LOCAL)) {
        routedLocal.offer(f);
      }
      return;
    }
    if (!allowed(f, dst, OUTBOUND)) {
      return;
    }
    int mtu = routePathMtu(f.overlay, f.dstIp);
    if (f.ipLength > mtu) {
      if (f.df) {
        // Forwarding into the tunnel: the host answers as a router (RFC 1191 section 4).
        fragmentationNeeded(f, mtu);
        return;
      }
      for (Frame fragment : Fragments.inner(f, mtu)) {
        encapsulate(fragment, d.host(dst), false);
      }
      return;
    }
    encapsulate(f, d.host(dst), false);
  }

  /**
   * Adds the outer header towards {@code remote} (and encrypts, where the overlay does), checks the
   * underlay path, then sends.
   */
  private void encapsulate(Frame f, int remote, boolean bum) {
    Tunnel tunnel = dp.tunnel(f.overlay);
    Sealing sealing = dp.sealing(f.overlay);
    int remoteIp = dp.hostIp(remote);
    int overhead = tunnel.encapsulate(f, ip, remoteIp, nextOuterId);
    if (sealing.seals()) {
      sealing.seal(f, ip, remoteIp, nextOuterId, sealedTo(remote, sealing.encryption()));
    } else {
      f.seal = null;
    }
    nextOuterId = (nextOuterId + 1) & 0xffff;
    int pathMtu = outerPathMtu(remoteIp);
    if (f.ipLength() > pathMtu) {
      int innerMtu = sealing.largestInner(pathMtu, overhead);
      if (tunnel.bridged()) {
        if (!f.isArp() && vtepAnswers(f, innerMtu)) {
          // Linux >= 5.9 (skb_tunnel_check_pmtu): fragmentation-needed back to the container with
          // the MTU left after encapsulation, e.g. 1350 for a 1400 path. Nothing goes on the wire.
          fragmentationNeeded(f, innerMtu);
          return;
        }
        // Otherwise Linux sends it on: with the outer DF clear (the default) the outer datagram is
        // fragmented; with DF set it cannot leave the host (ip_fragment refuses it).
        if (f.outerDf) {
          dp.drop(part, f, whereVtep, DropReason.MTU_EXCEEDED, f.ipLength);
          return;
        }
        sendFragments(Fragments.outer(f, pathMtu), bum, f.overlay);
        return;
      }
      // Routed, DF set on the wire: IP in IP (and ESP's tunnel mode) lower the inner route's path
      // MTU and answer fragmentation-needed (ip_tunnel.c, tnl_update_pmtu), plain forwarding
      // answers with the egress MTU (ip_forward); nothing goes on the wire.
      if (f.wireDf()) {
        if (dp.wraps(f.overlay)) {
          routePathMtu.lower(f.dstIp, innerMtu, simulator.nowNs());
        }
        fragmentationNeeded(f, innerMtu);
        return;
      }
      // DF clear (WireGuard always clears it): the outer datagram or the packet is fragmented.
      sendFragments(Fragments.onWire(f, pathMtu), bum, f.overlay);
      return;
    }
    send(f, bum, f.overlay);
  }

  private void sendFragments(Frame[] fragments, boolean bum, int overlay) {
    if (fragments[0].flow >= 0) {
      observer.fragmented(fragments[0].flow, fragments.length);
    }
    for (Frame fragment : fragments) {
      send(fragment, bum, overlay);
    }
  }

  /**
   * The packets this host has encrypted for {@code remote} so far with {@code encryption}: one
   * WireGuard peer (one counter) per remote host whatever the overlay, likewise one ESP security
   * association; the table is made on the first encrypted packet.
   */
  private long sealedTo(int remote, Encryption encryption) {
    if (sealedCounts == null) {
      sealedCounts = new long[dp.hostCount() * 2];
    }
    return sealedCounts[2 * remote + (encryption == Encryption.WIREGUARD ? 0 : 1)]++;
  }

  private void send(Frame f, boolean bum, int overlay) {
    if (bum) {
      observer.bumFrame(dp.directory().overlay(overlay).name(), f.ipLength());
    }
    if (!dp.wraps(overlay)) {
      routedSend.offer(f);
    } else if (f.seal != null) {
      if (!crypto.encrypt(f, dp.sealing(overlay).rateBps())) {
        dp.drop(part, f, whereCrypto, DropReason.QUEUE_FULL, f.ipLength);
      }
    } else {
      encapsulation.offer(f);
    }
  }

  /** After the encapsulation cost: onto the access link. */
  private void transmit(Frame f) {
    if (f.flow >= 0) {
      observer.wireBytes(f.flow, EthernetFraming.wireBytes(f.ipLength()));
    }
    dp.underlaySend(index, f);
  }

  /**
   * On a routed overlay the host forwards (ip_forward): the inner TTL drops by one on the way into
   * the tunnel and again on the way out of it; a packet that arrives with TTL 1 dies here.
   */
  private boolean forwarded(Frame f) {
    if (f.ttl <= 1) {
      dp.drop(part, f, whereVtep, DropReason.TTL_EXPIRED, f.ipLength);
      return false;
    }
    f.ttl--;
    return true;
  }

  /**
   * Answers an oversized DF packet from a local container with fragmentation-needed. A routed
   * overlay's host answers as a router does (icmp_send: from its own address, quoting up to 576
   * bytes of ICMP in all); a bridged VTEP answers for the destination (Linux >= 5.9,
   * iptunnel_pmtud_check_icmp): from the inner destination's addresses, the inner TTL, DF set, the
   * same quote, and nothing at all for an MTU below 576, a fragment or an ICMP error.
   */
  private void fragmentationNeeded(Frame f, int mtu) {
    dp.drop(part, f, whereVtep, DropReason.MTU_EXCEEDED, f.ipLength);
    if (f.srcContainer < 0) {
      return;
    }
    boolean bridged = dp.tunnel(f.overlay).bridged();
    Frame icmp;
    if (bridged) {
      icmp = DataPlane.icmpFragmentationNeeded(f, f.dstIp, f.srcIp, mtu);
      icmp.ttl = f.ttl;
      icmp.df = true;
      icmp.ipId = 0;
      icmp.srcMac = f.dstMac;
    } else {
      icmp = DataPlane.icmpFragmentationNeeded(f, ip, f.srcIp, mtu);
      icmp.srcMac = GATEWAY_MAC;
    }
    icmp.overlay = f.overlay;
    icmp.dstMac = dp.directory().mac(f.srcContainer);
    dp.container(f.srcContainer).receive(icmp);
  }

  /**
   * Whether a bridged VTEP answers an oversized packet at all (iptunnel_pmtud_check_icmp): only for
   * an MTU of at least 576, a whole datagram with DF (no fragment) and no ICMP error.
   */
  private static boolean vtepAnswers(Frame f, int mtu) {
    return mtu >= MIN_ICMP_MTU && f.df && !f.mf && f.fragOffset == 0 && !isIcmpError(f);
  }

  /** Linux's icmp_is_err: destination unreachable, source quench, redirect, time exceeded... */
  private static boolean isIcmpError(Frame f) {
    if (f.protocol != IpProtocol.ICMP) {
      return false;
    }
    return switch (f.icmp.type()) {
      case 3, 4, 5, 11, 12 -> true;
      default -> false;
    };
  }

  /** RFC 1812's 576 bytes: below this path MTU a VTEP answers nothing. */
  private static final int MIN_ICMP_MTU = 576;

  // ---------------------------------------------------------------- from the underlay

  /** A packet the underlay delivered to this host. */
  void fromUnderlay(Frame f) {
    if (down) {
      dp.drop(part, f, name, DropReason.HOST_DOWN, f.ipLength());
      return;
    }
    if (f.tunneled) {
      Frame whole = Fragments.reassembleOuter(f);
      if (whole == null) {
        return;
      }
      if (whole.seal == null) {
        decapsulation.offer(whole);
      } else if (!crypto.decrypt(whole, dp.sealing(whole.overlay).rateBps())) {
        dp.drop(part, whole, whereCrypto, DropReason.QUEUE_FULL, whole.ipLength);
      }
      return;
    }
    Frame whole = f;
    if (f.dstIp == ip) {
      whole = Fragments.reassembleInner(f);
      if (whole != null && whole.isFragmentationNeeded() && whole.icmp.quoted() != null) {
        // An ICMP error about an outer packet this VTEP sent (RFC 1191 for the tunnel).
        outerPathMtu.lower(
            whole.icmp.quoted().dstIpv4(), whole.icmp.rest() & 0xffff, simulator.nowNs());
      }
      return;
    }
    deliverRouted(whole);
  }

  /** After the decapsulation cost: VNI check, learning, the bridge. */
  private void decapsulated(Frame f) {
    f.tunneled = false;
    f.seal = null;
    Directory d = dp.directory();
    int overlay = f.overlay;
    if (f.tunnelKind != Frame.TUNNEL_IPIP && f.tunnelKind != Frame.TUNNEL_NONE) {
      overlay = servedOverlay(f.vni, f.tunnelKind);
      if (overlay < 0) {
        // Linux vxlan_rcv: no device for this VNI, the packet is dropped.
        dp.drop(part, f, whereVtep, DropReason.VNI_MISMATCH, f.outerLength);
        return;
      }
      f.overlay = overlay;
      int from = dp.hostIndexByIp(f.outerSrc);
      tables[overlay].learn(f.srcMac, from, simulator.nowNs());
      if (isBroadcast(f.dstMac)) {
        deliverLocally(f, -1);
        return;
      }
      int c = d.byMac(overlay, f.dstMac);
      if (c >= 0 && d.host(c) == index && allowed(f, c, INBOUND)) {
        dp.container(c).receive(f);
      }
      // Otherwise a flooded copy for a MAC that is not here: the bridge has no port for it.
      return;
    }
    deliverRouted(f);
  }

  private void deliverRouted(Frame f) {
    Directory d = dp.directory();
    int c = d.byIp(f.overlay, f.dstIp);
    if (c < 0 || d.host(c) != index) {
      dp.drop(part, f, whereVtep, DropReason.NO_ROUTE, f.ipLength);
      return;
    }
    if (!forwarded(f) || !allowed(f, c, INBOUND)) {
      return;
    }
    f.srcMac = GATEWAY_MAC;
    f.dstMac = d.mac(c);
    dp.container(c).receive(f);
  }

  private static final int OUTBOUND = 0;
  private static final int INBOUND = 1;
  private static final int LOCAL = 2;

  /**
   * Asks the host's segmentation (ACL, NetworkPolicy, conntrack) about a packet for container
   * {@code dst}; reports the drop and returns false when it is denied.
   */
  private boolean allowed(Frame f, int dst, int direction) {
    Segmentation seg = dp.segmentation();
    if (seg == null) {
      return true;
    }
    long now = simulator.nowNs();
    DropReason denied =
        switch (direction) {
          case OUTBOUND -> seg.outbound(index, f, dst, now);
          case INBOUND -> seg.inbound(index, f, dst, now);
          default -> seg.local(index, f, dst, now);
        };
    if (denied == null) {
      return true;
    }
    String where =
        switch (direction) {
          case OUTBOUND -> whereEgress;
          case INBOUND -> whereIngress;
          default -> whereBridge;
        };
    dp.drop(part, f, where, denied, f.ipLength);
    return false;
  }

  private int servedOverlay(int vni, int tunnelKind) {
    for (int o : served) {
      if (dp.tunnel(o) instanceof Tunnel.Udp udp && udp.vni() == vni && udp.kind() == tunnelKind) {
        return o;
      }
    }
    return -1;
  }

  private void deliverLocally(Frame f, int except) {
    for (int c : localContainers) {
      if (c != except
          && dp.directory().overlayOf(c) == f.overlay
          && (f.isArp() || f.ipLength <= dp.directory().mtu(c))) {
        dp.container(c).receive(f);
      }
    }
  }

  private static boolean isBroadcast(long mac) {
    return (mac & 0x0100_0000_0000L) != 0;
  }

  NetworkObserver observer() {
    return observer;
  }
}
