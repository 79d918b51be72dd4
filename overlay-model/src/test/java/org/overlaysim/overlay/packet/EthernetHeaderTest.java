package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.MacAddress;

class EthernetHeaderTest {
  private static final MacAddress A = MacAddress.parse("02:42:ac:11:00:02");
  private static final MacAddress B = MacAddress.parse("02:42:ac:11:00:03");

  @Test
  void untaggedHeaderRoundTrips() {
    EthernetHeader header =
        RoundTrip.check(EthernetHeader.of(B, A, EtherType.IPV4), EthernetHeader::read);

    assertThat(header.encodedLength()).isEqualTo(14);
  }

  @Test
  void taggedHeaderRoundTrips() {
    EthernetHeader header =
        RoundTrip.check(
            new EthernetHeader(B, A, new VlanTag(5, true, 4094), EtherType.ARP),
            EthernetHeader::read);

    assertThat(header.encodedLength()).isEqualTo(18);
  }

  @Test
  void taggedCaptureDecodesVlanTwentyCarryingIpv4() {
    byte[] frame = GoldenFrames.bytes(GoldenFrames.VLAN_ICMP_ECHO);

    EthernetHeader header =
        RoundTrip.decodeAndReencode(Arrays.copyOf(frame, 18), EthernetHeader::read);

    assertThat(header.destination()).isEqualTo(MacAddress.parse("00:16:3e:52:21:ec"));
    assertThat(header.source()).isEqualTo(MacAddress.parse("00:16:3e:3c:2b:b3"));
    assertThat(header.vlan()).isEqualTo(VlanTag.of(20));
    assertThat(header.etherType()).isEqualTo(EtherType.IPV4);
  }

  @Test
  void ieee8023LengthFieldIsRejectedAsNotEthernetII() {
    byte[] bytes = HexDump.parse("ffff ffff ffff 0242 ac11 0002 0026");

    assertThatThrownBy(() -> EthernetHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("802.3 length");
  }

  @Test
  void truncatedHeaderIsMalformedWithHexDump() {
    byte[] bytes = HexDump.parse("ffff ffff ffff 0242");

    assertThatThrownBy(() -> EthernetHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("truncated: needs 14 bytes, 8 remain")
        .hasMessageContaining("0000: ff ff ff ff ff ff 02 42");
  }

  @Test
  void macAddressPrintsAndParsesColonNotation() {
    assertThat(MacAddress.parse("02:42:AC:11:00:02").toString()).isEqualTo("02:42:ac:11:00:02");
    assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
    assertThat(A.isMulticast()).isFalse();
  }
}
