package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class Ipv4HeaderTest {
  private static final Ipv4 SOURCE = Ipv4.parse("10.0.0.1");
  private static final Ipv4 DESTINATION = Ipv4.parse("10.0.0.2");

  private static byte[] outerHeaderOfVxlanCapture() {
    return Arrays.copyOfRange(GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO), 14, 34);
  }

  @Test
  void capturedHeaderDecodesWithValidChecksum() {
    Ipv4Header header = RoundTrip.decodeAndReencode(outerHeaderOfVxlanCapture(), Ipv4Header::read);

    assertThat(header.totalLength()).isEqualTo(134);
    assertThat(header.identification()).isEqualTo(0xd2c0);
    assertThat(header.dontFragment()).isTrue();
    assertThat(header.ttl()).isEqualTo(64);
    assertThat(header.protocol()).isEqualTo(IpProtocol.UDP);
    assertThat(header.source()).isEqualTo(Ipv4.parse("192.168.203.1"));
    assertThat(header.destination()).isEqualTo(Ipv4.parse("192.168.202.1"));
    assertThat(header.headerChecksum()).isEqualTo(0x5152);
    assertThat(header.hasValidChecksum()).isTrue();
  }

  @Test
  void checksumOfTheRfc1071IllustrationIsB861() {
    Ipv4Header header =
        Ipv4Header.read(
            ByteBuffer.wrap(HexDump.parse("4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7")));

    assertThat(header.computeChecksum()).isEqualTo(0xb861);
  }

  @Test
  void headerWithOptionsAndFragmentFieldsRoundTrips() {
    Ipv4Header header =
        new Ipv4Header(
                46,
                1,
                1000,
                0xbeef,
                false,
                true,
                185,
                3,
                IpProtocol.TCP,
                0,
                SOURCE,
                DESTINATION,
                Octets.ofHex("9404 0000 0101 0100"))
            .withComputedChecksum();

    Ipv4Header decoded = RoundTrip.check(header, Ipv4Header::read);

    assertThat(decoded.headerLength()).isEqualTo(28);
    assertThat(decoded.fragmentOffsetBytes()).isEqualTo(1480);
    assertThat(decoded.hasValidChecksum()).isTrue();
  }

  @Test
  void checksummedFactoryEqualsComputingTheChecksumAfterwards() {
    Octets options = Octets.ofHex("9404 0000");

    Ipv4Header direct =
        Ipv4Header.checksummed(
            10, 2, 576, 4, true, false, 0, 9, IpProtocol.ICMP, SOURCE, DESTINATION, options);

    assertThat(direct)
        .isEqualTo(
            new Ipv4Header(
                    10,
                    2,
                    576,
                    4,
                    true,
                    false,
                    0,
                    9,
                    IpProtocol.ICMP,
                    0,
                    SOURCE,
                    DESTINATION,
                    options)
                .withComputedChecksum());
  }

  @Test
  void decrementingTtlRecomputesTheChecksum() {
    Ipv4Header header = Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.ICMP, 64, 7, 64, true);

    Ipv4Header forwarded = header.withTtl(63);

    assertThat(forwarded.ttl()).isEqualTo(63);
    assertThat(forwarded.headerChecksum()).isNotEqualTo(header.headerChecksum());
    assertThat(forwarded.hasValidChecksum()).isTrue();
  }

  @Test
  void otherVersionIsRejected() {
    byte[] bytes = outerHeaderOfVxlanCapture();
    bytes[0] = 0x65;

    assertThatThrownBy(() -> Ipv4Header.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("version 6, not 4");
  }

  @Test
  void ihlBelowFiveIsRejected() {
    byte[] bytes = outerHeaderOfVxlanCapture();
    bytes[0] = 0x44;

    assertThatThrownBy(() -> Ipv4Header.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("IHL 4");
  }

  @Test
  void optionsLongerThanTheBytesAreTruncation() {
    byte[] bytes = outerHeaderOfVxlanCapture();
    bytes[0] = 0x4f;

    assertThatThrownBy(() -> Ipv4Header.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("needs 60 bytes, 20 remain");
  }

  @Test
  void totalLengthShorterThanHeaderIsRejected() {
    byte[] bytes = outerHeaderOfVxlanCapture();
    bytes[2] = 0;
    bytes[3] = 19;

    assertThatThrownBy(() -> Ipv4Header.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("total length 19");
  }

  @Test
  void reservedFlagIsRejected() {
    byte[] bytes = outerHeaderOfVxlanCapture();
    bytes[6] = (byte) 0xc0;

    assertThatThrownBy(() -> Ipv4Header.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("reserved flag");
  }

  @Test
  void unpaddedOptionsAreAProgrammingError() {
    assertThatThrownBy(
            () ->
                new Ipv4Header(
                    0,
                    0,
                    100,
                    0,
                    false,
                    false,
                    0,
                    64,
                    6,
                    0,
                    SOURCE,
                    DESTINATION,
                    Octets.ofHex("01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 4");
  }

  @Test
  void addressesParseAndPrintDottedQuad() {
    assertThat(Ipv4.parse("192.168.203.1").toString()).isEqualTo("192.168.203.1");
    assertThat(Ipv4.parse("255.255.255.255").bits()).isEqualTo(-1);
    assertThatThrownBy(() -> Ipv4.parse("10.0.0.256")).isInstanceOf(IllegalArgumentException.class);
  }
}
