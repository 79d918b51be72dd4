package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users see the link delays: links.csv's delay_ms and delay_source, {@code validate --explain}; and
 * the three-sites example's transatlantic RTTs against measurements that are in no file of the
 * project.
 */
class GeoDelayReportTest {
  static final Path THREE_SITES = Path.of("..", "scenarios", "examples", "three-sites.yaml");

  /**
   * Azure's P95 RTTs of July 2026 ("Azure network round-trip latency statistics",
   * https://learn.microsoft.com/azure/networking/azure-network-latency , CC BY 4.0; read in the
   * copy articles/networking/azure-network-latency.md of github.com/mbender-ms/azure-docs at commit
   * 5b3e2055eddead4c24aac48156dad9f006268126, tab "East US", column East US): from Spain Central
   * (Madrid) 84 ms, from Germany West Central (Frankfurt) 97 ms. Not part of the calibration data.
   */
  static final double AZURE_MADRID_VIRGINIA_MS = 84;

  static final double AZURE_FRANKFURT_VIRGINIA_MS = 97;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int overlaysim(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void threeSitesTransatlanticPingsAreWithin15PercentOfMeasuredRtts(@TempDir Path dir)
      throws IOException {
    assertThat(overlaysim("run", THREE_SITES.toString(), "--out", dir.toString()))
        .as(err.toString())
        .isZero();
    Map<String, Double> p50 = new LinkedHashMap<>();
    for (Map<String, String> row : csv(dir.resolve("latency.csv"))) {
      p50.put(row.get("flow"), Double.parseDouble(row.get("p50_ms")));
    }
    assertThat(p50.get("mad-vir"))
        .isBetween(AZURE_MADRID_VIRGINIA_MS * 0.85, AZURE_MADRID_VIRGINIA_MS * 1.15);
    assertThat(p50.get("fra-vir"))
        .isBetween(AZURE_FRANKFURT_VIRGINIA_MS * 0.85, AZURE_FRANKFURT_VIRGINIA_MS * 1.15);
  }

  @Test
  void everyLinkRowHasItsDelayAndItsSource(@TempDir Path dir) throws IOException {
    assertThat(overlaysim("run", THREE_SITES.toString(), "--out", dir.toString())).isZero();
    List<Map<String, String>> rows = csv(dir.resolve("links.csv"));
    assertThat(rows).hasSize(2 * (3 + 6)); // 3 router links and 6 access links, both directions
    for (Map<String, String> row : rows) {
      assertThat(Double.parseDouble(row.get("delay_ms"))).as(row.toString()).isPositive();
      assertThat(row.get("delay_source")).isIn("explicit", "model", "measured");
    }
    assertThat(rows)
        .filteredOn(r -> r.get("link").equals("r-fra--r-vir"))
        .extracting(r -> r.get("delay_ms") + " " + r.get("delay_source"))
        .containsOnly("46.305621 model");
  }

  @Test
  void validateExplainPrintsEachLinksDelayAndWhereItCameFrom(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("named.yaml");
    Files.writeString(
        file,
        """
        name: named
        seed: 1
        duration: 1s
        sites:
          - {name: fra, location: {city: Frankfurt}}
          - {name: vir, location: {region: aws/us-east-1}}
          - {name: mad, location: {lat: 40.4168, lon: -3.7038}}
        underlay:
          routers:
            - {name: r-fra, site: fra}
            - {name: r-vir, site: vir}
            - {name: r-mad, site: mad}
          links:
            - {a: r-fra, b: r-vir}
            - {a: r-mad, b: r-fra, delay: 20ms}
            - {a: r-mad, b: r-vir, routeFactor: 2}
        hosts:
          - {name: h1, router: r-fra, ip: 10.0.0.1}
        overlays:
          - {name: o, vni: 1, subnet: 172.20.0.0/24}
        containers:
          - {name: c1, host: h1, overlay: o}
        """);
    assertThat(overlaysim("validate", "--explain", file.toString())).as(err.toString()).isZero();
    assertThat(out.toString().lines().skip(1).toList())
        .containsExactly(
            // AWS eu-central-1 (Frankfurt) to us-east-1: 92.612 ms in measured-rtts.csv
            "  r-fra--r-vir (fra - vir): one-way 46.306 ms (RTT 92.612 ms), measured: half the RTT"
                + " of 92.612 ms measured between Frankfurt and aws/us-east-1",
            "  r-mad--r-fra (mad - fra): one-way 20.000 ms (RTT 40.000 ms), explicit: the link's"
                + " delay",
            // its own routeFactor: the plain formula, 2.84 ms + 6115 km x 2 / 204,000 km/s
            "  r-mad--r-vir (mad - vir): one-way 62.796 ms (RTT 125.592 ms), model: 2.84 ms + 6115"
                + " km x 2 / 204000 km/s (its own fiberSpeed or routeFactor: no measured route"
                + " followed)");
  }
}
