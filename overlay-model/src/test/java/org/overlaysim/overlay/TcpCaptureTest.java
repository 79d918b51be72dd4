package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.TcpTrafficTest.Bench;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.TcpHeader;
import org.overlaysim.overlay.packet.TcpOption;

/** TCP segments captured on a container's interface are real headers with valid checksums. */
class TcpCaptureTest {
  @Test
  void capturedSegmentsDecodeWithLinuxOptionsAndValidChecksums() {
    Bench b =
        new Bench(
            "tcp-lan.yaml", "traffic[0].bytes=20000", "duration=50ms", "traffic[0].stop=50ms");
    List<byte[]> frames = new ArrayList<>();
    b.network.tapContainer("a", (now, frame) -> frames.add(frame));
    b.run();
    List<TcpHeader> headers = new ArrayList<>();
    for (byte[] frame : frames) {
      ByteBuffer buffer = ByteBuffer.wrap(frame, 14, frame.length - 14);
      Ipv4Header ip = Ipv4Header.read(buffer);
      TcpHeader tcp = TcpHeader.read(buffer);
      int payload = ip.totalLength() - ip.headerLength() - tcp.headerLength();
      assertThat(tcp.withChecksum(0).computeChecksum(ip.source(), ip.destination(), payload, 0))
          .isEqualTo(tcp.checksum());
      headers.add(tcp);
    }
    TcpHeader syn = headers.get(0);
    assertThat(syn.flags()).isEqualTo(TcpHeader.SYN);
    assertThat(syn.option(TcpOption.KIND_MAXIMUM_SEGMENT_SIZE)).isNotNull();
    assertThat(syn.option(TcpOption.KIND_SACK_PERMITTED)).isNotNull();
    assertThat(syn.option(TcpOption.KIND_WINDOW_SCALE)).isNotNull();
    assertThat(headers.get(1).flags()).isEqualTo(TcpHeader.SYN | TcpHeader.ACK);
    assertThat(headers.subList(2, headers.size()))
        .allMatch(h -> h.option(TcpOption.KIND_TIMESTAMPS) != null && h.headerLength() == 32);
    assertThat(headers).filteredOn(h -> h.hasFlags(TcpHeader.FIN)).hasSize(2);
  }
}
