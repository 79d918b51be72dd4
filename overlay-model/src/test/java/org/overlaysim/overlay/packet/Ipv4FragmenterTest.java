package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4FragmenterTest {
  private static final Ipv4Address SOURCE = Ipv4Address.parse("192.168.1.10");
  private static final Ipv4Address DESTINATION = Ipv4Address.parse("192.168.2.10");

  static Packet datagram(int totalLength, boolean dontFragment) {
    Packet packet = Packet.withVirtualPayload(totalLength - 28);
    packet.push(UdpHeader.of(50000, 4789, totalLength - 28));
    packet.push(
        Ipv4Header.of(
            SOURCE, DESTINATION, IpProtocol.UDP, totalLength - 20, 0x1234, 64, dontFragment));
    return packet;
  }

  private static Ipv4Header ip(Packet packet) {
    return packet.peek(Ipv4Header::read);
  }

  @Test
  void datagramOf1500OnA1400PathBecomes1396Plus124AsLinuxSendsIt() {
    List<Packet> fragments = Ipv4Fragmenter.fragment(datagram(1500, false), 1400);

    assertThat(fragments).extracting(Packet::length).containsExactly(1396, 124);
    assertThat(ip(fragments.get(0)).totalLength()).isEqualTo(1396);
    assertThat(ip(fragments.get(1)).totalLength()).isEqualTo(124);
  }

  @Test
  void offsetsAreInEightByteUnitsAndMoreFragmentsIsSetOnAllButTheLast() {
    List<Packet> fragments = Ipv4Fragmenter.fragment(datagram(4000, false), 1500);

    assertThat(fragments).extracting(p -> ip(p).fragmentOffset()).containsExactly(0, 185, 370);
    assertThat(fragments).extracting(p -> ip(p).moreFragments()).containsExactly(true, true, false);
    assertThat(fragments.subList(0, 2)).allMatch(p -> ip(p).payloadLength() % 8 == 0);
    assertThat(fragments).extracting(p -> ip(p).identification()).containsOnly(0x1234);
    assertThat(fragments).allMatch(p -> ip(p).hasValidChecksum());
  }

  @Test
  void realHeaderBytesStayInTheFirstFragment() {
    List<Packet> fragments = Ipv4Fragmenter.fragment(datagram(3000, false), 1500);

    assertThat(fragments.get(0).peek(20, UdpHeader::read).destinationPort()).isEqualTo(4789);
    assertThat(fragments.get(1).realLength()).isEqualTo(20);
  }

  @Test
  void datagramThatFitsIsReturnedAsIs() {
    Packet packet = datagram(1400, true);

    assertThat(Ipv4Fragmenter.fragment(packet, 1400)).containsExactly(packet);
  }

  @Test
  void dontFragmentRefusesSoTheCallerSendsIcmp() {
    assertThatThrownBy(() -> Ipv4Fragmenter.fragment(datagram(1500, true), 1400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DF set");
  }

  @Test
  void refragmentingALaterFragmentKeepsItsOffsetAndMoreFragments() {
    Packet middle = Ipv4Fragmenter.fragment(datagram(4000, false), 1500).get(1);

    List<Packet> pieces = Ipv4Fragmenter.fragment(middle, 600);

    assertThat(pieces).extracting(p -> ip(p).fragmentOffset()).containsExactly(185, 257, 329);
    assertThat(pieces).extracting(p -> ip(p).moreFragments()).containsOnly(true);
  }

  @Test
  void optionsNotMarkedCopiedBecomeNopsInLaterFragments() {
    // Record route (type 7, not copied) and a copied option (0x94 router alert), padded.
    Octets options = Octets.ofHex("0707 0400 0000 0094 0400 0000");
    Packet packet = Packet.withVirtualPayload(2000);
    packet.push(
        new Ipv4Header(
                0, 0, 2032, 1, false, false, 0, 64, IpProtocol.UDP, 0, SOURCE, DESTINATION, options)
            .withComputedChecksum());

    List<Packet> fragments = Ipv4Fragmenter.fragment(packet, 1500);

    assertThat(ip(fragments.get(0)).options()).isEqualTo(options);
    assertThat(ip(fragments.get(1)).options())
        .isEqualTo(Octets.ofHex("0101 0101 0101 0194 0400 0000"));
  }
}
