package org.overlaysim.overlay.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.overlay.dataplane.TestFrames.GENEVE;
import static org.overlaysim.overlay.dataplane.TestFrames.IPIP;
import static org.overlaysim.overlay.dataplane.TestFrames.MAC_1;
import static org.overlaysim.overlay.dataplane.TestFrames.RENDERER;
import static org.overlaysim.overlay.dataplane.TestFrames.VTEP_A;
import static org.overlaysim.overlay.dataplane.TestFrames.VTEP_B;
import static org.overlaysim.overlay.dataplane.TestFrames.VXLAN;
import static org.overlaysim.overlay.dataplane.TestFrames.encapsulated;
import static org.overlaysim.overlay.dataplane.TestFrames.innerDatagram;
import static org.overlaysim.overlay.dataplane.TestFrames.ip;
import static org.overlaysim.overlay.dataplane.TestFrames.ipv4;
import static org.overlaysim.overlay.dataplane.TestFrames.onWire;
import static org.overlaysim.overlay.dataplane.TestFrames.udp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.packet.ArpPacket;
import org.overlaysim.overlay.packet.Checksums;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.FlowKeys;
import org.overlaysim.overlay.packet.FrameDissector;
import org.overlaysim.overlay.packet.GeneveHeader;
import org.overlaysim.overlay.packet.Header;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.SourcePortRange;
import org.overlaysim.overlay.packet.TcpHeader;
import org.overlaysim.overlay.packet.UdpHeader;
import org.overlaysim.overlay.packet.VxlanHeader;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;

/**
 * The outer bytes of each encapsulation as Linux's drivers send them (RFC 7348 VXLAN, RFC 8926
 * Geneve, RFC 2003 IP in IP), the outer UDP source port as Linux's udp_flow_src_port picks it, and
 * ICMP errors quoting what they are about (RFC 792, RFC 1191): the frames {@link Tunnel} fills,
 * rendered by {@link FrameRenderer}, read back with the codecs and checksums verified
 * independently.
 */
class FrameRendererTest {
  private static byte[] underlay(Frame f) {
    return RENDERER.outer(f, TestFrames.HOST_A_MAC, TestFrames.ROUTER_MAC);
  }

  private static int outerSourcePort(Frame f) {
    return UdpHeader.read(ByteBuffer.wrap(onWire(f), 20, 8)).sourcePort();
  }

  @Test
  void vxlanOuterHeadersAreAsLinuxSendsThem() {
    Frame f = encapsulated(VXLAN, udp(40000, 1028), 77);
    byte[] frame = underlay(f);
    ByteBuffer b = ByteBuffer.wrap(frame);

    EthernetHeader ethernet = EthernetHeader.read(b);
    assertThat(ethernet.source()).isEqualTo(new MacAddress(TestFrames.HOST_A_MAC));
    assertThat(ethernet.destination()).isEqualTo(new MacAddress(TestFrames.ROUTER_MAC));
    Ipv4Header outer = Ipv4Header.read(b);
    assertThat(outer.dontFragment()).isFalse();
    assertThat(outer.ttl()).isEqualTo(64);
    assertThat(outer.identification()).isEqualTo(77);
    assertThat(outer.protocol()).isEqualTo(IpProtocol.UDP);
    assertThat(outer.source()).isEqualTo(new Ipv4(VTEP_A));
    assertThat(outer.destination()).isEqualTo(new Ipv4(VTEP_B));
    assertThat(outer.totalLength()).isEqualTo(frame.length - 14);
    assertThat(Checksums.ipv4HeaderValid(frame, 14)).isTrue();
    UdpHeader udp = UdpHeader.read(b);
    assertThat(udp.destinationPort()).isEqualTo(VxlanHeader.IANA_PORT);
    assertThat(udp.length()).isEqualTo(outer.totalLength() - 20);
    assertThat(Checksums.udpHasChecksum(frame, 14)).as("Linux computes it").isTrue();
    assertThat(Checksums.udpValid(frame, 14)).isTrue();
    assertThat(frame[b.position()]).as("VXLAN flags: I").isEqualTo((byte) 0x08);
    assertThat(VxlanHeader.read(b).vni()).isEqualTo(4096);
    byte[] inner = Arrays.copyOfRange(frame, b.position(), frame.length);
    assertThat(inner).isEqualTo(RENDERER.inner(f));
    assertThat(EthernetHeader.read(ByteBuffer.wrap(inner)).source())
        .isEqualTo(new MacAddress(MAC_1));
  }

  @Test
  void vxlanAndGeneveAddFiftyBytesWithTheOuterEthernetHeader() {
    for (Tunnel tunnel : List.of(VXLAN, GENEVE)) {
      Frame f = encapsulated(tunnel, udp(40000, 1028), 1);

      assertThat(underlay(f).length - RENDERER.inner(f).length)
          .isEqualTo(Encapsulation.VXLAN.overheadBytes())
          .isEqualTo(VxlanHeader.OVERHEAD_IPV4)
          .isEqualTo(50);
      assertThat(f.outerLength - f.ipLength).isEqualTo(50);
    }
  }

  @Test
  void geneveCarriesTheVniAndTransparentEthernetBridgingOnUdp6081() {
    Frame f = encapsulated(GENEVE, udp(40000, 128), 5);
    byte[] frame = underlay(f);

    List<Header> headers = FrameDissector.dissect(frame);

    assertThat(((UdpHeader) headers.get(2)).destinationPort()).isEqualTo(GeneveHeader.IANA_PORT);
    GeneveHeader geneve = (GeneveHeader) headers.get(3);
    assertThat(geneve).isEqualTo(GeneveHeader.ethernet(10));
    assertThat(geneve.protocolType()).isEqualTo(EtherType.TRANSPARENT_ETHERNET_BRIDGING);
    assertThat(Checksums.udpValid(frame, 14)).isTrue();
    assertThat(headers.get(4)).isInstanceOf(EthernetHeader.class);
    assertThat(((Ipv4Header) headers.get(5)).source()).isEqualTo(new Ipv4(f.srcIp));
  }

  @Test
  void ipInIpAddsTwentyBytesAndCopiesTheInnerDfAndTtl() {
    Frame f = ipv4();
    f.df = true;
    f.ttl = 61;
    f.tcp(40000, 80, 32, 968);
    encapsulated(IPIP, f, 3);

    byte[] datagram = onWire(f);

    Ipv4Header outer = ip(datagram);
    assertThat(outer.protocol()).isEqualTo(IpProtocol.IPIP);
    assertThat(outer.totalLength()).isEqualTo(1040);
    assertThat(outer.dontFragment()).isTrue();
    assertThat(outer.ttl()).isEqualTo(61);
    assertThat(Checksums.ipv4HeaderValid(datagram, 0)).isTrue();
    byte[] inner = Arrays.copyOfRange(datagram, 20, datagram.length);
    assertThat(inner).isEqualTo(innerDatagram(f));
    assertThat(Checksums.tcpValid(inner, 0)).isTrue();
  }

  @Test
  void theOuterDfBitIsClearSetOrInheritedAsConfiguredAndNeverSetForArp() {
    Frame withDf = ipv4().udp(40000, 5001, 100);
    withDf.df = true;
    Frame withoutDf = ipv4().udp(40000, 5001, 100);

    for (OuterDontFragment df : OuterDontFragment.values()) {
      Tunnel tunnel = new Tunnel.Udp(Frame.TUNNEL_VXLAN, 1, 4789, df);
      assertThat(ip(onWire(encapsulated(tunnel, withDf.copy(), 1))).dontFragment())
          .as(df + " over DF")
          .isEqualTo(df != OuterDontFragment.UNSET);
      assertThat(ip(onWire(encapsulated(tunnel, withoutDf.copy(), 1))).dontFragment())
          .as(df + " over no DF")
          .isEqualTo(df == OuterDontFragment.SET);
      assertThat(ip(onWire(encapsulated(tunnel, arpRequest(), 1))).dontFragment()).isFalse();
    }
  }

  private static Frame arpRequest() {
    Frame arp = new Frame();
    arp.etherType = EtherType.ARP;
    arp.srcMac = MAC_1;
    arp.dstMac = 0xffff_ffff_ffffL;
    arp.arp =
        ArpPacket.request(
            new MacAddress(MAC_1),
            new Ipv4(TestFrames.CONTAINER_1),
            new Ipv4(TestFrames.CONTAINER_2));
    return arp;
  }

  @Test
  void theSourcePortIsStablePerFlow() {
    Frame small = encapsulated(VXLAN, udp(40000, 38), 1);
    Frame large = encapsulated(VXLAN, udp(40000, 1428), 2);

    assertThat(outerSourcePort(small)).isEqualTo(outerSourcePort(large));
  }

  @Test
  void flowsSpreadOverTheRfc7348Range() {
    Set<Integer> ports = new TreeSet<>();
    for (int flow = 0; flow < 200; flow++) {
      ports.add(outerSourcePort(encapsulated(VXLAN, udp(30000 + flow, 38), 1)));
    }

    assertThat(ports).allMatch(SourcePortRange.RFC_7348::contains);
    assertThat(ports).hasSizeGreaterThan(190);
  }

  @Test
  void arpFramesHashOnTheirEthernetHeader() {
    int first = outerSourcePort(encapsulated(VXLAN, arpRequest(), 1));
    int again = outerSourcePort(encapsulated(VXLAN, arpRequest(), 2));

    assertThat(first).isEqualTo(again).isBetween(49152, 65535);
  }

  /**
   * The port is Linux's: udp_flow_src_port over the flow dissector's keys of the inner frame's
   * bytes, whatever the inner protocol.
   */
  @Test
  void theSourcePortIsTheFlowHashOfTheInnerFramesBytes() {
    Frame tcp = ipv4().tcp(43210, 443, 40, 0);
    Frame icmp = ipv4().icmp(IcmpMessage.TYPE_ECHO_REQUEST, 0, 0x00070001, 56);
    for (Frame f : List.of(udp(40000, 100), tcp, icmp, arpRequest())) {
      for (Tunnel tunnel : List.of(VXLAN, GENEVE)) {
        encapsulated(tunnel, f, 1);
        int expected =
            SourcePortRange.RFC_7348.portFor(FlowKeys.ofEthernetFrame(RENDERER.inner(f), 0));

        assertThat(outerSourcePort(f)).isEqualTo(expected);
      }
    }
  }

  @Test
  void everyFragmentOfADatagramTakesTheSamePort() {
    Frame[] fragments = Fragments.inner(udp(40000, 3000), 1400);
    Set<Integer> ports = new TreeSet<>();
    for (Frame fragment : fragments) {
      encapsulated(VXLAN, fragment, 1);
      ports.add(outerSourcePort(fragment));
      assertThat(outerSourcePort(fragment))
          .isEqualTo(
              SourcePortRange.RFC_7348.portFor(
                  FlowKeys.ofEthernetFrame(RENDERER.inner(fragment), 0)));
    }

    assertThat(ports).hasSize(1);
  }

  /**
   * Frame 1 of tcpdump's tests/vxlan.pcap (VNI 255, an echo request inside): rendered from the same
   * fields, every header byte agrees but what Linux picks per boot or per packet (the outer UDP
   * source port), the outer UDP checksum (the capture's sender left it zero; Linux computes it) and
   * what depends on ping's data bytes (the data plane sends zeros).
   */
  @Test
  void aCapturedVxlanFramesHeadersAreWhatTheRendererWrites() {
    byte[] captured =
        org.overlaysim.overlay.packet.HexDump.parse(
            """
            0016 3e08 71cf 36dc 851e b340 0800 4500
            0086 d2c0 4000 4011 5152 c0a8 cb01 c0a8
            ca01 b05d 12b5 0072 0000 0800 0000 0000
            ff00 0030 8801 0002 0016 3e37 f604 0800
            4500 0054 0000 4000 4001 234f c0a8 cb03
            c0a8 cb05 0800 f6f2 050c 0001
            """);
    Frame f = new Frame();
    f.dstMac = 0x0030_8801_0002L;
    f.srcMac = 0x0016_3e37_f604L;
    f.srcIp = Ipv4.parse("192.168.203.3").bits();
    f.dstIp = Ipv4.parse("192.168.203.5").bits();
    f.ipId = 0;
    f.df = true;
    f.icmp(IcmpMessage.TYPE_ECHO_REQUEST, 0, 1292 << 16 | 1, 56);
    new Tunnel.Udp(Frame.TUNNEL_VXLAN, 255, 4789, OuterDontFragment.SET)
        .encapsulate(
            f, Ipv4.parse("192.168.203.1").bits(), Ipv4.parse("192.168.202.1").bits(), 0xd2c0);

    byte[] rendered = RENDERER.outer(f, 0x36dc_851e_b340L, 0x0016_3e08_71cfL);

    assertThat(rendered).hasSize(captured.length + 56);
    byte[] ours = Arrays.copyOf(rendered, captured.length);
    for (int masked : new int[] {34, 35, 40, 41, 86, 87}) {
      ours[masked] = captured[masked];
    }
    assertThat(org.overlaysim.overlay.packet.HexDump.hex(ours))
        .isEqualTo(org.overlaysim.overlay.packet.HexDump.hex(captured));
  }

  private static final int ROUTER = Ipv4.parse("192.168.1.1").bits();

  /**
   * As Linux's icmp_send (RFC 1812 section 4.3.2.3) and iptunnel_pmtud_build_icmp: the offending
   * datagram quoted as its sender sent it, as much as keeps the error within 576 bytes.
   */
  @Test
  void fragmentationNeededQuotesTheOffendingDatagramUpTo576BytesWithTheNextHopMtu() {
    Frame offending = udp(40000, 1500);
    offending.df = true;
    Frame error = DataPlane.icmpFragmentationNeeded(offending, ROUTER, offending.srcIp, 1350);

    byte[] datagram = innerDatagram(error);

    assertThat(ip(datagram).totalLength()).isEqualTo(576);
    assertThat(ip(datagram).source()).isEqualTo(new Ipv4(ROUTER));
    assertThat(ip(datagram).destination()).isEqualTo(new Ipv4(offending.srcIp));
    assertThat(ip(datagram).dontFragment()).isFalse();
    assertThat(Checksums.icmpValid(datagram, 0)).isTrue();
    IcmpMessage icmp = IcmpMessage.read(ByteBuffer.wrap(datagram, 20, datagram.length - 20));
    assertThat(icmp.isFragmentationNeeded()).isTrue();
    assertThat(icmp.nextHopMtu()).isEqualTo(1350);
    assertThat(Arrays.copyOfRange(datagram, 24, 28)).containsExactly(0, 0, 0x05, 0x46);
    assertThat(icmp.body().toArray())
        .isEqualTo(Arrays.copyOf(innerDatagram(offending), IcmpMessage.LINUX_MAXIMUM_QUOTE));
    assertThat(ip(icmp.body().toArray()).totalLength()).isEqualTo(1500);
    assertThat(ip(icmp.body().toArray()).dontFragment()).isTrue();
  }

  @Test
  void aSmallDatagramIsQuotedWhole() {
    Frame offending = udp(40000, 48);

    Frame error = DataPlane.icmpFragmentationNeeded(offending, ROUTER, offending.srcIp, 1350);

    byte[] datagram = innerDatagram(error);
    assertThat(ip(datagram).totalLength()).isEqualTo(20 + 8 + 48);
    assertThat(Arrays.copyOfRange(datagram, 28, datagram.length))
        .isEqualTo(innerDatagram(offending));
  }

  @Test
  void anErrorToTheSendingVtepQuotesTheOuterDatagram() {
    Frame offending = encapsulated(VXLAN, udp(40000, 1450), 0x0abc);
    Frame error = DataPlane.icmpFragmentationNeeded(offending, ROUTER, offending.outerSrc, 1400);

    byte[] datagram = innerDatagram(error);

    byte[] quoted = Arrays.copyOfRange(datagram, 28, datagram.length);
    assertThat(quoted).isEqualTo(Arrays.copyOf(onWire(offending), IcmpMessage.LINUX_MAXIMUM_QUOTE));
    assertThat(ip(quoted).identification()).isEqualTo(0x0abc);
    assertThat(UdpHeader.read(ByteBuffer.wrap(quoted, 20, 8)).destinationPort()).isEqualTo(4789);
    assertThat(Checksums.icmpValid(datagram, 0)).isTrue();
  }

  @Test
  void anErrorToTheSendingContainerQuotesTheInnerDatagram() {
    Frame offending = encapsulated(VXLAN, udp(40000, 1450), 0x0abc);
    Frame error = DataPlane.icmpFragmentationNeeded(offending, VTEP_A, offending.srcIp, 1350);

    byte[] quoted = Arrays.copyOfRange(innerDatagram(error), 28, 576);

    assertThat(quoted).isEqualTo(Arrays.copyOf(innerDatagram(offending), 548));
  }

  @Test
  void innerTransportChecksumsVerify() {
    Frame syn = ipv4().tcp(43210, 443, 40, 0);
    syn.tcpFlags = TcpHeader.SYN;
    syn.tcpMss = 1410;
    syn.tcpWindow = 64240;
    Frame data = ipv4().tcp(43210, 443, 32, 1000);
    data.tcpFlags = TcpHeader.ACK;
    data.tcpSeq = 1;
    data.tsVal = 5_000_000L;
    data.tsEcr = 4_000_000L;
    Frame echo = ipv4().icmp(IcmpMessage.TYPE_ECHO_REQUEST, 0, 0x00070001, 56);

    assertThat(Checksums.tcpValid(innerDatagram(syn), 0)).isTrue();
    assertThat(Checksums.tcpValid(innerDatagram(data), 0)).isTrue();
    assertThat(Checksums.udpValid(innerDatagram(udp(40000, 300)), 0)).isTrue();
    assertThat(Checksums.udpHasChecksum(innerDatagram(udp(40000, 300)), 0)).isTrue();
    assertThat(Checksums.icmpValid(innerDatagram(echo), 0)).isTrue();
    assertThat(Checksums.ipv4HeaderValid(innerDatagram(echo), 0)).isTrue();
  }
}
