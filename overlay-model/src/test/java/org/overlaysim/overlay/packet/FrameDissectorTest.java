package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class FrameDissectorTest {
  @Test
  void capturedVxlanFrameDissectsThroughTheTunnel() {
    List<Header> headers = FrameDissector.dissect(GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO));

    assertThat(headers)
        .extracting(h -> h.getClass().getSimpleName())
        .containsExactly(
            "EthernetHeader",
            "Ipv4Header",
            "UdpHeader",
            "VxlanHeader",
            "EthernetHeader",
            "Ipv4Header",
            "IcmpMessage");
    IcmpMessage echo = (IcmpMessage) headers.get(6);
    assertThat(echo.identifier()).isEqualTo(1292);
    assertThat(((Ipv4Header) headers.get(5)).source()).isEqualTo(Ipv4.parse("192.168.203.3"));
  }

  @Test
  void capturedGeneveFrameDissectsThroughTheTunnel() {
    List<Header> headers =
        FrameDissector.dissect(GoldenFrames.bytes(GoldenFrames.GENEVE_OPTION_ICMP_ECHO));

    assertThat(headers).hasSize(7);
    assertThat(((GeneveHeader) headers.get(3)).vni()).isEqualTo(10);
    assertThat(((IcmpMessage) headers.get(6)).sequenceNumber()).isEqualTo(23);
  }

  @Test
  void capturedGeneveFrameHasValidInnerChecksums() {
    byte[] frame = GoldenFrames.bytes(GoldenFrames.GENEVE_OPTION_ICMP_ECHO);
    int innerIp = 14 + 20 + 8 + 16 + 14;

    assertThat(Checksums.ipv4HeaderValid(frame, 14)).isTrue();
    assertThat(Checksums.ipv4HeaderValid(frame, innerIp)).isTrue();
    assertThat(Checksums.icmpValid(frame, innerIp)).isTrue();
  }

  @Test
  void capturedFrameReencodesByteForByteFromItsHeaders() {
    byte[] frame = GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO);
    List<Header> headers = FrameDissector.dissect(frame);
    int headerBytes = headers.stream().mapToInt(Header::encodedLength).sum();

    ByteBuffer rebuilt = ByteBuffer.allocate(frame.length);
    headers.forEach(h -> h.write(rebuilt));
    rebuilt.put(frame, headerBytes, frame.length - headerBytes);

    assertThat(rebuilt.array()).isEqualTo(frame);
  }

  @Test
  void frameCutInsideTheInnerHeadersIsMalformed() {
    byte[] frame = Arrays.copyOf(GoldenFrames.bytes(GoldenFrames.VXLAN_ICMP_ECHO), 60);

    assertThatThrownBy(() -> FrameDissector.dissect(frame))
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void ethernetPaddingAfterTheIpDatagramIsIgnored() {
    byte[] frame = Arrays.copyOf(GoldenFrames.bytes(GoldenFrames.TCP_SYN_LOOPBACK), 80);

    assertThat(FrameDissector.dissect(frame)).hasSize(3);
  }
}
