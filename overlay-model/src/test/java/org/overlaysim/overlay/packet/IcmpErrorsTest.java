package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IcmpErrorsTest {
  private static final Ipv4Address SENDER = Ipv4Address.parse("10.0.0.1");
  private static final Ipv4Address RECEIVER = Ipv4Address.parse("10.0.0.2");
  private static final Ipv4Address ROUTER = Ipv4Address.parse("192.168.1.1");

  private static Packet udp(Ipv4Address destination, int payload, boolean dontFragment) {
    Packet packet = Packet.withVirtualPayload(payload);
    packet.push(UdpHeader.of(40000, 5001, payload));
    packet.push(
        Ipv4Header.of(SENDER, destination, IpProtocol.UDP, 8 + payload, 9, 64, dontFragment));
    return packet;
  }

  @Test
  void fragmentationNeededGoesBackToTheSenderWithTheMtu() {
    Packet error = IcmpErrors.fragmentationNeeded(udp(RECEIVER, 1472, true), 0, 1350, ROUTER, 1);

    Ipv4Header ip = error.pop(Ipv4Header::read);
    IcmpMessage icmp = error.pop(IcmpMessage::read);
    assertThat(ip.source()).isEqualTo(ROUTER);
    assertThat(ip.destination()).isEqualTo(SENDER);
    assertThat(ip.dscp()).isEqualTo(48);
    assertThat(ip.dontFragment()).isFalse();
    assertThat(ip.totalLength()).isEqualTo(576);
    assertThat(icmp.isFragmentationNeeded()).isTrue();
    assertThat(icmp.nextHopMtu()).isEqualTo(1350);
    assertThat(icmp.hasValidChecksum()).isTrue();
  }

  @Test
  void smallDatagramIsQuotedWhole() {
    Packet error =
        IcmpErrors.timeExceeded(
            udp(RECEIVER, 20, false), 0, IcmpMessage.CODE_TTL_EXCEEDED_IN_TRANSIT, ROUTER, 1);

    assertThat(error.peek(Ipv4Header::read).totalLength()).isEqualTo(20 + 8 + 48);
  }

  @Test
  void noErrorAboutALaterFragment() {
    List<Packet> fragments = Ipv4Fragmenter.fragment(udp(RECEIVER, 3000, false), 1500);

    assertThat(IcmpErrors.mayReplyTo(fragments.get(0), 0)).isTrue();
    assertThat(IcmpErrors.mayReplyTo(fragments.get(1), 0)).isFalse();
  }

  @Test
  void noErrorAboutMulticastOrBroadcast() {
    assertThat(IcmpErrors.mayReplyTo(udp(Ipv4Address.parse("239.1.1.1"), 10, false), 0)).isFalse();
    assertThat(IcmpErrors.mayReplyTo(udp(Ipv4Address.parse("255.255.255.255"), 10, false), 0))
        .isFalse();
  }

  @Test
  void noErrorAboutAnIcmpErrorButAboutAnEcho() {
    Packet echo = Packet.withVirtualPayload(56);
    echo.push(IcmpMessage.echoRequest(1, 1));
    echo.push(Ipv4Header.of(SENDER, RECEIVER, IpProtocol.ICMP, 64, 1, 64, true));
    Packet error = IcmpErrors.fragmentationNeeded(udp(RECEIVER, 1472, true), 0, 1350, ROUTER, 1);

    assertThat(IcmpErrors.mayReplyTo(echo, 0)).isTrue();
    assertThat(IcmpErrors.mayReplyTo(error, 0)).isFalse();
  }
}
