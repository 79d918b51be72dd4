package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.packet.ArpPacket;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.GeneveHeader;
import org.overlaysim.overlay.packet.GeneveOption;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.UdpHeader;
import org.overlaysim.overlay.packet.VxlanHeader;

/**
 * The bytes of each encapsulation on the underlay (RFC 8926 Geneve on UDP 6081, RFC 2003 IP in IP
 * as protocol 4, RFC 7348 VXLAN carrying ARP under flood-and-learn) and of an outer datagram a
 * router fragmented (RFC 791: 1396 + 124 bytes for 1500 on a 1400 link).
 */
class EncapsulationCaptureTest {
  private static List<byte[]> capture(String resource, String link, String... overrides) {
    ScenarioRun r = ScenarioRun.of(resource, overrides);
    List<byte[]> frames = new ArrayList<>();
    r.network.tapLink(link, (now, frame) -> frames.add(frame), (now, frame) -> frames.add(frame));
    r.run();
    return frames;
  }

  @Test
  void geneveCarriesTheVniInItsBaseHeaderOnUdp6081() {
    byte[] frame = capture("two-hosts.yaml", "h1--r1", "overlays.net.encapsulation=geneve").get(0);
    ByteBuffer b = ByteBuffer.wrap(frame);
    EthernetHeader.read(b);
    assertThat(Ipv4Header.read(b).hasValidChecksum()).isTrue();
    assertThat(UdpHeader.read(b).destinationPort()).isEqualTo(GeneveHeader.IANA_PORT);
    GeneveHeader geneve = GeneveHeader.read(b);
    assertThat(geneve.vni()).isEqualTo(100);
    assertThat(EthernetHeader.read(b).etherType()).isEqualTo(EtherType.IPV4);
    assertThat(Ipv4Header.read(b).protocol()).isEqualTo(IpProtocol.ICMP);
  }

  @Test
  void ipipPutsTheInnerIpv4PacketRightAfterAnOuterHeaderOfProtocol4() {
    byte[] frame = capture("two-hosts.yaml", "h1--r1", "overlays.net.encapsulation=ipip").get(0);
    ByteBuffer b = ByteBuffer.wrap(frame);
    EthernetHeader.read(b);
    Ipv4Header outer = Ipv4Header.read(b);
    assertThat(outer.protocol()).isEqualTo(IpProtocol.IPIP);
    assertThat(outer.totalLength()).isEqualTo(20 + 84);
    Ipv4Header inner = Ipv4Header.read(b);
    assertThat(inner.hasValidChecksum()).isTrue();
    assertThat(IcmpMessage.read(b).isEchoRequest()).isTrue();
  }

  @Test
  void floodAndLearnCarriesTheArpRequestInsideTheTunnel() {
    byte[] frame = capture("control-planes.yaml", "node-1--spine").get(0);
    ByteBuffer b = ByteBuffer.wrap(frame);
    EthernetHeader.read(b);
    Ipv4Header.read(b);
    assertThat(UdpHeader.read(b).destinationPort()).isEqualTo(VxlanHeader.LINUX_DEFAULT_PORT);
    assertThat(VxlanHeader.read(b).vni()).isEqualTo(200);
    EthernetHeader inner = EthernetHeader.read(b);
    assertThat(inner.destination().isBroadcast()).isTrue();
    assertThat(inner.etherType()).isEqualTo(EtherType.ARP);
    assertThat(ArpPacket.read(b).isRequest()).isTrue();
  }

  @Test
  void aRouterFragmentsAnOuterDatagramWithoutDfTo1396And124Bytes() {
    List<byte[]> frames = capture("wan.yaml", "wan");
    Ipv4Header first = Ipv4Header.read(ByteBuffer.wrap(frames.get(0)).position(14));
    Ipv4Header second = Ipv4Header.read(ByteBuffer.wrap(frames.get(1)).position(14));
    assertThat(first.totalLength()).isEqualTo(1396);
    assertThat(first.moreFragments()).isTrue();
    assertThat(first.hasValidChecksum()).isTrue();
    assertThat(second.totalLength()).isEqualTo(124);
    assertThat(second.fragmentOffsetBytes()).isEqualTo(1376);
    assertThat(second.moreFragments()).isFalse();
    assertThat(second.identification()).isEqualTo(first.identification());
  }

  @Test
  void geneveWithOvnsEightOptionBytesCarriesOneOptionTlvBeforeTheInnerFrame() {
    byte[] frame =
        capture(
                "two-hosts.yaml",
                "h1--r1",
                "overlays.net.encapsulation=geneve",
                "overlays.net.optionsBytes=8")
            .get(0);
    ByteBuffer b = ByteBuffer.wrap(frame);
    EthernetHeader.read(b);
    Ipv4Header outer = Ipv4Header.read(b);
    // 20 IPv4 + 8 UDP + 8 Geneve + 8 options + 14 inner Ethernet + the 84-byte echo request.
    assertThat(outer.totalLength()).isEqualTo(142);
    assertThat(UdpHeader.read(b).destinationPort()).isEqualTo(GeneveHeader.IANA_PORT);
    GeneveHeader geneve = GeneveHeader.read(b);
    assertThat(geneve.options()).hasSize(1);
    assertThat(geneve.options().get(0).optionClass()).isEqualTo(GeneveOption.CLASS_OVN);
    assertThat(geneve.options().get(0).type()).isEqualTo(0x80);
    assertThat(geneve.options().get(0).encodedLength()).isEqualTo(8);
    assertThat(EthernetHeader.read(b).etherType()).isEqualTo(EtherType.IPV4);
    assertThat(IcmpMessage.read(b.position(b.position() + 20)).isEchoRequest()).isTrue();
  }
}
