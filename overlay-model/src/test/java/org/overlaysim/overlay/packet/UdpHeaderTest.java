package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class UdpHeaderTest {
  private static final Ipv4 SOURCE = Ipv4.parse("192.168.203.1");
  private static final Ipv4 DESTINATION = Ipv4.parse("192.168.202.1");

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
    byte[] frame = GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO);

    assertThat(Checksums.udpHasChecksum(frame, 14)).isFalse();
    assertThat(Checksums.udpValid(frame, 14)).isTrue();
  }

  @Test
  void computedChecksumVerifiesOverHeaderAndZeroFilledPayload() {
    byte[] datagram = new byte[20 + 8 + 8 + 100];
    ByteBuffer b = ByteBuffer.wrap(datagram);
    Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.UDP, 116, 1, 64, false).write(b);
    UdpHeader udp = UdpHeader.of(50000, 4789, 108);
    long payloadSum = InternetChecksum.sum(new VxlanHeader(42).toBytes(), 0, 8);
    udp.withChecksum(udp.computeChecksum(SOURCE, DESTINATION, payloadSum)).write(b);
    new VxlanHeader(42).write(b);

    assertThat(Checksums.udpHasChecksum(datagram, 0)).isTrue();
    assertThat(Checksums.udpValid(datagram, 0)).isTrue();
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
