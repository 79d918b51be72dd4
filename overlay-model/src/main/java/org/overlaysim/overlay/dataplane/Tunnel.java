package org.overlaysim.overlay.dataplane;

import org.overlaysim.overlay.packet.FlowHash;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.SourcePortRange;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Overlay;

/**
 * How a VTEP puts an inner packet on the underlay, one per encapsulation: the outer header fields
 * it fills and the bytes it adds. Bridged tunnels (VXLAN, Geneve) carry the inner Ethernet frame
 * and a VNI; routed ones (IP in IP, none) carry the inner IPv4 packet.
 */
public sealed interface Tunnel permits Tunnel.Udp, Tunnel.IpInIp, Tunnel.Direct {
  /**
   * Fills {@code f}'s outer (or, without a tunnel, routing) fields for the path from this VTEP to
   * the one at {@code remoteIp}; returns the bytes added to the inner IPv4 packet or ARP message.
   */
  int encapsulate(Frame f, int localIp, int remoteIp, int outerId);

  /** Whether the tunnel carries Ethernet frames (bridged overlays: vxlan, geneve). */
  boolean bridged();

  /** Whether frames go through the VTEP's encapsulation and decapsulation (and their cost). */
  default boolean tunnels() {
    return true;
  }

  static Tunnel of(Overlay overlay, OuterDontFragment outerDf) {
    return switch (overlay.encapsulation()) {
      case VXLAN -> new Udp(Frame.TUNNEL_VXLAN, overlay.vni(), overlay.udpPort(), outerDf);
      case GENEVE ->
          new Udp(
              Frame.TUNNEL_GENEVE,
              overlay.vni(),
              overlay.udpPort(),
              outerDf,
              overlay.optionsBytes());
      case IPIP -> new IpInIp();
      case NONE -> new Direct();
    };
  }

  /**
   * VXLAN (RFC 7348) or Geneve (RFC 8926) over UDP/IPv4: outer IPv4 20 + UDP 8 + VXLAN or Geneve 8
   * (+ Geneve's {@code optionsBytes}) + inner Ethernet 14, the 50 bytes of {@link
   * Encapsulation#overheadBytes()} counting the outer Ethernet header (plus the options: {@link
   * Overlay#overheadBytes()}). The UDP source port comes from the inner flow's hash (RFC 7348
   * section 5) so ECMP spreads flows; the outer DF bit is as configured (Linux: clear).
   */
  record Udp(int kind, int vni, int udpPort, OuterDontFragment outerDf, int optionsBytes)
      implements Tunnel {
    static final int ADDED = Ipv4Header.MINIMUM_LENGTH + 8 + 8 + 14;

    /** VXLAN, or Geneve without options. */
    public Udp(int kind, int vni, int udpPort, OuterDontFragment outerDf) {
      this(kind, vni, udpPort, outerDf, 0);
    }

    @Override
    public int encapsulate(Frame f, int localIp, int remoteIp, int outerId) {
      outer(f, localIp, remoteIp, outerId);
      f.tunnelKind = (short) kind;
      f.tunnelOptionsBytes = (short) optionsBytes;
      f.vni = vni;
      f.outerProto = IpProtocol.UDP;
      f.outerSrcPort = (char) SourcePortRange.RFC_7348.portFor(innerFlowHash(f));
      f.outerDstPort = (char) udpPort;
      f.outerDf = !f.isArp() && outerDf.outerDf(f.df);
      f.outerTtl = Ipv4Header.DEFAULT_TTL;
      f.outerLength = ADDED + optionsBytes + f.innerL3Length();
      return ADDED + optionsBytes;
    }

    @Override
    public boolean bridged() {
      return true;
    }
  }

  /** IP in IP (RFC 2003): one outer IPv4 header, protocol 4; Linux copies inner DF and TTL. */
  record IpInIp() implements Tunnel {
    @Override
    public int encapsulate(Frame f, int localIp, int remoteIp, int outerId) {
      outer(f, localIp, remoteIp, outerId);
      f.tunnelKind = Frame.TUNNEL_IPIP;
      f.tunnelOptionsBytes = 0;
      f.outerProto = IpProtocol.IPIP;
      f.outerSrcPort = 0;
      f.outerDstPort = 0;
      f.outerDf = f.df;
      f.outerTtl = f.ttl;
      f.outerLength = Ipv4Header.MINIMUM_LENGTH + f.ipLength;
      return Ipv4Header.MINIMUM_LENGTH;
    }

    @Override
    public boolean bridged() {
      return false;
    }
  }

  /**
   * No tunnel (Flannel host-gw, Calico without encapsulation): the inner packet itself crosses the
   * underlay, which routes container prefixes to their hosts.
   */
  record Direct() implements Tunnel {
    @Override
    public int encapsulate(Frame f, int localIp, int remoteIp, int outerId) {
      f.tunneled = false;
      f.routeSrc = localIp;
      f.routeDst = remoteIp;
      return 0;
    }

    @Override
    public boolean bridged() {
      return false;
    }

    @Override
    public boolean tunnels() {
      return false;
    }
  }

  private static void outer(Frame f, int localIp, int remoteIp, int outerId) {
    f.tunneled = true;
    f.outerSrc = localIp;
    f.outerDst = remoteIp;
    f.outerId = (char) outerId;
    f.outerFragOffset = 0;
    f.outerMf = false;
  }

  /** The inner flow hash as Linux's flow dissector keys it (the packet package's FlowHash). */
  static int innerFlowHash(Frame f) {
    if (f.isArp()) {
      int a = (int) (f.dstMac >>> 16);
      int b = (int) (f.dstMac << 16) | (int) (f.srcMac >>> 32);
      int c = (int) f.srcMac;
      return FlowHash.jhash3(a, b, c, f.etherType);
    }
    boolean ports = f.hasPorts();
    int p = ports ? (f.srcPort << 16 | f.dstPort) : 0;
    return FlowHash.jhash3(f.srcIp, f.dstIp, p, f.protocol);
  }
}
