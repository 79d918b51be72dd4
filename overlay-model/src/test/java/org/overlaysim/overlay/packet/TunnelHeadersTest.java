package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TunnelHeadersTest {
  private static final Ipv4Address VTEP_A = Ipv4Address.parse("192.168.1.10");
  private static final Ipv4Address VTEP_B = Ipv4Address.parse("192.168.2.10");
  private static final TunnelEndpoints VXLAN_ENDPOINTS =
      new TunnelEndpoints(VTEP_A, VTEP_B, VxlanHeader.IANA_PORT);
  private static final MacAddress MAC_1 = MacAddress.parse("02:42:0a:00:00:01");
  private static final MacAddress MAC_2 = MacAddress.parse("02:42:0a:00:00:02");

  private static Packet innerUdpFrame(int sourcePort, int payload) {
    Packet packet = Packet.withVirtualPayload(payload);
    packet.push(UdpHeader.of(sourcePort, 5001, payload));
    packet.push(
        Ipv4Header.of(
            Ipv4Address.parse("10.0.0.1"),
            Ipv4Address.parse("10.0.0.2"),
            IpProtocol.UDP,
            8 + payload,
            1,
            64,
            false));
    packet.push(EthernetHeader.of(MAC_2, MAC_1, EtherType.IPV4));
    return packet;
  }

  private static int outerSourcePort(Packet encapsulated) {
    return encapsulated.peek(Ipv4Header.MINIMUM_LENGTH, UdpHeader::read).sourcePort();
  }

  /**
   * The captured frame and ours, built from its inner frame with its outer settings, agree byte for
   * byte but for the outer UDP source port (a per-boot hash in Linux).
   */
  private static void assertReencapsulationMatches(byte[] captured, Packet rebuilt) {
    byte[] bytes = rebuilt.toByteArray();
    assertThat(bytes).hasSameSizeAs(captured);
    bytes[34] = captured[34];
    bytes[35] = captured[35];
    assertThat(HexDump.hex(bytes)).isEqualTo(HexDump.hex(captured));
  }

  @Test
  void vxlanEncapsulationReproducesTheCapturedFrame() {
    byte[] captured = GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO);
    Packet inner = Packet.ofBytes(Arrays.copyOfRange(captured, 50, captured.length));
    OuterIpv4Settings asCaptured =
        OuterIpv4Settings.LINUX_UDP_TUNNEL.withDontFragment(true).withUdpChecksum(false);

    TunnelHeaders.pushVxlan(
        inner,
        255,
        new TunnelEndpoints(
            Ipv4Address.parse("192.168.203.1"), Ipv4Address.parse("192.168.202.1"), 4789),
        0xd2c0,
        asCaptured);
    TunnelHeaders.pushEthernet(
        inner,
        MacAddress.parse("00:16:3e:08:71:cf"),
        MacAddress.parse("36:dc:85:1e:b3:40"),
        EtherType.IPV4);

    assertReencapsulationMatches(captured, inner);
  }

  @Test
  void geneveEncapsulationReproducesTheCapturedFrame() {
    byte[] captured = GoldenFrames.bytes(GoldenFrames.GENEVE_OPTION_ICMP_ECHO);
    Packet inner = Packet.ofBytes(Arrays.copyOfRange(captured, 58, captured.length));
    OuterIpv4Settings asCaptured =
        OuterIpv4Settings.LINUX_UDP_TUNNEL.withDontFragment(true).withUdpChecksum(false);

    TunnelHeaders.pushGeneve(
        inner,
        GeneveHeader.ethernet(10, List.of(new GeneveOption(0, 0x80, Octets.ofHex("0000000c")))),
        new TunnelEndpoints(Ipv4Address.parse("20.0.0.1"), Ipv4Address.parse("20.0.0.2"), 6081),
        0xdfad,
        asCaptured);
    TunnelHeaders.pushEthernet(
        inner,
        MacAddress.parse("00:1b:21:3c:ac:30"),
        MacAddress.parse("00:1b:21:3c:ab:64"),
        EtherType.IPV4);

    assertReencapsulationMatches(captured, inner);
  }

  @Test
  void vxlanAddsFiftyBytesWithEthernet() {
    Packet frame = innerUdpFrame(40000, 1000);
    int innerLength = frame.length();

    TunnelHeaders.pushVxlan(frame, 4096, VXLAN_ENDPOINTS, 1, OuterIpv4Settings.LINUX_UDP_TUNNEL);
    TunnelHeaders.pushEthernet(
        frame,
        MacAddress.parse("02:00:00:00:00:02"),
        MacAddress.parse("02:00:00:00:00:01"),
        EtherType.IPV4);

    assertThat(frame.length() - innerLength).isEqualTo(VxlanHeader.OVERHEAD_IPV4);
  }

  @Test
  void vxlanOuterHeaderIsAsLinuxSendsIt() {
    Packet frame = innerUdpFrame(40000, 1000);

    TunnelHeaders.pushVxlan(frame, 4096, VXLAN_ENDPOINTS, 77, OuterIpv4Settings.LINUX_UDP_TUNNEL);

    Ipv4Header outer = frame.pop(Ipv4Header::read);
    assertThat(outer.dontFragment()).isFalse();
    assertThat(outer.ttl()).isEqualTo(64);
    assertThat(outer.identification()).isEqualTo(77);
    assertThat(outer.totalLength()).isEqualTo(frame.length() + 20);
    assertThat(outer.hasValidChecksum()).isTrue();
    UdpHeader udp = frame.peek(UdpHeader::read);
    assertThat(udp.destinationPort()).isEqualTo(4789);
    assertThat(udp.length()).isEqualTo(frame.length());
    assertThat(udp.hasChecksum()).isTrue();
    assertThat(TransportChecksums.udpValid(Packet.ofBytes(frame.toByteArray()), 0, VTEP_A, VTEP_B))
        .isTrue();
    frame.pop(UdpHeader::read);
    assertThat(frame.pop(VxlanHeader::read).vni()).isEqualTo(4096);
    assertThat(frame.pop(EthernetHeader::read).source()).isEqualTo(MAC_1);
  }

  @Test
  void udpChecksumCanBeLeftZero() {
    Packet frame = innerUdpFrame(40000, 10);

    TunnelHeaders.pushVxlan(
        frame, 1, VXLAN_ENDPOINTS, 1, OuterIpv4Settings.LINUX_UDP_TUNNEL.withUdpChecksum(false));

    assertThat(frame.peek(20, UdpHeader::read).hasChecksum()).isFalse();
  }

  @Test
  void sourcePortIsStablePerFlow() {
    Packet first = innerUdpFrame(40000, 10);
    Packet second = innerUdpFrame(40000, 1400);

    TunnelHeaders.pushVxlan(first, 1, VXLAN_ENDPOINTS, 1, OuterIpv4Settings.LINUX_UDP_TUNNEL);
    TunnelHeaders.pushVxlan(second, 1, VXLAN_ENDPOINTS, 2, OuterIpv4Settings.LINUX_UDP_TUNNEL);

    assertThat(outerSourcePort(first)).isEqualTo(outerSourcePort(second));
  }

  @Test
  void flowsSpreadOverTheRfcRangeByDefault() {
    Set<Integer> ports = new TreeSet<>();
    for (int flow = 0; flow < 200; flow++) {
      Packet frame = innerUdpFrame(30000 + flow, 10);
      TunnelHeaders.pushVxlan(frame, 1, VXLAN_ENDPOINTS, 1, OuterIpv4Settings.LINUX_UDP_TUNNEL);
      ports.add(outerSourcePort(frame));
    }

    assertThat(ports).allMatch(SourcePortRange.RFC_7348::contains);
    assertThat(ports).hasSizeGreaterThan(190);
  }

  @Test
  void linuxRangeIsAnOption() {
    OuterIpv4Settings linux =
        OuterIpv4Settings.LINUX_UDP_TUNNEL.withSourcePorts(SourcePortRange.LINUX);
    for (int flow = 0; flow < 100; flow++) {
      Packet frame = innerUdpFrame(30000 + flow, 10);
      TunnelHeaders.pushVxlan(frame, 1, VXLAN_ENDPOINTS, 1, linux);

      assertThat(outerSourcePort(frame)).isBetween(32768, 60999);
    }
  }

  @Test
  void arpFramesHashOnTheirEthernetHeader() {
    Packet arp = Packet.withVirtualPayload(0);
    arp.push(
        ArpPacket.request(MAC_1, Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2")));
    arp.push(EthernetHeader.of(MacAddress.BROADCAST, MAC_1, EtherType.ARP));
    Packet again = arp.copy();

    TunnelHeaders.pushVxlan(arp, 1, VXLAN_ENDPOINTS, 1, OuterIpv4Settings.LINUX_UDP_TUNNEL);
    TunnelHeaders.pushVxlan(again, 1, VXLAN_ENDPOINTS, 2, OuterIpv4Settings.LINUX_UDP_TUNNEL);

    assertThat(outerSourcePort(arp)).isEqualTo(outerSourcePort(again)).isBetween(49152, 65535);
  }

  @Test
  void geneveCarriesOptionsAndVerifiesItsChecksum() {
    Packet frame = innerUdpFrame(40000, 100);
    GeneveHeader geneve =
        GeneveHeader.ethernet(10, List.of(new GeneveOption(0x0104, 1, Octets.ofHex("00000001"))));

    TunnelHeaders.pushGeneve(
        frame,
        geneve,
        new TunnelEndpoints(VTEP_A, VTEP_B, GeneveHeader.IANA_PORT),
        5,
        OuterIpv4Settings.LINUX_UDP_TUNNEL);

    assertThat(frame.peek(20, UdpHeader::read).destinationPort()).isEqualTo(6081);
    assertThat(frame.peek(28, GeneveHeader::read)).isEqualTo(geneve);
    assertThat(TransportChecksums.udpValid(frame, 20, VTEP_A, VTEP_B)).isTrue();
  }

  @Test
  void ipInIpAddsTwentyBytesAndCopiesInnerDf() {
    Packet inner = Packet.withVirtualPayload(1000);
    inner.push(
        Ipv4Header.of(
            Ipv4Address.parse("10.0.0.1"),
            Ipv4Address.parse("10.0.0.2"),
            IpProtocol.TCP,
            1000,
            9,
            61,
            true));

    TunnelHeaders.pushIpInIp(
        inner, VTEP_A, VTEP_B, 3, OuterIpv4Settings.LINUX_UDP_TUNNEL.withDontFragment(false));

    Ipv4Header outer = inner.pop(Ipv4Header::read);
    assertThat(outer.protocol()).isEqualTo(IpProtocol.IPIP);
    assertThat(outer.totalLength()).isEqualTo(1040);
    assertThat(outer.dontFragment()).isTrue();
    assertThat(inner.peek(Ipv4Header::read).ttl()).isEqualTo(61);
  }

  @Test
  void ipInIpInheritsInnerTtlByDefault() {
    Packet inner = Packet.withVirtualPayload(10);
    inner.push(
        Ipv4Header.of(
            Ipv4Address.parse("10.0.0.1"),
            Ipv4Address.parse("10.0.0.2"),
            IpProtocol.UDP,
            10,
            9,
            61,
            false));

    TunnelHeaders.pushIpInIp(inner, VTEP_A, VTEP_B, 3, OuterIpv4Settings.LINUX_IPIP);

    assertThat(inner.peek(Ipv4Header::read).ttl()).isEqualTo(61);
  }

  @Test
  void congestionExperiencedInnerIsSentAsEct0Outside() {
    Packet frame = Packet.withVirtualPayload(10);
    frame.push(
        new Ipv4Header(
                0,
                3,
                30,
                1,
                false,
                false,
                0,
                64,
                IpProtocol.UDP,
                0,
                Ipv4Address.parse("10.0.0.1"),
                Ipv4Address.parse("10.0.0.2"),
                Octets.EMPTY)
            .withComputedChecksum());
    frame.push(EthernetHeader.of(MAC_2, MAC_1, EtherType.IPV4));

    TunnelHeaders.pushVxlan(frame, 1, VXLAN_ENDPOINTS, 1, OuterIpv4Settings.LINUX_UDP_TUNNEL);

    assertThat(frame.peek(Ipv4Header::read).ecn()).isEqualTo(2);
  }
}
