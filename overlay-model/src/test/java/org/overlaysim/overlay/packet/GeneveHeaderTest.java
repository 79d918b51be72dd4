package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneveHeaderTest {
  private static byte[] capturedHeader() {
    return Arrays.copyOfRange(GoldenFrames.bytes(GoldenFrames.GENEVE_OPTION_ICMP_ECHO), 42, 58);
  }

  @Test
  void capturedHeaderDecodesCriticalOption() {
    GeneveHeader header = RoundTrip.decodeAndReencode(capturedHeader(), GeneveHeader::read);

    assertThat(header.vni()).isEqualTo(10);
    assertThat(header.critical()).isTrue();
    assertThat(header.oam()).isFalse();
    assertThat(header.protocolType()).isEqualTo(EtherType.TRANSPARENT_ETHERNET_BRIDGING);
    assertThat(header.options())
        .containsExactly(new GeneveOption(0, 0x80, Octets.ofHex("0000000c")));
    assertThat(header.encodedLength()).isEqualTo(16);
  }

  @Test
  void ethernetFactorySetsCriticalFlagFromOptions() {
    GeneveHeader header =
        GeneveHeader.ethernet(10, List.of(new GeneveOption(0, 0x80, Octets.ofHex("0000000c"))));

    assertThat(header.toBytes()).isEqualTo(capturedHeader());
  }

  @Test
  void headerWithoutOptionsIsEightBytes() {
    assertThat(HexDump.hex(GeneveHeader.ethernet(0xabcdef).toBytes()))
        .isEqualTo("000065 58abcdef00".replace(" ", ""));
  }

  @Test
  void maximumOptionsRoundTrip() {
    List<GeneveOption> options = new ArrayList<>();
    options.add(new GeneveOption(0x0102, 0x01, Octets.zeros(124)));
    options.add(
        new GeneveOption(0xfff0, 0x7f, Octets.ofHex("01020304 05060708 090a0b0c 0d0e0f10")));
    options.add(new GeneveOption(0x0000, 0x00, Octets.zeros(100)));

    GeneveHeader header = RoundTrip.check(GeneveHeader.ethernet(1, options), GeneveHeader::read);

    assertThat(header.optionsLength()).isEqualTo(252);
  }

  @Test
  void optionsBeyond252BytesAreAProgrammingError() {
    List<GeneveOption> options =
        List.of(
            new GeneveOption(0, 0, Octets.zeros(124)), new GeneveOption(0, 0, Octets.zeros(124)));

    assertThatThrownBy(() -> GeneveHeader.ethernet(1, options))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionOtherThanZeroIsRejected() {
    byte[] bytes = capturedHeader();
    bytes[0] |= 0x40;

    assertThatThrownBy(() -> GeneveHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("version 1");
  }

  @Test
  void optionRunningPastOptionsLengthIsRejected() {
    byte[] bytes = capturedHeader();
    bytes[11] = 2;

    assertThatThrownBy(() -> GeneveHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("option data runs past");
  }

  @Test
  void reservedFlagBitsAreRejected() {
    byte[] bytes = capturedHeader();
    bytes[1] |= 0x01;

    assertThatThrownBy(() -> GeneveHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("reserved bits");
  }
}
