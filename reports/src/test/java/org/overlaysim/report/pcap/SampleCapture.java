package org.overlaysim.report.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.overlaysim.overlay.packet.ArpPacket;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.GeneveHeader;
import org.overlaysim.overlay.packet.GeneveOption;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Address;
import org.overlaysim.overlay.packet.Ipv4Fragmenter;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.MacAddress;
import org.overlaysim.overlay.packet.Octets;
import org.overlaysim.overlay.packet.OuterIpv4Settings;
import org.overlaysim.overlay.packet.Packet;
import org.overlaysim.overlay.packet.TcpHeader;
import org.overlaysim.overlay.packet.TransportChecksums;
import org.overlaysim.overlay.packet.TunnelEndpoints;
import org.overlaysim.overlay.packet.TunnelHeaders;
import org.overlaysim.overlay.packet.VxlanHeader;

/**
 * Frames a two-site overlay puts on the underlay, built only with the packet codecs: VXLAN with an
 * ICMP echo request and with a flooded ARP request inside, Geneve with an option and an echo reply,
 * an underlay ARP, a Linux TCP SYN, a VXLAN datagram fragmented on a 1400-byte path and the ICMP
 * fragmentation-needed a router would send for it.
 */
final class SampleCapture {
  static final Ipv4Address VTEP_A = Ipv4Address.parse("192.168.1.10");
  static final Ipv4Address VTEP_B = Ipv4Address.parse("192.168.2.10");
  static final Ipv4Address CONTAINER_1 = Ipv4Address.parse("10.0.0.1");
  static final Ipv4Address CONTAINER_2 = Ipv4Address.parse("10.0.0.2");
  static final MacAddress HOST_A = MacAddress.parse("52:54:00:00:01:0a");
  static final MacAddress ROUTER = MacAddress.parse("52:54:00:00:01:01");
  static final MacAddress CONTAINER_1_MAC = MacAddress.parse("02:42:0a:00:00:01");
  static final MacAddress CONTAINER_2_MAC = MacAddress.parse("02:42:0a:00:00:02");
  static final int VXLAN_VNI = 4096;
  static final int GENEVE_VNI = 10;

  private SampleCapture() {}

  /** Writes the sample frames, 1 ms apart; returns how many. */
  static int write(OutputStream out) throws IOException {
    List<Packet> frames =
        List.of(
            vxlan(innerEcho(IcmpMessage.echoRequest(0x4242, 1), CONTAINER_1, CONTAINER_2, 56)),
            vxlan(innerArpRequest()),
            geneve(innerEcho(IcmpMessage.echoReply(0x4242, 1), CONTAINER_2, CONTAINER_1, 56)),
            underlayArp(),
            underlay(tcpSyn()),
            fragmentNeeded());
    try (PcapWriter writer = new PcapWriter(out)) {
      long timeNs = 1_000_000_000L;
      for (Packet frame : frames) {
        writer.write(timeNs, frame);
        timeNs += 1_000_000L;
      }
      int count = frames.size();
      Packet big =
          vxlanDatagram(
              innerEcho(IcmpMessage.echoRequest(0x4242, 2), CONTAINER_1, CONTAINER_2, 1422));
      for (Packet fragment : Ipv4Fragmenter.fragment(big, 1400)) {
        TunnelHeaders.pushEthernet(fragment, ROUTER, HOST_A, EtherType.IPV4);
        writer.write(timeNs, fragment);
        timeNs += 1_000_000L;
        count++;
      }
      return count;
    }
  }

  static Packet innerEcho(IcmpMessage echo, Ipv4Address source, Ipv4Address destination, int data) {
    Packet packet = Packet.withVirtualPayload(data);
    packet.push(echo);
    packet.push(Ipv4Header.of(source, destination, IpProtocol.ICMP, 8 + data, 7, 64, true));
    packet.push(
        EthernetHeader.of(
            source.equals(CONTAINER_1) ? CONTAINER_2_MAC : CONTAINER_1_MAC,
            source.equals(CONTAINER_1) ? CONTAINER_1_MAC : CONTAINER_2_MAC,
            EtherType.IPV4));
    return packet;
  }

  static Packet innerArpRequest() {
    Packet packet = Packet.withVirtualPayload(0);
    packet.push(ArpPacket.request(CONTAINER_1_MAC, CONTAINER_1, CONTAINER_2));
    packet.push(EthernetHeader.of(MacAddress.BROADCAST, CONTAINER_1_MAC, EtherType.ARP));
    return packet;
  }

  static Packet vxlanDatagram(Packet inner) {
    TunnelHeaders.pushVxlan(
        inner,
        VXLAN_VNI,
        new TunnelEndpoints(VTEP_A, VTEP_B, VxlanHeader.IANA_PORT),
        0x1000,
        OuterIpv4Settings.LINUX_UDP_TUNNEL);
    return inner;
  }

  static Packet vxlan(Packet inner) {
    return underlay(vxlanDatagram(inner));
  }

  static Packet geneve(Packet inner) {
    GeneveHeader header =
        GeneveHeader.ethernet(
            GENEVE_VNI, List.of(new GeneveOption(0x0104, 0x01, Octets.ofHex("0000000c"))));
    TunnelHeaders.pushGeneve(
        inner,
        header,
        new TunnelEndpoints(VTEP_B, VTEP_A, GeneveHeader.IANA_PORT),
        0x2000,
        OuterIpv4Settings.LINUX_UDP_TUNNEL);
    return underlay(inner);
  }

  /** An IPv4 packet sent from host A to its router. */
  static Packet underlay(Packet ip) {
    TunnelHeaders.pushEthernet(ip, ROUTER, HOST_A, EtherType.IPV4);
    return ip;
  }

  static Packet underlayArp() {
    Packet packet = Packet.withVirtualPayload(0);
    packet.push(ArpPacket.request(HOST_A, VTEP_A, Ipv4Address.parse("192.168.1.1")));
    TunnelHeaders.pushEthernet(packet, MacAddress.BROADCAST, HOST_A, EtherType.ARP);
    return packet;
  }

  static Packet tcpSyn() {
    TcpHeader syn =
        new TcpHeader(
            45678,
            5201,
            1_000_000,
            0,
            TcpHeader.SYN,
            64240,
            0,
            0,
            TcpHeader.linuxSynOptions(1410, 12345, 7));
    Packet packet = Packet.withVirtualPayload(0);
    packet.push(syn);
    TransportChecksums.fillTcp(packet, 0, syn.headerLength(), VTEP_A, VTEP_B);
    packet.push(
        Ipv4Header.of(VTEP_A, VTEP_B, IpProtocol.TCP, syn.headerLength(), 0x3000, 64, true));
    return packet;
  }

  static Packet fragmentNeeded() {
    Packet tooBig =
        vxlanDatagram(
            innerEcho(IcmpMessage.echoRequest(0x4242, 3), CONTAINER_1, CONTAINER_2, 1422));
    IcmpMessage error = IcmpMessage.fragmentationNeeded(1400, IcmpMessage.quoteRfc792(tooBig, 0));
    Packet packet = Packet.withVirtualPayload(0);
    packet.push(error);
    packet.push(
        Ipv4Header.of(
            Ipv4Address.parse("192.168.1.1"),
            VTEP_A,
            IpProtocol.ICMP,
            error.encodedLength(),
            0x4000,
            64,
            false));
    return underlay(packet);
  }
}
