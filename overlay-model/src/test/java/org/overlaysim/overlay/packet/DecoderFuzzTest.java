package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.overlaysim.scenario.Ipv4;

/** Every decoder, given garbage or truncated bytes, decodes or says why; never an index error. */
class DecoderFuzzTest {
  private static final List<HeaderReader<?>> DECODERS =
      List.of(
          EthernetHeader::read,
          ArpPacket::read,
          Ipv4Header::read,
          IcmpMessage::read,
          UdpHeader::read,
          TcpHeader::read,
          VxlanHeader::read,
          GeneveHeader::read);

  private static final List<String> FRAMES =
      List.of(
          GoldenFrames.VXLAN_ICMP_ECHO,
          GoldenFrames.GENEVE_OPTION_ICMP_ECHO,
          GoldenFrames.VLAN_ICMP_ECHO,
          GoldenFrames.TCP_SYN_LOOPBACK);

  @Property(tries = 300, seed = "18")
  void everyDecoderHandlesRandomBytes(@ForAll @Size(max = 80) byte[] bytes) {
    for (HeaderReader<?> decoder : DECODERS) {
      decodeOrMalformed(() -> decoder.read(ByteBuffer.wrap(bytes)));
    }
    decodeOrMalformed(() -> FrameDissector.dissect(bytes));
  }

  @Property(tries = 300, seed = "18")
  void dissectorHandlesMutatedCapturedFrames(
      @ForAll("frames") byte[] frame,
      @ForAll @IntRange(min = 0, max = 159) int index,
      @ForAll byte value) {
    byte[] mutated = frame.clone();
    mutated[index % mutated.length] = value;

    decodeOrMalformed(() -> FrameDissector.dissect(mutated));
  }

  @Property(tries = 300, seed = "18")
  void truncatedCapturedFramesAreMalformed(
      @ForAll("frames") byte[] frame, @ForAll @IntRange(min = 0, max = 159) int cut) {
    byte[] truncated = Arrays.copyOf(frame, cut % frame.length);

    assertThatThrownBy(() -> FrameDissector.dissect(truncated))
        .isInstanceOf(MalformedPacketException.class);
  }

  @Property(tries = 200, seed = "18")
  void ipv4HeadersRoundTrip(
      @ForAll @IntRange(min = 0, max = 63) int dscp,
      @ForAll @IntRange(min = 0, max = 0xffff) int identification,
      @ForAll boolean dontFragment,
      @ForAll boolean moreFragments,
      @ForAll @IntRange(min = 0, max = 0x1fff) int fragmentOffset,
      @ForAll @IntRange(min = 0, max = 255) int ttl,
      @ForAll int source,
      @ForAll @IntRange(min = 0, max = 10) int optionWords) {
    Ipv4Header header =
        new Ipv4Header(
                dscp,
                dscp & 3,
                60 + 40,
                identification,
                dontFragment,
                moreFragments,
                fragmentOffset,
                ttl,
                IpProtocol.UDP,
                0,
                new Ipv4(source),
                new Ipv4(~source),
                Octets.zeros(optionWords * 4))
            .withComputedChecksum();

    assertThat(RoundTrip.check(header, Ipv4Header::read).hasValidChecksum()).isTrue();
  }

  @Property(tries = 200, seed = "18")
  void tcpHeadersRoundTrip(
      @ForAll @IntRange(min = 0, max = 0xffff) int port,
      @ForAll @IntRange(min = 0, max = 0xff) int flags,
      @ForAll @IntRange(min = 536, max = 9000) int mss,
      @ForAll @IntRange(min = 0, max = 14) int scale,
      @ForAll long timestamp) {
    TcpHeader header =
        new TcpHeader(
            port,
            443,
            timestamp & 0xffff_ffffL,
            (timestamp >>> 32),
            flags,
            port,
            0,
            0,
            TcpHeader.linuxSynOptions(mss, timestamp & 0xffff_ffffL, scale));

    RoundTrip.check(header, TcpHeader::read);
  }

  @Property(tries = 200, seed = "18")
  void tunnelHeadersRoundTrip(
      @ForAll @IntRange(min = 0, max = 0xffffff) int vni,
      @ForAll @IntRange(min = 0, max = 31) int dataWords,
      @ForAll @IntRange(min = 0, max = 0xffff) int optionClass) {
    RoundTrip.check(new VxlanHeader(vni), VxlanHeader::read);
    RoundTrip.check(
        GeneveHeader.ethernet(
            vni, List.of(new GeneveOption(optionClass, vni & 0xff, Octets.zeros(dataWords * 4)))),
        GeneveHeader::read);
  }

  @Provide
  Arbitrary<byte[]> frames() {
    return Arbitraries.of(FRAMES).map(GoldenFrames::bytes);
  }

  private static void decodeOrMalformed(Runnable decode) {
    try {
      decode.run();
    } catch (MalformedPacketException expected) {
      assertThat(expected.getMessage())
          .startsWith("malformed ")
          .contains(" at offset ")
          .doesNotContain("null");
    }
  }
}
