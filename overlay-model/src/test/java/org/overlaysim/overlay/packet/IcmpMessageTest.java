package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class IcmpMessageTest {
  private static final Ipv4 SOURCE = Ipv4.parse("10.0.0.1");
  private static final Ipv4 DESTINATION = Ipv4.parse("10.0.0.2");

  @Test
  void capturedEchoRequestDecodesWithIdentifierAndSequence() {
    byte[] frame = GoldenFrames.bytes(GoldenFrames.VLAN_ICMP_ECHO);

    IcmpMessage echo =
        RoundTrip.decodeAndReencode(Arrays.copyOfRange(frame, 38, 46), IcmpMessage::read);

    assertThat(echo.isEchoRequest()).isTrue();
    assertThat(echo.identifier()).isEqualTo(432);
    assertThat(echo.sequenceNumber()).isEqualTo(1);
    assertThat(echo.checksum()).isEqualTo(0x3a66);
  }

  @Test
  void capturedEchoChecksumVerifiesOverHeaderAndData() {
    byte[] frame = GoldenFrames.bytes(GoldenFrames.VLAN_ICMP_ECHO);

    assertThat(Checksums.icmpValid(frame, 18)).isTrue();
    assertThat(Checksums.ipv4HeaderValid(frame, 18)).isTrue();
  }

  @Test
  void echoChecksumHoldsOverZeroFilledData() {
    IcmpMessage echo = IcmpMessage.echoRequest(0x1234, 7);
    byte[] datagram = new byte[20 + 64];
    ByteBuffer b = ByteBuffer.wrap(datagram);
    Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.ICMP, 64, 1, 64, true).write(b);
    echo.write(b);

    assertThat(Checksums.icmpValid(datagram, 0)).isTrue();
  }

  @Test
  void echoReplyKeepsIdentifierAndSequence() {
    IcmpMessage reply = IcmpMessage.echoReplyTo(IcmpMessage.echoRequest(99, 3));

    assertThat(reply.isEchoReply()).isTrue();
    assertThat(reply.identifier()).isEqualTo(99);
    assertThat(reply.sequenceNumber()).isEqualTo(3);
    assertThat(reply.hasValidChecksum()).isTrue();
  }

  @Test
  void fragmentationNeededCarriesNextHopMtuAndQuotesHeaderPlusEightBytes() {
    ByteBuffer original = ByteBuffer.allocate(28);
    Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.UDP, 1480, 1, 64, true).write(original);
    UdpHeader.of(40000, 5001, 1472).write(original);

    IcmpMessage error = IcmpMessage.fragmentationNeeded(1350, Octets.of(original.array()));

    byte[] bytes = error.toBytes();
    assertThat(HexDump.hex(Arrays.copyOfRange(bytes, 0, 8)))
        .startsWith("0304")
        .endsWith("00000546");
    assertThat(error.nextHopMtu()).isEqualTo(1350);
    assertThat(error.body().length()).isEqualTo(28);
    assertThat(Ipv4Header.read(ByteBuffer.wrap(error.body().toArray())).totalLength())
        .isEqualTo(1500);
    assertThat(error.hasValidChecksum()).isTrue();
    RoundTrip.check(error, IcmpMessage::read);
  }

  @Test
  void timeExceededRoundTripsWithItsQuote() {
    byte[] original = new byte[28];
    Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.ICMP, 8, 1, 1, false)
        .write(ByteBuffer.wrap(original));

    IcmpMessage error =
        IcmpMessage.timeExceeded(IcmpMessage.CODE_TTL_EXCEEDED_IN_TRANSIT, Octets.of(original));

    assertThat(RoundTrip.check(error, IcmpMessage::read).type())
        .isEqualTo(IcmpMessage.TYPE_TIME_EXCEEDED);
  }
}
