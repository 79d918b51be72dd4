package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class TcpHeaderTest {
  private static final Ipv4 LOOPBACK = Ipv4.parse("127.0.0.1");

  private static byte[] capturedSyn() {
    return Arrays.copyOfRange(GoldenFrames.bytes(GoldenFrames.TCP_SYN_LOOPBACK), 34, 74);
  }

  @Test
  void capturedLinuxSynDecodesItsOptions() {
    TcpHeader syn = RoundTrip.decodeAndReencode(capturedSyn(), TcpHeader::read);

    assertThat(syn.sourcePort()).isEqualTo(55920);
    assertThat(syn.destinationPort()).isEqualTo(80);
    assertThat(syn.sequenceNumber()).isEqualTo(928549246L);
    assertThat(syn.flags()).isEqualTo(TcpHeader.SYN);
    assertThat(syn.window()).isEqualTo(32767);
    assertThat(syn.headerLength()).isEqualTo(40);
    assertThat(syn.option(TcpOption.KIND_MAXIMUM_SEGMENT_SIZE).maximumSegmentSize())
        .isEqualTo(16396);
    assertThat(syn.option(TcpOption.KIND_SACK_PERMITTED)).isNotNull();
    assertThat(syn.option(TcpOption.KIND_TIMESTAMPS).timestampValue()).isEqualTo(1306300950L);
    assertThat(syn.option(TcpOption.KIND_TIMESTAMPS).timestampEchoReply()).isZero();
    assertThat(syn.option(TcpOption.KIND_WINDOW_SCALE).windowScaleShift()).isEqualTo(2);
  }

  @Test
  void linuxSynOptionsEncodeAsTheCapturedBytes() {
    TcpHeader syn = TcpHeader.read(ByteBuffer.wrap(capturedSyn()));

    assertThat(syn.options()).isEqualTo(TcpHeader.linuxSynOptions(16396, 1306300950L, 2));
  }

  @Test
  void capturedSynChecksumIsReproduced() {
    TcpHeader syn = TcpHeader.read(ByteBuffer.wrap(capturedSyn()));

    assertThat(syn.computeChecksum(LOOPBACK, LOOPBACK, 0, 0)).isEqualTo(0x1421);
  }

  @Test
  void inPlaceChecksumAgreesWithHeaderChecksum() {
    TcpHeader header =
        new TcpHeader(
            40000,
            5201,
            1,
            2,
            TcpHeader.ACK | TcpHeader.PSH,
            502,
            0,
            0,
            TcpHeader.padWithNoOperations(List.of(TcpOption.timestamps(5, 6))));
    Ipv4 destination = Ipv4.parse("10.1.1.1");
    int segment = header.headerLength() + 1000;
    byte[] datagram = new byte[20 + segment];
    ByteBuffer b = ByteBuffer.wrap(datagram);
    Ipv4Header.of(LOOPBACK, destination, IpProtocol.TCP, segment, 1, 64, true).write(b);

    header.withComputedChecksum(LOOPBACK, destination, 1000, 0).write(b);

    assertThat(Checksums.tcpValid(datagram, 0)).isTrue();
  }

  @Test
  void endOfListPaddingRoundTripsByteForByte() {
    byte[] bytes =
        HexDump.parse("0050 c000 0000 0001 0000 0000 7012 ffff 0000 0000 0204 05b4 0000 0000");

    TcpHeader header = RoundTrip.decodeAndReencode(bytes, TcpHeader::read);

    assertThat(header.options()).hasSize(5);
  }

  @Test
  void unpaddedOptionsAreAProgrammingError() {
    assertThatThrownBy(
            () ->
                new TcpHeader(
                    1, 2, 0, 0, TcpHeader.SYN, 0, 0, 0, List.of(TcpOption.windowScale(7))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pad with NOPs");
  }

  @Test
  void padWithNoOperationsAlignsToFourBytes() {
    List<TcpOption> padded = TcpHeader.padWithNoOperations(List.of(TcpOption.windowScale(7)));

    assertThat(padded).containsExactly(TcpOption.windowScale(7), TcpOption.noOperation());
  }

  @Test
  void reservedBitsAreRejected() {
    byte[] bytes = capturedSyn();
    bytes[12] = (byte) 0xa1;

    assertThatThrownBy(() -> TcpHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("reserved bits");
  }

  @Test
  void optionLengthPastTheHeaderIsRejected() {
    byte[] bytes = capturedSyn();
    bytes[21] = 30;

    assertThatThrownBy(() -> TcpHeader.read(ByteBuffer.wrap(bytes)))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("bad length 30");
  }
}
