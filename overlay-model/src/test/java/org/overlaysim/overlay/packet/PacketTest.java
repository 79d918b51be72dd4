package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacketTest {
  private static final Ipv4Address SOURCE = Ipv4Address.parse("10.0.0.1");
  private static final Ipv4Address DESTINATION = Ipv4Address.parse("10.0.0.2");

  private static Packet udpDatagram(int payload) {
    Packet packet = Packet.withVirtualPayload(payload);
    packet.push(UdpHeader.of(1000, 2000, payload));
    packet.push(Ipv4Header.of(SOURCE, DESTINATION, IpProtocol.UDP, 8 + payload, 1, 64, false));
    return packet;
  }

  @Test
  void virtualPayloadCountsInLengthButNotInRealBytes() {
    Packet packet = udpDatagram(1400);

    assertThat(packet.length()).isEqualTo(1428);
    assertThat(packet.realLength()).isEqualTo(28);
    assertThat(packet.virtualPayloadLength()).isEqualTo(1400);
  }

  @Test
  void popsHeadersInTheOrderTheyWerePushedOutermostFirst() {
    Packet packet = udpDatagram(10);

    Ipv4Header ip = packet.pop(Ipv4Header::read);
    UdpHeader udp = packet.pop(UdpHeader::read);

    assertThat(ip.protocol()).isEqualTo(IpProtocol.UDP);
    assertThat(udp.destinationPort()).isEqualTo(2000);
    assertThat(packet.length()).isEqualTo(10);
    assertThat(packet.realLength()).isZero();
  }

  @Test
  void peekLeavesThePacketUnchanged() {
    Packet packet = udpDatagram(10);

    UdpHeader udp = packet.peek(20, UdpHeader::read);

    assertThat(udp.sourcePort()).isEqualTo(1000);
    assertThat(packet.length()).isEqualTo(38);
  }

  @Test
  void bytesAreHeadersFollowedByZeroFilledPayload() {
    Packet packet = udpDatagram(4);

    byte[] bytes = packet.toByteArray();

    assertThat(bytes).hasSize(32);
    assertThat(HexDump.hex(bytes)).endsWith("03e807d0000c000000000000");
  }

  @Test
  void pushingBeyondTheHeadroomGrowsIt() {
    Packet packet = Packet.withVirtualPayload(0);
    for (int i = 0; i < 20; i++) {
      packet.push(new VxlanHeader(i));
    }

    assertThat(packet.realLength()).isEqualTo(160);
    assertThat(packet.pop(VxlanHeader::read).vni()).isEqualTo(19);
  }

  @Test
  void copyIsIndependentOfTheOriginal() {
    Packet original = udpDatagram(100);
    original.setFlowId(7);

    Packet copy = original.copy();
    copy.replace(0, copy.peek(Ipv4Header::read).withTtl(1));

    assertThat(original.peek(Ipv4Header::read).ttl()).isEqualTo(64);
    assertThat(copy.peek(Ipv4Header::read).ttl()).isEqualTo(1);
    assertThat(copy.flowId()).isEqualTo(7);
  }

  @Test
  void popPastTheRealBytesIsMalformedNotAnIndexError() {
    Packet packet = Packet.withVirtualPayload(100);
    packet.push(new VxlanHeader(1));

    packet.pop(VxlanHeader::read);

    assertThatThrownBy(() -> packet.pop(UdpHeader::read))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void malformedHeaderOffsetCountsFromThePacketsFirstByte() {
    Packet packet = Packet.ofBytes(HexDump.parse("0242ac110002 0242ac110003 0800 4600"));

    assertThatThrownBy(() -> packet.peek(14, Ipv4Header::read))
        .isInstanceOfSatisfying(
            MalformedPacketException.class, e -> assertThat(e.offset()).isEqualTo(14))
        .hasMessageStartingWith("malformed IPv4 header at offset 14: truncated");
  }

  @Test
  void truncateCutsVirtualPayloadFirst() {
    Packet packet = udpDatagram(100);

    packet.truncate(50);

    assertThat(packet.realLength()).isEqualTo(28);
    assertThat(packet.virtualPayloadLength()).isEqualTo(22);
  }

  @Test
  void checksumSumIgnoresVirtualZeros() {
    Packet packet = udpDatagram(1000);

    assertThat(packet.checksumSum(0, packet.length())).isEqualTo(packet.checksumSum(0, 28));
  }

  @Test
  void metadataTravelsBesideTheBytes() {
    Packet packet = udpDatagram(10);
    byte[] before = packet.toByteArray();

    packet.setUid(1);
    packet.setFlowId(2);
    packet.setCreatedAtNs(3);
    packet.setIngressInterface(4);

    assertThat(packet.toByteArray()).isEqualTo(before);
    assertThat(packet.uid()).isEqualTo(1);
    assertThat(packet.ingressInterface()).isEqualTo(4);
  }
}
