package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4ReassemblerTest {
  private static final long SECOND = 1_000_000_000L;

  private static List<Packet> fragmentsOf(int totalLength) {
    return Ipv4Fragmenter.fragment(Ipv4FragmenterTest.datagram(totalLength, false), 1500);
  }

  @Test
  void inOrderFragmentsReassembleToTheOriginalBytes() {
    Packet original = Ipv4FragmenterTest.datagram(4000, false);
    List<Packet> fragments = Ipv4Fragmenter.fragment(original.copy(), 1500);
    Ipv4Reassembler reassembler = new Ipv4Reassembler();

    assertThat(reassembler.offer(fragments.get(0), 0)).isNull();
    assertThat(reassembler.offer(fragments.get(1), 1)).isNull();
    Packet whole = reassembler.offer(fragments.get(2), 2);

    assertThat(whole.toByteArray()).isEqualTo(original.toByteArray());
    assertThat(whole.realLength()).isEqualTo(28);
    assertThat(reassembler.pendingDatagrams()).isZero();
  }

  @Test
  void outOfOrderFragmentsReassemble() {
    List<Packet> fragments = fragmentsOf(4000);
    Ipv4Reassembler reassembler = new Ipv4Reassembler();

    reassembler.offer(fragments.get(2), 0);
    reassembler.offer(fragments.get(0), 0);
    Packet whole = reassembler.offer(fragments.get(1), 0);

    assertThat(whole.peek(Ipv4Header::read).totalLength()).isEqualTo(4000);
    assertThat(whole.peek(Ipv4Header::read).isFragment()).isFalse();
    assertThat(whole.peek(Ipv4Header::read).hasValidChecksum()).isTrue();
  }

  @Test
  void nonFragmentPassesThrough() {
    Packet packet = Ipv4FragmenterTest.datagram(1000, false);

    assertThat(new Ipv4Reassembler().offer(packet, 0)).isSameAs(packet);
  }

  @Test
  void partiallyOverlappingFragmentDropsTheWholeDatagram() {
    List<Packet> fragments = fragmentsOf(4000);
    Ipv4Reassembler reassembler = new Ipv4Reassembler();
    reassembler.offer(fragments.get(0), 0);
    Packet overlapping = fragments.get(1).copy();
    overlapping.replace(
        0, overlapping.peek(Ipv4Header::read).withFragment(1500, true, 180, Octets.EMPTY));

    assertThat(reassembler.offer(overlapping, 0)).isNull();

    assertThat(reassembler.overlapDropCount()).isEqualTo(1);
    assertThat(reassembler.pendingDatagrams()).isZero();
    assertThat(reassembler.offer(fragments.get(2), 0)).isNull();
    assertThat(reassembler.offer(fragments.get(1), 0)).isNull();
    assertThat(reassembler.reassembledCount()).isZero();
  }

  @Test
  void exactDuplicateIsDroppedAloneAndTheDatagramStillCompletes() {
    List<Packet> fragments = fragmentsOf(4000);
    Ipv4Reassembler reassembler = new Ipv4Reassembler();
    reassembler.offer(fragments.get(0), 0);
    reassembler.offer(fragments.get(1), 0);

    assertThat(reassembler.offer(fragments.get(0).copy(), 0)).isNull();
    assertThat(reassembler.duplicateDropCount()).isEqualTo(1);
    assertThat(reassembler.offer(fragments.get(2), 0)).isNotNull();
  }

  @Test
  void incompleteDatagramExpiresAfterThirtySecondsWithItsFirstFragment() {
    List<Packet> fragments = fragmentsOf(4000);
    Ipv4Reassembler reassembler = new Ipv4Reassembler();
    reassembler.offer(fragments.get(0), 5 * SECOND);
    reassembler.offer(fragments.get(1), 6 * SECOND);

    assertThat(reassembler.nextExpiryNs()).isEqualTo(35 * SECOND);
    assertThat(reassembler.expire(35 * SECOND - 1)).isEmpty();
    List<Packet> expired = reassembler.expire(35 * SECOND);

    assertThat(expired).containsExactly(fragments.get(0));
    assertThat(reassembler.timeoutCount()).isEqualTo(1);
    assertThat(reassembler.offer(fragments.get(2), 36 * SECOND)).isNull();
  }

  @Test
  void expiredDatagramWithoutFirstFragmentSendsNoTimeExceeded() {
    List<Packet> fragments = fragmentsOf(4000);
    Ipv4Reassembler reassembler = new Ipv4Reassembler();
    reassembler.offer(fragments.get(1), 0);

    assertThat(reassembler.expire(30 * SECOND)).isEmpty();
    assertThat(reassembler.timeoutCount()).isEqualTo(1);
  }

  @Test
  void lastFragmentDisagreeingWithTheKnownEndDropsTheDatagram() {
    List<Packet> fragments = fragmentsOf(4000);
    Ipv4Reassembler reassembler = new Ipv4Reassembler();
    reassembler.offer(fragments.get(2), 0);
    Packet shorterLast = fragments.get(1).copy();
    shorterLast.replace(
        0, shorterLast.peek(Ipv4Header::read).withFragment(1500, false, 185, Octets.EMPTY));

    assertThat(reassembler.offer(shorterLast, 0)).isNull();

    assertThat(reassembler.malformedDropCount()).isEqualTo(1);
    assertThat(reassembler.pendingDatagrams()).isZero();
  }
}
