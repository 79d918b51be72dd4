package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IcmpMessageTest {
  private static final Ipv4Address SOURCE = Ipv4Address.parse("10.0.0.1");
  private static final Ipv4Address DESTINATION = Ipv4Address.parse("10.0.0.2");

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
    Packet packet = Packet.ofBytes(GoldenFrames.bytes(GoldenFrames.VLAN_ICMP_ECHO));

    assertThat(TransportChecksums.icmpValid(packet, 38, 64)).isTrue();
    assertThat(TransportChecksums.ipv4HeaderValid(packet, 18)).isTrue();
  }

  @Test
  void echoOverVirtualPayloadHasTheChecksumOfMaterializedZeros() {
    IcmpMessage echo = IcmpMessage.echoRequest(0x1234, 7);
    Packet virtual = Packet.withVirtualPayload(56);
    virtual.push(echo);

    Packet materialized = Packet.ofBytes(virtual.toByteArray());
    TransportChecksums.fillIcmp(materialized, 0, 64);

    assertThat(materialized.u16At(IcmpMessage.CHECKSUM_OFFSET)).isEqualTo(echo.checksum());
    assertThat(TransportChecksums.icmpValid(virtual, 0, 64)).isTrue();
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
    Packet original = Packet.withVirtualPayload(1472);
    original.push(UdpHeader.of(40000, 5001, 1472));
    original.push(Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.UDP, 1480, 1, 64, true));

    IcmpMessage error = IcmpMessage.fragmentationNeeded(1350, IcmpMessage.quoteRfc792(original, 0));

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
  void linuxQuoteIsCappedSoTheErrorFitsIn576Bytes() {
    Packet original = Packet.withVirtualPayload(1480);
    original.push(Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.UDP, 1480, 1, 64, true));

    Octets quote = IcmpMessage.quoteLinux(original, 0);

    assertThat(20 + 8 + quote.length()).isEqualTo(576);
  }

  @Test
  void timeExceededRoundTripsWithItsQuote() {
    Packet original = Packet.withVirtualPayload(8);
    original.push(Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.ICMP, 8, 1, 1, false));

    IcmpMessage error =
        IcmpMessage.timeExceeded(
            IcmpMessage.CODE_TTL_EXCEEDED_IN_TRANSIT, IcmpMessage.quoteRfc792(original, 0));

    assertThat(RoundTrip.check(error, IcmpMessage::read).type())
        .isEqualTo(IcmpMessage.TYPE_TIME_EXCEEDED);
  }
}
