package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overhead ratio of a 1400-byte UDP flow for every encryption x encapsulation pair equals the
 * header arithmetic of the real systems, derived here from the RFCs and the kernel's layouts.
 */
class EncryptedOverheadTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "encrypted-overhead-sweep.yaml");

  /** Ethernet on the wire: header 14, FCS 4, preamble 8, gap 12. */
  private static final int ETHERNET = 14 + 4 + 8 + 12;

  private static int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }

  /** The IPv4 bytes on the underlay for one datagram (no pair fragments on 9000 bytes). */
  static int wireIpBytes(String encapsulation, String encryption) {
    int inner = 1400 + 8 + 20; // UDP, IPv4
    // RFC 7348 / RFC 8926: outer IPv4 20 + UDP 8 + VXLAN or Geneve 8 + the inner Ethernet 14;
    // RFC 2003: one IPv4 header.
    int tunnelled =
        switch (encapsulation) {
          case "vxlan", "geneve" -> inner + 20 + 8 + 8 + 14;
          case "ipip" -> inner + 20;
          default -> inner;
        };
    return switch (encryption) {
      // WireGuard (messages.h, send.c): IPv4 20 + UDP 8 + type 4 + receiver 4 + counter 8, the
      // packet padded to 16 bytes (far below the 8940-byte device MTU here), Poly1305 tag 16.
      case "wireguard" -> 20 + 8 + 4 + 4 + 8 + roundUp(tunnelled, 16) + 16;
      // ESP (RFC 4303, RFC 4106): SPI 4 + sequence 4 + IV 8, payload + pad length 1 + next
      // header 1 padded to 4 bytes, ICV. Transport mode over a tunnel keeps its IPv4 header and
      // protects the rest with Docker's 8-byte ICV; tunnel mode adds IPv4 and a 16-byte ICV.
      case "ipsec" ->
          encapsulation.equals("none")
              ? 20 + 4 + 4 + 8 + roundUp(tunnelled + 2, 4) + 16
              : 20 + 4 + 4 + 8 + roundUp(tunnelled - 20 + 2, 4) + 8;
      default -> tunnelled;
    };
  }

  @Test
  void everyPairCostsItsHeaderArithmetic(@TempDir Path dir) throws Exception {
    OverheadSweepTest.run(SCENARIO, dir);

    List<String> throughput = Files.readAllLines(dir.resolve("throughput.csv"));
    assertThat(throughput.get(0))
        .startsWith("run,overlays.net.encryption,overlays.net.encapsulation,replication,flow,");
    assertThat(throughput).hasSize(1 + 12);
    Map<String, Double> ratios = new HashMap<>();
    for (String line : throughput.subList(1, throughput.size())) {
      String[] cells = line.split(","); // run, encryption, encapsulation, replication, flow, ...
      double expected = (wireIpBytes(cells[2], cells[1]) + ETHERNET) / 1400.0;
      assertThat(Double.parseDouble(cells[7]))
          .as("overhead ratio of %s over %s", cells[1], cells[2])
          .isCloseTo(expected, within(1e-6));
      assertThat(Long.parseLong(cells[5])).as("payload delivered").isPositive();
      ratios.put(cells[1] + "/" + cells[2], expected);
    }
    assertThat(ratios).hasSize(12);
  }
}
