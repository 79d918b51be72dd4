package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;

class ArpPacketTest {
  @Test
  void capturedRequestDecodesAndReencodes() {
    ArpPacket request =
        RoundTrip.decodeAndReencode(GoldenFrames.bytes(GoldenFrames.ARP_REQUEST), ArpPacket::read);

    assertThat(request.isRequest()).isTrue();
    assertThat(request.senderHardwareAddress()).isEqualTo(MacAddress.parse("00:15:5d:c6:59:86"));
    assertThat(request.senderProtocolAddress()).isEqualTo(Ipv4.parse("172.22.240.2"));
    assertThat(request.targetHardwareAddress()).isEqualTo(MacAddress.ZERO);
    assertThat(request.targetProtocolAddress()).isEqualTo(Ipv4.parse("172.22.240.1"));
  }

  @Test
  void replyBuiltForCapturedRequestMatchesCapturedReply() {
    ArpPacket request =
        ArpPacket.read(ByteBuffer.wrap(GoldenFrames.bytes(GoldenFrames.ARP_REQUEST)));

    ArpPacket reply = ArpPacket.replyTo(request, MacAddress.parse("00:15:5d:0c:4f:60"));

    assertThat(reply.toBytes()).isEqualTo(GoldenFrames.bytes(GoldenFrames.ARP_REPLY));
  }

  @Test
  void requestRoundTrips() {
    RoundTrip.check(
        ArpPacket.request(
            MacAddress.parse("02:00:00:00:00:01"), Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2")),
        ArpPacket::read);
  }

  @Test
  void nonEthernetIpv4ArpIsRejected() {
    byte[] ipv6Arp = GoldenFrames.bytes(GoldenFrames.ARP_REQUEST);
    ipv6Arp[2] = (byte) 0x86;
    ipv6Arp[3] = (byte) 0xdd;

    assertThatThrownBy(() -> ArpPacket.read(ByteBuffer.wrap(ipv6Arp)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("only Ethernet/IPv4 ARP");
  }
}
