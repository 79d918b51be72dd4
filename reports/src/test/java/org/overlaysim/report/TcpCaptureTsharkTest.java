package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overlaysim.report.pcap.Tshark;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * A lossy bulk transfer (tcp-sack-capture.yaml) read by Wireshark's TCP dissector: the SACK blocks
 * the receiver sends are on the wire, where tshark finds them, and its analysis finds nothing
 * malformed. By hand: {@code overlaysim run reports/src/test/resources/tcp-sack-capture.yaml --out
 * out/} then {@code tshark -r out/runs/tcp-sack-capture-p0-r0/container-b.pcap -Y
 * tcp.options.sack_le}.
 */
class TcpCaptureTsharkTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "tcp-sack-capture.yaml");
  static Path receiver;
  static Path sender;

  @BeforeAll
  static void simulate() throws Exception {
    Tshark.requireInstalled();
    Path dir = Path.of("target", "tcp-sack-capture");
    var run = ScenarioLoader.load(SCENARIO).runs().get(0);
    ScenarioRunner.run(run, dir);
    receiver = dir.resolve("container-b.pcap");
    sender = dir.resolve("container-a.pcap");
  }

  /**
   * At the receiver, tshark marks the first segment after a hole "previous segment not captured"
   * (tcp.analysis.lost_segment); from that frame on its ACKs carry SACK blocks, none before: SACK
   * is only for data out of order (RFC 2018 section 4). Relative sequence numbers are off (-o
   * tcp.relative_sequence_numbers:FALSE is not needed: the model's ISN is 0).
   */
  @Test
  void sackBlocksAppearAfterTheFirstLossAndNotBefore() throws Exception {
    List<String[]> frames =
        Tshark.fields(
            receiver,
            "frame.number",
            "tcp.analysis.lost_segment",
            "tcp.options.sack_le",
            "tcp.options.sack_re",
            "tcp.hdr_len",
            "tcp.options.sack.count");
    int firstLoss = -1;
    int firstSack = -1;
    for (String[] row : frames) {
      int frame = Integer.parseInt(row[0]);
      if (firstLoss < 0 && !row[1].isEmpty()) {
        firstLoss = frame;
      }
      if (firstSack < 0 && !row[2].isEmpty()) {
        firstSack = frame;
      }
    }
    assertThat(firstLoss).as("a loss seen at the receiver").isPositive();
    assertThat(firstSack).as("a SACK block").isGreaterThan(firstLoss);
    // Header length: 20 + 12 (NOP NOP timestamps) + 2 NOPs, kind, length and 8 bytes a block.
    assertThat(frames)
        .filteredOn(row -> !row[2].isEmpty())
        .allSatisfy(
            row -> {
              int blocks = row[2].split(" ").length;
              assertThat(blocks).isBetween(1, 3);
              assertThat(Integer.parseInt(row[4])).isEqualTo(32 + 4 + 8 * blocks);
            });
  }

  @Test
  void tsharksExpertInfoFindsNoMalformedOrErroneousSegment() throws Exception {
    for (Path capture : List.of(receiver, sender)) {
      String expert = Tshark.expertErrors(capture);
      assertThat(expert).doesNotContainIgnoringCase("malformed");
      assertThat(expert).doesNotContain("Error");
    }
    // Every TCP checksum verifies (status 1 = Good) with the SACK option in the header.
    assertThat(Tshark.fields(receiver, "tcp.checksum.status"))
        .allSatisfy(row -> assertThat(row[0]).isEqualTo(Tshark.GOOD));
  }

  /** The sender's capture shows its retransmissions, as tshark's analysis recognises them. */
  @Test
  void theSenderRetransmitsWhatWasLost() throws Exception {
    List<String[]> retransmissions =
        Tshark.fields(sender, "frame.number", "tcp.analysis.retransmission").stream()
            .filter(row -> !row[1].isEmpty())
            .toList();
    assertThat(retransmissions).isNotEmpty();
  }
}
