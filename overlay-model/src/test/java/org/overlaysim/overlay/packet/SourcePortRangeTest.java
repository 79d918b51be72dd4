package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourcePortRangeTest {
  @Test
  void extremeHashesMapToTheBoundsInclusive() {
    assertThat(SourcePortRange.RFC_7348.portFor(0)).isEqualTo(49152);
    assertThat(SourcePortRange.RFC_7348.portFor(0xffff)).isEqualTo(65535);
  }

  @Test
  void singlePortRangeAlwaysGivesThatPort() {
    assertThat(new SourcePortRange(4789, 4789).portFor(123456)).isEqualTo(4789);
  }

  @Test
  void invertedRangeIsRejected() {
    assertThatThrownBy(() -> new SourcePortRange(60000, 50000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fragmentsOfOneDatagramHashAlike() {
    Packet datagram = Packet.withVirtualPayload(3000);
    datagram.push(UdpHeader.of(1234, 80, 3000));
    datagram.push(
        Ipv4Header.of(
            Ipv4Address.parse("10.0.0.1"),
            Ipv4Address.parse("10.0.0.2"),
            IpProtocol.UDP,
            3008,
            5,
            64,
            false));

    var fragments = Ipv4Fragmenter.fragment(datagram, 1500);

    assertThat(FlowHash.ofIpv4Packet(fragments.get(0), 0, 0))
        .isEqualTo(FlowHash.ofIpv4Packet(fragments.get(2), 0, 0));
  }

  @Test
  void seedChangesTheHashSoHostsDiffer() {
    assertThat(FlowHash.jhash3(1, 2, 3, 0)).isNotEqualTo(FlowHash.jhash3(1, 2, 3, 1));
  }
}
