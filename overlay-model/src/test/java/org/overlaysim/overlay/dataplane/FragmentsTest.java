package org.overlaysim.overlay.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overlaysim.overlay.dataplane.TestFrames.VXLAN;
import static org.overlaysim.overlay.dataplane.TestFrames.encapsulated;
import static org.overlaysim.overlay.dataplane.TestFrames.innerDatagram;
import static org.overlaysim.overlay.dataplane.TestFrames.ip;
import static org.overlaysim.overlay.dataplane.TestFrames.onWire;
import static org.overlaysim.overlay.dataplane.TestFrames.payloadOf;
import static org.overlaysim.overlay.dataplane.TestFrames.udp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.packet.Checksums;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.UdpHeader;

/**
 * IPv4 fragmentation as RFC 791 section 3.2 and Linux's ip_do_fragment do it, on the frames the
 * data plane splits ({@link Fragments}) and on the bytes a capture then shows ({@link
 * FrameRenderer}): (mtu - 20) rounded down to 8 bytes per fragment, offsets in 8-byte units, MF on
 * all but the last, one identification; reassembly by the receiver in any order.
 */
class FragmentsTest {
  private static List<byte[]> rendered(Frame[] fragments) {
    return Arrays.stream(fragments).map(TestFrames::innerDatagram).toList();
  }

  @Test
  void datagramOf1500OnA1400PathBecomes1396Plus124AsLinuxSendsIt() {
    Frame[] fragments = Fragments.inner(udp(40000, 1500), 1400);

    assertThat(Fragments.count(1500, 1400)).isEqualTo(2);
    assertThat(Fragments.dataPerFragment(1400)).isEqualTo(1376);
    assertThat(fragments).extracting(f -> (int) f.ipLength).containsExactly(1396, 124);
    assertThat(rendered(fragments)).extracting(b -> ip(b).totalLength()).containsExactly(1396, 124);
    assertThat(rendered(fragments)).extracting(b -> b.length).containsExactly(1396, 124);
  }

  @Test
  void offsetsAreInEightByteUnitsAndMoreFragmentsIsSetOnAllButTheLast() {
    List<Ipv4Header> headers =
        rendered(Fragments.inner(udp(40000, 4000), 1500)).stream().map(TestFrames::ip).toList();

    assertThat(headers).extracting(Ipv4Header::fragmentOffset).containsExactly(0, 185, 370);
    assertThat(headers).extracting(Ipv4Header::moreFragments).containsExactly(true, true, false);
    assertThat(headers.subList(0, 2)).allMatch(h -> h.payloadLength() % 8 == 0);
    assertThat(headers).extracting(Ipv4Header::identification).containsOnly(0x1234);
    assertThat(headers).allMatch(Ipv4Header::hasValidChecksum);
    assertThat(rendered(Fragments.inner(udp(40000, 4000), 1500)))
        .allMatch(b -> Checksums.ipv4HeaderValid(b, 0));
  }

  @Test
  void theTransportHeaderStaysInTheFirstFragment() {
    List<byte[]> fragments = rendered(Fragments.inner(udp(40000, 3000), 1500));

    UdpHeader udp = UdpHeader.read(ByteBuffer.wrap(fragments.get(0), 20, 8));
    assertThat(udp.destinationPort()).isEqualTo(5001);
    assertThat(udp.length()).as("the whole datagram's").isEqualTo(2980);
    assertThat(Arrays.copyOfRange(fragments.get(1), 20, fragments.get(1).length))
        .containsOnly((byte) 0);
  }

  /** 1400 bytes carry 1380 of data, more than the 1376 of a fragment: it fits all the same. */
  @Test
  void aDatagramThatFitsIsReturnedAsIs() {
    Frame f = udp(40000, 1400);
    Frame tunnelled = encapsulated(VXLAN, udp(40000, 1350), 1);

    assertThat(Fragments.count(1400, 1400)).isEqualTo(1);
    assertThat(Fragments.inner(f, 1400)).containsExactly(f);
    assertThat(Fragments.outer(tunnelled, 1400)).containsExactly(tunnelled);
  }

  @Test
  void refragmentingALaterFragmentKeepsItsOffsetAndMoreFragments() {
    Frame middle = Fragments.inner(udp(40000, 4000), 1500)[1];

    List<Ipv4Header> pieces =
        rendered(Fragments.inner(middle, 600)).stream().map(TestFrames::ip).toList();

    assertThat(pieces).extracting(Ipv4Header::fragmentOffset).containsExactly(185, 257, 329);
    assertThat(pieces).extracting(Ipv4Header::moreFragments).containsOnly(true);
  }

  @Test
  void refragmentingTheLastFragmentEndsWithMoreFragmentsClear() {
    Frame last = Fragments.inner(udp(40000, 4000), 1500)[2];

    List<Ipv4Header> pieces =
        rendered(Fragments.inner(last, 600)).stream().map(TestFrames::ip).toList();

    assertThat(pieces).extracting(Ipv4Header::fragmentOffset).containsExactly(370, 442);
    assertThat(pieces).extracting(Ipv4Header::moreFragments).containsExactly(true, false);
  }

  @Test
  void inOrderFragmentsReassembleToTheOriginalDatagram() {
    Frame original = udp(40000, 4000);
    byte[] whole = innerDatagram(original);
    Frame[] fragments = Fragments.inner(original, 1500);

    assertThat(Fragments.reassembleInner(fragments[0])).isNull();
    assertThat(Fragments.reassembleInner(fragments[1])).isNull();
    Frame reassembled = Fragments.reassembleInner(fragments[2]);

    assertThat(reassembled).isSameAs(original);
    assertThat(innerDatagram(reassembled)).isEqualTo(whole);
    byte[][] bytes = rendered(fragments).toArray(new byte[0][]);
    assertThat(payloadOf(bytes)).isEqualTo(Arrays.copyOfRange(whole, 20, whole.length));
  }

  @Test
  void outOfOrderFragmentsReassemble() {
    Frame original = udp(40000, 4000);
    Frame[] fragments = Fragments.inner(original, 1500);

    assertThat(Fragments.reassembleInner(fragments[2])).isNull();
    assertThat(Fragments.reassembleInner(fragments[0])).isNull();
    Frame whole = Fragments.reassembleInner(fragments[1]);

    assertThat((int) whole.ipLength).isEqualTo(4000);
    assertThat(whole.isInnerFragment()).isFalse();
    Ipv4Header header = ip(innerDatagram(whole));
    assertThat(header.isFragment()).isFalse();
    assertThat(header.hasValidChecksum()).isTrue();
  }

  @Test
  void aWholeDatagramPassesThroughReassembly() {
    Frame f = udp(40000, 1000);

    assertThat(Fragments.reassembleInner(f)).isSameAs(f);
    assertThat(Fragments.reassembleOuter(encapsulated(VXLAN, udp(40000, 1000), 1))).isNotNull();
  }

  @Test
  void anOuterDatagramIsFragmentedAndReassembledLikeAnyOther() {
    Frame f = encapsulated(VXLAN, udp(40000, 1450), 0x0abc);
    byte[] whole = onWire(f);

    Frame[] fragments = Fragments.outer(f, 1400);

    List<byte[]> bytes = Arrays.stream(fragments).map(TestFrames::onWire).toList();
    assertThat(bytes).extracting(b -> ip(b).totalLength()).containsExactly(1396, 124);
    assertThat(bytes).extracting(b -> ip(b).fragmentOffsetBytes()).containsExactly(0, 1376);
    assertThat(bytes).extracting(b -> ip(b).moreFragments()).containsExactly(true, false);
    assertThat(bytes).extracting(b -> ip(b).identification()).containsOnly(0x0abc);
    assertThat(bytes).allMatch(b -> Checksums.ipv4HeaderValid(b, 0));
    assertThat(payloadOf(bytes.get(1), bytes.get(0)))
        .isEqualTo(Arrays.copyOfRange(whole, 20, whole.length));
    assertThat(Fragments.reassembleOuter(fragments[1])).isNull();
    assertThat(Fragments.reassembleOuter(fragments[0])).isSameAs(f);
  }

  @Test
  void theUnderlayFragmentsTheOuterDatagramOfATunnelledFrameAndTheInnerOneOtherwise() {
    Frame tunnelled = encapsulated(VXLAN, udp(40000, 1450), 1);
    Frame routed = udp(40000, 1450);

    assertThat(Fragments.onWire(tunnelled, 1400))
        .allSatisfy(c -> assertThat(c.isOuterFragment()).isTrue());
    assertThat(Fragments.onWire(routed, 1400))
        .allSatisfy(c -> assertThat(c.isInnerFragment()).isTrue());
  }
}
