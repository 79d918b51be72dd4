package org.overlaysim.report.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.overlay.packet.HexDump;
import org.overlaysim.overlay.packet.Packet;

class PcapCaptureSetTest {
  private static Packet frame(int payload) {
    return Packet.ofBytes(HexDump.parse("ffffffffffff 020000000001 0800"), payload);
  }

  @Test
  void filesAreNamedAfterTheirCapturePoint() {
    assertThat(PcapCaptureSet.fileNameFor("underlay:site-a/r1--site-b/r1"))
        .isEqualTo("underlay-site-a-r1--site-b-r1.pcap");
    assertThat(PcapCaptureSet.fileNameFor("web-0.eth0")).isEqualTo("web-0.eth0.pcap");
  }

  @Test
  void eachCapturePointGetsItsOwnFileInNameOrder(@TempDir Path directory) throws IOException {
    try (PcapCaptureSet captures = new PcapCaptureSet(directory.resolve("out"))) {
      captures.capture("link-b", 1, frame(10));
      captures.capture("link-a", 2, frame(20));
      captures.capture("link-b", 3, frame(30));

      assertThat(captures.files())
          .containsExactly(
              directory.resolve("out/link-a.pcap"), directory.resolve("out/link-b.pcap"));
    }

    try (InputStream in = Files.newInputStream(directory.resolve("out/link-b.pcap"))) {
      PcapReader reader = new PcapReader(in);
      assertThat(reader.next().timestampNs()).isEqualTo(1);
      assertThat(reader.next().originalLength()).isEqualTo(44);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void twoPointsThatWouldShareAFileAreRefused(@TempDir Path directory) throws IOException {
    try (PcapCaptureSet captures = new PcapCaptureSet(directory)) {
      captures.capture("a/b", 0, frame(0));

      assertThatThrownBy(() -> captures.capture("a:b", 0, frame(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("would share a-b.pcap");
    }
  }
}
