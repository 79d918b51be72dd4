package org.overlaysim.report.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wireshark's dissectors are the independent judge of our bytes. Run by hand with:
 *
 * <pre>
 * tshark -r overlay-sample.pcap -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE \
 *   -o tcp.check_checksum:TRUE -T fields -E separator=/t -E occurrence=a -E aggregator=/s \
 *   -e frame.number -e vxlan.vni -e geneve.vni -e udp.dstport -e ip.src -e ip.dst -e icmp.type \
 *   -e arp.opcode -e ip.checksum.status -e udp.checksum.status -e tcp.checksum.status
 * tshark -r overlay-sample.pcap -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE \
 *   -o tcp.check_checksum:TRUE -q -z expert,error
 * </pre>
 *
 * (checksum status 1 = Good). When tshark is missing the test is skipped, unless
 * OVERLAYSIM_REQUIRE_TOOLS=1 (CI), where it fails.
 */
class TsharkCaptureTest {
  private static final String GOOD = Tshark.GOOD;

  private static Path capture;
  private static int frames;

  @BeforeAll
  static void writeCapture() throws IOException, InterruptedException {
    Tshark.requireInstalled();
    Path directory = Path.of("target", "tshark");
    Files.createDirectories(directory);
    capture = directory.resolve("overlay-sample.pcap");
    try (OutputStream out = Files.newOutputStream(capture)) {
      frames = SampleCapture.write(out);
    }
  }

  private static String tshark(List<String> arguments) throws IOException, InterruptedException {
    return Tshark.run(capture, arguments);
  }

  private static List<String[]> fields(String... names) throws IOException, InterruptedException {
    return Tshark.fields(capture, names);
  }

  @Test
  void everyFrameIsRead() throws IOException, InterruptedException {
    assertThat(fields("frame.number")).hasSize(frames);
  }

  @Test
  void vxlanFramesShowVniPortAndOuterAndInnerAddresses() throws IOException, InterruptedException {
    List<String[]> rows =
        fields("vxlan.vni", "udp.dstport", "ip.src", "ip.dst", "icmp.type", "arp.opcode");

    assertThat(rows.get(0))
        .containsExactly("4096", "4789", "192.168.1.10 10.0.0.1", "192.168.2.10 10.0.0.2", "8", "");
    assertThat(rows.get(1))
        .containsExactly("4096", "4789", "192.168.1.10", "192.168.2.10", "", "1");
  }

  @Test
  void geneveFrameShowsVniPortAndEchoReplyInside() throws IOException, InterruptedException {
    List<String[]> rows = fields("geneve.vni", "udp.dstport", "ip.src", "ip.dst", "icmp.type");

    // tshark 4.0 prints the Geneve VNI in hex (0x00000a).
    assertThat(Integer.decode(rows.get(2)[0])).isEqualTo(SampleCapture.GENEVE_VNI);
    assertThat(rows.get(2)).endsWith("6081", "192.168.2.10 10.0.0.2", "192.168.1.10 10.0.0.1", "0");
  }

  @Test
  void ipUdpAndTcpChecksumsAreGood() throws IOException, InterruptedException {
    List<String[]> rows =
        fields("ip.checksum.status", "udp.checksum.status", "tcp.checksum.status");
    // The UDP header quoted in the ICMP error (frame 6) lacks its datagram: unverified (2).
    assertThat(rows.get(5)[1]).isEqualTo("2");
    rows.get(5)[1] = "";

    for (String[] row : rows) {
      for (String statuses : row) {
        for (String status : statuses.split(" ")) {
          assertThat(status).as("checksum status in %s", String.join("|", row)).isIn("", GOOD);
        }
      }
    }
    assertThat(rows.get(0)[1]).isEqualTo(GOOD);
    assertThat(rows.get(4)[2]).isEqualTo(GOOD);
  }

  @Test
  void fragmentedVxlanDatagramIsReassembledByWireshark() throws IOException, InterruptedException {
    List<String[]> rows = fields("ip.frag_offset", "ip.flags.mf", "vxlan.vni", "icmp.seq");

    String[] first = rows.get(frames - 2);
    String[] last = rows.get(frames - 1);
    assertThat(first[0]).isEqualTo("0");
    assertThat(first[1]).isEqualTo("1");
    // ip.frag_offset is shown in 8-byte units here: 172 × 8 = 1376 bytes.
    assertThat(last[0]).startsWith("172");
    assertThat(last[2]).isEqualTo("4096");
    assertThat(last[3]).isEqualTo("2");
  }

  @Test
  void noMalformedFramesAndNoErrorLevelExpertInfo() throws IOException, InterruptedException {
    String report = tshark(List.of("-q", "-z", "expert,error"));

    assertThat(report).doesNotContainIgnoringCase("malformed").doesNotContain("Errors (");
  }
}
