package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UdpHeaderTest {
  private static final Ipv4Address SOURCE = Ipv4Address.parse("192.168.203.1");
  private static final Ipv4Address DESTINATION = Ipv4Address.parse("192.168.202.1");

  @Test
  void capturedVxlanUdpHeaderDecodesWithoutChecksum() {
    byte[] frame = GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO);

    UdpHeader udp = RoundTrip.decodeAndReencode(Arrays.copyOfRange(frame, 34, 42), UdpHeader::read);

    assertThat(udp.sourcePort()).isEqualTo(45149);
    assertThat(udp.destinationPort()).isEqualTo(4789);
    assertThat(udp.length()).isEqualTo(114);
    assertThat(udp.hasChecksum()).isFalse();
  }

  @Test
  void zeroChecksumIsAcceptedAsNotComputed() {
    Packet packet = Packet.ofBytes(GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO));

    assertThat(TransportChecksums.udpValid(packet, 34, SOURCE, DESTINATION)).isTrue();
  }

  @Test
  void computedChecksumVerifiesOverRealAndVirtualBytes() {
    Packet packet = Packet.withVirtualPayload(100);
    packet.push(new VxlanHeader(42));
    packet.push(UdpHeader.of(50000, 4789, 108));

    TransportChecksums.fillUdp(packet, 0, SOURCE, DESTINATION);

    Packet materialized = Packet.ofBytes(packet.toByteArray());
    assertThat(TransportChecksums.udpValid(materialized, 0, SOURCE, DESTINATION)).isTrue();
    assertThat(materialized.u16At(UdpHeader.CHECKSUM_OFFSET)).isNotZero();
  }

  @Test
  void headerChecksumAgreesWithInPlaceChecksum() {
    Packet packet = Packet.withVirtualPayload(30);
    packet.push(new VxlanHeader(7));
    UdpHeader header = UdpHeader.of(50001, 4789, 38);
    packet.push(header);
    TransportChecksums.fillUdp(packet, 0, SOURCE, DESTINATION);

    long payloadSum = packet.checksumSum(8, 38);

    assertThat(header.computeChecksum(SOURCE, DESTINATION, payloadSum))
        .isEqualTo(packet.u16At(UdpHeader.CHECKSUM_OFFSET));
  }

  @Test
  void computedZeroIsSentAsAllOnes() {
    // Search a source port whose checksum comes out 0; RFC 768 transmits it as 0xffff.
    int port = -1;
    for (int candidate = 0; candidate <= 0xffff && port < 0; candidate++) {
      long sum =
          InternetChecksum.pseudoHeaderSum(SOURCE, DESTINATION, IpProtocol.UDP, 8)
              + candidate
              + 4789
              + 8;
      if (InternetChecksum.checksum(sum) == 0) {
        port = candidate;
      }
    }

    assertThat(port).isNotNegative();
    assertThat(UdpHeader.of(port, 4789, 0).computeChecksum(SOURCE, DESTINATION, 0))
        .isEqualTo(0xffff);
  }

  @Test
  void lengthBelowEightIsRejected() {
    assertThatThrownBy(() -> UdpHeader.read(ByteBuffer.wrap(HexDump.parse("1234 12b5 0007 0000"))))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("length 7");
  }

  @Test
  void headerRoundTrips() {
    RoundTrip.check(new UdpHeader(53, 33000, 512, 0xabcd), UdpHeader::read);
  }
}
