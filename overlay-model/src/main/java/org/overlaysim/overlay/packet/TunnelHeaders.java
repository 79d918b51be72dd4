package org.overlaysim.overlay.packet;

/**
 * Pushes the real outer headers of VXLAN (RFC 7348), Geneve (RFC 8926) and IP-in-IP (RFC 2003) in
 * front of a packet, as the Linux drivers build them. The outer Ethernet header depends on the next
 * hop and is pushed separately with {@link #pushEthernet}.
 */
public final class TunnelHeaders {
  private TunnelHeaders() {}

  /** Encapsulates the Ethernet frame {@code frame} (at offset 0) in UDP/IPv4 + VXLAN. */
  public static void pushVxlan(
      Packet frame,
      int vni,
      TunnelEndpoints endpoints,
      int identification,
      OuterIpv4Settings settings) {
    int sourcePort =
        settings.sourcePorts().portFor(FlowHash.ofEthernetFrame(frame, 0, settings.hashSeed()));
    int ecn = innerEcnOfFrame(frame);
    frame.push(new VxlanHeader(vni));
    pushUdpIpv4(frame, sourcePort, endpoints, identification, settings, ecn);
  }

  /** Encapsulates the Ethernet frame {@code frame} (at offset 0) in UDP/IPv4 + {@code geneve}. */
  public static void pushGeneve(
      Packet frame,
      GeneveHeader geneve,
      TunnelEndpoints endpoints,
      int identification,
      OuterIpv4Settings settings) {
    int sourcePort =
        settings.sourcePorts().portFor(FlowHash.ofEthernetFrame(frame, 0, settings.hashSeed()));
    int ecn = innerEcnOfFrame(frame);
    frame.push(geneve);
    pushUdpIpv4(frame, sourcePort, endpoints, identification, settings, ecn);
  }

  /**
   * Encapsulates the IPv4 packet {@code inner} (at offset 0) in an outer IPv4 header, protocol 4.
   * As Linux's ip_tunnel_xmit: TTL 0 in the settings inherits the inner TTL, and the inner DF bit
   * is copied to the outer header.
   */
  public static void pushIpInIp(
      Packet inner,
      Ipv4Address local,
      Ipv4Address remote,
      int identification,
      OuterIpv4Settings settings) {
    Ipv4Header innerHeader = inner.peek(Ipv4Header::read);
    int ttl = settings.ttl() == 0 ? innerHeader.ttl() : settings.ttl();
    boolean dontFragment = settings.dontFragment() || innerHeader.dontFragment();
    Ipv4Header outer =
        Ipv4Header.checksummed(
            0,
            encapsulatedEcn(innerHeader.ecn()),
            Ipv4Header.MINIMUM_LENGTH + inner.length(),
            identification,
            dontFragment,
            false,
            0,
            ttl,
            IpProtocol.IPIP,
            local,
            remote,
            Octets.EMPTY);
    inner.push(outer);
  }

  public static void pushEthernet(
      Packet packet, MacAddress destination, MacAddress source, int etherType) {
    packet.push(EthernetHeader.of(destination, source, etherType));
  }

  private static void pushUdpIpv4(
      Packet packet,
      int sourcePort,
      TunnelEndpoints endpoints,
      int identification,
      OuterIpv4Settings settings,
      int ecn) {
    int udpLength = UdpHeader.HEADER_LENGTH + packet.length();
    packet.push(new UdpHeader(sourcePort, endpoints.udpDestinationPort(), udpLength, 0));
    if (settings.udpChecksum()) {
      TransportChecksums.fillUdp(packet, 0, endpoints.local(), endpoints.remote());
    }
    int ttl = settings.ttl() == 0 ? Ipv4Header.DEFAULT_TTL : settings.ttl();
    packet.push(
        Ipv4Header.checksummed(
            0,
            ecn,
            Ipv4Header.MINIMUM_LENGTH + udpLength,
            identification,
            settings.dontFragment(),
            false,
            0,
            ttl,
            IpProtocol.UDP,
            endpoints.local(),
            endpoints.remote(),
            Octets.EMPTY));
  }

  /** ECN of an inner IPv4 packet in an Ethernet frame, 0 for anything else. */
  private static int innerEcnOfFrame(Packet frame) {
    if (frame.realLength() < EthernetHeader.LENGTH + 2
        || frame.u16At(EthernetHeader.TYPE_OFFSET) != EtherType.IPV4) {
      return 0;
    }
    return encapsulatedEcn(frame.byteAt(EthernetHeader.LENGTH + Ipv4Header.TOS_OFFSET) & 3);
  }

  /** RFC 6040 normal mode, Linux's INET_ECN_encapsulate: copy ECT, send CE as ECT(0). */
  private static int encapsulatedEcn(int innerEcn) {
    return innerEcn == 3 ? 2 : innerEcn;
  }
}
