package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.packet.EtherType;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.FlowKeys;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.InternetChecksum;
import org.overlaysim.overlay.packet.IpProtocol;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.SourcePortRange;
import org.overlaysim.overlay.packet.UdpHeader;
import org.overlaysim.overlay.packet.VxlanHeader;
import org.overlaysim.scenario.Ipv4;

/**
 * What a capture sees (scenario-format.md: frames are real bytes; RFC 7348 section 5): the outer
 * Ethernet, IPv4 and UDP headers of the VXLAN packet on the underlay with valid checksums, the VNI,
 * and inside it exactly the frame the container's interface carried.
 */
class CaptureTest {
  private final List<byte[]> onLink = new ArrayList<>();
  private final List<byte[]> onContainer = new ArrayList<>();
  private final ScenarioRun run = ScenarioRun.of("latency.yaml");

  CaptureTest() {
    run.network.tapLink(
        "ha--ra", (now, frame) -> onLink.add(frame), (now, frame) -> onLink.add(frame));
    run.network.tapContainer("x", (now, frame) -> onContainer.add(frame));
    run.run();
  }

  @Test
  void theUnderlayCarriesAVxlanPacketWithValidChecksumsAroundTheContainersFrame() {
    byte[] frame = onLink.get(0);
    ByteBuffer b = ByteBuffer.wrap(frame);
    assertThat(EthernetHeader.read(b).etherType()).isEqualTo(EtherType.IPV4);
    Ipv4Header outer = Ipv4Header.read(b);
    assertThat(outer.hasValidChecksum()).isTrue();
    assertThat(outer.protocol()).isEqualTo(IpProtocol.UDP);
    assertThat(outer.dontFragment()).isFalse();
    assertThat(outer.source()).isEqualTo(Ipv4.parse("10.1.0.1"));
    assertThat(outer.destination()).isEqualTo(Ipv4.parse("10.2.0.1"));
    assertThat(outer.totalLength()).isEqualTo(134);
    int udpAt = b.position();
    UdpHeader udp = UdpHeader.read(b);
    assertThat(udp.destinationPort()).isEqualTo(VxlanHeader.IANA_PORT);
    long payloadSum = InternetChecksum.sum(frame, udpAt + 8, udp.length() - 8);
    assertThat(udp.hasChecksum()).isTrue();
    assertThat(udp.checksumValid(outer.source(), outer.destination(), payloadSum)).isTrue();
    assertThat(VxlanHeader.read(b).vni()).isEqualTo(7);
    byte[] inner = new byte[frame.length - b.position()];
    b.get(inner);
    assertThat(inner).isEqualTo(onContainer.get(0));
  }

  @Test
  void theOuterSourcePortIsTheInnerFlowHashInTheRfc7348Range() {
    byte[] frame = onLink.get(0);
    int expected =
        SourcePortRange.RFC_7348.portFor(FlowKeys.ofEthernetFrame(frame, 14 + 20 + 8 + 8));
    int port = (frame[34] & 0xff) << 8 | (frame[35] & 0xff);
    assertThat(port).isEqualTo(expected).isBetween(49152, 65535);
  }

  @Test
  void theContainerInterfaceCarriesAnEchoRequestWithValidChecksums() {
    byte[] frame = onContainer.get(0);
    ByteBuffer b = ByteBuffer.wrap(frame);
    EthernetHeader.read(b);
    Ipv4Header ip = Ipv4Header.read(b);
    assertThat(ip.hasValidChecksum()).isTrue();
    assertThat(ip.totalLength()).isEqualTo(84);
    int icmpAt = b.position();
    IcmpMessage icmp = IcmpMessage.read(b);
    assertThat(icmp.isEchoRequest()).isTrue();
    assertThat(icmp.sequenceNumber()).isEqualTo(1);
    assertThat(InternetChecksum.verifies(InternetChecksum.sum(frame, icmpAt, 64))).isTrue();
  }
}
