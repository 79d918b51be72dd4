package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overlaysim.report.pcap.Tshark;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * Encrypted overlays on the wire, read by Wireshark's own WireGuard and ESP dissectors
 * (overlay-reference.md, "Encrypted overlays"): transport-data messages with a receiver index and a
 * counter from 0 per peer, ESP with an SPI and a sequence number from 1, no malformed frame.
 */
class EncryptedCaptureTsharkTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "encrypted-captures.yaml");
  static Path link;

  @BeforeAll
  static void simulate() throws Exception {
    Tshark.requireInstalled();
    Path dir = Path.of("target", "encrypted-captures");
    var run = ScenarioLoader.load(SCENARIO).runs().get(0);
    ScenarioRunner.run(run, dir);
    link = dir.resolve("link-r-mad--r-fra.pcap");
  }

  /** Per direction (outer source and destination), the values of {@code column} in order. */
  private static Map<String, List<String>> byDirection(List<String[]> rows, int column) {
    Map<String, List<String>> values = new TreeMap<>();
    for (String[] row : rows) {
      values.computeIfAbsent(row[0] + ">" + row[1], k -> new ArrayList<>()).add(row[column]);
    }
    return values;
  }

  /** Packets of one protocol each way: 5 + 3 + 2 + 2 echoes (or replies) of four overlays. */
  private static final int EACH_WAY = 5 + 3 + 2 + 2;

  /** Column {@code column} counts the packets of each direction between the hosts from first. */
  private static void countsEachWayFrom(List<String[]> rows, int column, int first) {
    List<String> expected =
        IntStream.range(first, first + EACH_WAY).mapToObj(Integer::toString).toList();
    assertThat(byDirection(rows, column))
        .containsOnlyKeys("10.1.0.11>10.2.0.11", "10.2.0.11>10.1.0.11")
        .allSatisfy((direction, counts) -> assertThat(counts).isEqualTo(expected));
  }

  @Test
  void wireguardTransportDataOnPort51820WithACounterPerPeer() throws Exception {
    List<String[]> wg =
        Tshark.fields(
                link, "ip.src", "ip.dst", "wg.type", "wg.receiver", "wg.counter", "udp.dstport")
            .stream()
            .filter(row -> !row[2].isEmpty())
            .toList();
    // calico: 3 small and 2 large echoes each way; cilium: 3; wg-geneve and wg-ipip: 2 each; all
    // through WireGuard between the two hosts (one peer each way).
    assertThat(wg).hasSize(2 * EACH_WAY);
    assertThat(wg).allSatisfy(row -> assertThat(row[2]).isEqualTo("4")); // transport data
    assertThat(wg).allSatisfy(row -> assertThat(row[5]).isEqualTo("51820"));
    countsEachWayFrom(wg, 4, 0);
    assertThat(byDirection(wg, 3))
        .allSatisfy((direction, receivers) -> assertThat(receivers).containsOnly(receivers.get(0)));
    assertThat(byDirection(wg, 3).get("10.1.0.11>10.2.0.11"))
        .doesNotContain(byDirection(wg, 3).get("10.2.0.11>10.1.0.11").get(0));
  }

  @Test
  void wireguardMessagesArePaddedTo16AndAFullSizeOneFillsTheLink() throws Exception {
    List<String[]> lengths =
        Tshark.fields(link, "wg.type", "udp.length", "ip.len").stream()
            .filter(row -> !row[0].isEmpty())
            .toList();
    // UDP length = 8 + 16 (header) + padded packet + 16 (tag): the padded packet is a multiple
    // of 16, so is the UDP length less 8.
    assertThat(lengths).allSatisfy(row -> assertThat((Integer.parseInt(row[1]) - 8) % 16).isZero());
    // calico-big: 1412 + 8 + 20 = 1440 inside, + 60 = 1500 on the wire.
    assertThat(lengths).anySatisfy(row -> assertThat(row[2]).isEqualTo("1500"));
  }

  @Test
  void espCarriesAnSpiAndSequenceNumbersFromOnePerSecurityAssociation() throws Exception {
    List<String[]> esp =
        Tshark.fields(link, "ip.src", "ip.dst", "esp.spi", "esp.sequence", "ip.proto").stream()
            .filter(row -> !row[2].isEmpty())
            .toList();
    // docker: 3 + 2 echoes each way; esp: 3; esp-geneve and esp-ipip: 2 each; one SA per
    // direction between the hosts.
    assertThat(esp).hasSize(2 * EACH_WAY);
    assertThat(esp).allSatisfy(row -> assertThat(row[4]).isEqualTo("50"));
    countsEachWayFrom(esp, 3, 1);
    assertThat(byDirection(esp, 2))
        .allSatisfy(
            (direction, spis) -> {
              assertThat(spis).containsOnly(spis.get(0));
              assertThat(Long.decode(spis.get(0))).isGreaterThan(255); // RFC 4303 2.1
            });
  }

  @Test
  void dockersFullSizeEspPacketFillsTheLinkExactly() throws Exception {
    List<String[]> esp =
        Tshark.fields(link, "esp.spi", "ip.len").stream().filter(row -> !row[0].isEmpty()).toList();
    // docker-big: 1396 + 28 = 1424 inside VXLAN (1474), + 26 of ESP = 1500.
    assertThat(esp).anySatisfy(row -> assertThat(row[1]).isEqualTo("1500"));
  }

  @Test
  void everyIpAndUdpChecksumIsGood() throws Exception {
    for (String[] row : Tshark.fields(link, "ip.checksum.status", "udp.checksum.status")) {
      assertThat(row[0]).isEqualTo(Tshark.GOOD);
      assertThat(row[1]).isIn("", Tshark.GOOD);
    }
  }

  @Test
  void noMalformedFrameAndNoErrorLevelExpertInfo() throws Exception {
    assertThat(Tshark.expertErrors(link))
        .doesNotContainIgnoringCase("malformed")
        .doesNotContain("Errors (");
  }
}
