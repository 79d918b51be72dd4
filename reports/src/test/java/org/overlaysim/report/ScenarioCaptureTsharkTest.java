package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overlaysim.report.pcap.Tshark;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * The captures of a simulated two-site scenario, read by Wireshark's dissectors: the frames a user
 * opens must decode as the overlays they describe. By hand: {@code overlaysim run
 * reports/src/test/resources/two-site-captures.yaml --out out/} then {@code tshark -r
 * out/runs/two-site-captures-p0-r0/link-r-mad--r-fra.pcap -V}.
 */
class ScenarioCaptureTsharkTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "two-site-captures.yaml");
  static Path link;
  static Path container;

  @BeforeAll
  static void simulate() throws Exception {
    Tshark.requireInstalled();
    Path dir = Path.of("target", "scenario-captures");
    var run = ScenarioLoader.load(SCENARIO).runs().get(0);
    ScenarioRunner.run(run, dir);
    link = dir.resolve("link-r-mad--r-fra.pcap");
    container = dir.resolve("container-b2.pcap");
  }

  @Test
  void vxlanFramesCarryVni4096OnPort4789BetweenTheHostsWithEchoesInside() throws Exception {
    List<String[]> vxlan =
        Tshark.fields(link, "vxlan.vni", "udp.dstport", "ip.src", "ip.dst", "icmp.type").stream()
            .filter(row -> !row[0].isEmpty())
            .toList();

    assertThat(vxlan).isNotEmpty();
    assertThat(vxlan).allSatisfy(row -> assertThat(row[0]).isEqualTo("4096"));
    assertThat(vxlan).allSatisfy(row -> assertThat(row[1]).isEqualTo("4789"));
    // Outer addresses (the VTEPs), then the inner ones (the containers).
    assertThat(vxlan)
        .anySatisfy(
            row -> {
              assertThat(row[2]).isEqualTo("10.1.0.11 172.20.0.10");
              assertThat(row[3]).isEqualTo("10.2.0.11 172.20.0.20");
              assertThat(row[4]).isEqualTo("8");
            });
    assertThat(vxlan)
        .anySatisfy(
            row -> {
              assertThat(row[2]).isEqualTo("10.2.0.11 172.20.0.20");
              assertThat(row[4]).isEqualTo("0");
            });
  }

  @Test
  void geneveFramesCarryVni10OnPort6081WithEchoesInside() throws Exception {
    List<String[]> geneve =
        Tshark.fields(link, "geneve.vni", "udp.dstport", "ip.src", "ip.dst", "icmp.type").stream()
            .filter(row -> !row[0].isEmpty())
            .toList();

    assertThat(geneve).isNotEmpty();
    // tshark 4.0 prints the Geneve VNI in hex.
    assertThat(geneve).allSatisfy(row -> assertThat(Integer.decode(row[0])).isEqualTo(10));
    assertThat(geneve).allSatisfy(row -> assertThat(row[1]).isEqualTo("6081"));
    assertThat(geneve)
        .anySatisfy(
            row -> {
              assertThat(row[2]).isEqualTo("10.1.0.11 172.30.0.10");
              assertThat(row[3]).isEqualTo("10.2.0.11 172.30.0.20");
              assertThat(row[4]).isEqualTo("8");
            });
  }

  @Test
  void arpCrossesTheVxlanTunnelUnderFloodAndLearn() throws Exception {
    List<String[]> arp =
        Tshark.fields(link, "vxlan.vni", "arp.opcode", "arp.dst.proto_ipv4").stream()
            .filter(row -> !row[1].isEmpty())
            .toList();

    assertThat(arp).as("ARP inside VXLAN").isNotEmpty();
    assertThat(arp).allSatisfy(row -> assertThat(row[0]).isEqualTo("4096"));
    assertThat(arp).anySatisfy(row -> assertThat(row[1]).isEqualTo("1")); // request
    assertThat(arp).anySatisfy(row -> assertThat(row[1]).isEqualTo("2")); // reply
  }

  @Test
  void everyIpAndUdpChecksumIsGood() throws Exception {
    List<String[]> rows = Tshark.fields(link, "ip.checksum.status", "udp.checksum.status");

    assertThat(rows).isNotEmpty();
    for (String[] row : rows) {
      for (String cell : row) {
        for (String status : cell.split(" ")) {
          assertThat(status)
              .as("checksum status of %s", String.join("|", row))
              .isIn("", Tshark.GOOD);
        }
      }
      assertThat(row[0]).contains(Tshark.GOOD);
    }
  }

  @Test
  void noMalformedFrameAndNoErrorLevelExpertInfoInEitherCapture() throws Exception {
    for (Path capture : List.of(link, container)) {
      assertThat(Tshark.expertErrors(capture))
          .as(capture.toString())
          .doesNotContainIgnoringCase("malformed")
          .doesNotContain("Errors (");
    }
  }

  @Test
  void containerCaptureHoldsInnerFramesWithoutTunnelHeaders() throws Exception {
    assertThat(Files.size(container)).isPositive();
    List<String[]> rows = Tshark.fields(container, "vxlan.vni", "ip.src", "ip.dst", "icmp.type");

    assertThat(rows).allSatisfy(row -> assertThat(row[0]).isEmpty());
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row[1]).isEqualTo("172.20.0.10");
              assertThat(row[2]).isEqualTo("172.20.0.20");
              assertThat(row[3]).isEqualTo("8");
            });
  }
}
