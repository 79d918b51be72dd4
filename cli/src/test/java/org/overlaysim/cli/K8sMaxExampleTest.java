package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code overlaysim run} on k8s-max, the Kubernetes-maximum example (5,000 hosts, 150,000
 * containers): run once for the whole class (about 10 s and 1.3 GiB of heap), then what a user
 * relies on in its output. {@link RunCommandTest}'s loop over the examples leaves it to this class.
 */
class K8sMaxExampleTest {
  static final Path EXAMPLE = RunCommandTest.EXAMPLES.resolve("k8s-max.yaml");
  static final String SITES = "frankfurt|madrid|oregon|tokyo|virginia";

  @TempDir static Path dir;
  static Path reports;
  static int status;
  static String out;
  static String err;

  @BeforeAll
  static void runOnce() {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    reports = dir.resolve("out");
    status =
        Main.execute(
            new PrintWriter(o, true),
            new PrintWriter(e, true),
            "run",
            EXAMPLE.toString(),
            "--out",
            reports.toString(),
            "--profile",
            "--fingerprint");
    out = o.toString();
    err = e.toString();
  }

  @Test
  void behavesAsPinned() throws IOException {
    assertThat(status).as(err).isZero();
    ExampleFingerprints.check("k8s-max", out, reports);
  }

  @Test
  void runsItsSimulatedSecondAndPrintsTheSummaryLine() {
    assertThat(status).as(err).isZero();
    assertThat(out)
        .containsPattern(
            "k8s-max-p0-r0: [0-9,]+ packets sent, [0-9,]+ delivered, [0-9,]+ dropped;"
                + " [0-9,]+ events in 1\\.000 s simulated")
        .contains("Reports written to");
  }

  @Test
  void profileSaysWhereTheTimeWentAndThePeakHeap() {
    assertThat(out)
        .containsPattern("loading and validating [0-9.]+ s")
        .containsPattern("k8s-max-p0-r0: build [0-9.]+ s, run [0-9.]+ s; [0-9,]+ events/s")
        .containsPattern("statistics and report files [0-9.]+ s")
        .containsPattern("peak heap [0-9.]+ MiB");
  }

  @Test
  void writesEveryContractReport() {
    for (String file :
        List.of(
            "summary.csv",
            "latency.csv",
            "throughput.csv",
            "drops.csv",
            "reachability.csv",
            "links.csv",
            "overlays.csv")) {
      assertThat(reports.resolve(file)).exists();
    }
  }

  /**
   * 100,000 requests are sent in the second; those sent in its last round trip (up to about 0.3 s
   * between continents) cannot complete, the others give one latency sample each.
   */
  @Test
  void requestResponseCompletesMostRequestsFromAndToEverySite() throws IOException {
    Map<String, String> row = only(csv("latency.csv"), "flow", "web-api");
    assertThat(row.get("kind")).isEqualTo("request-response");
    assertThat(Long.parseLong(row.get("samples"))).isBetween(50_000L, 100_000L);
    assertThat(row.get("src_site")).isEqualTo(SITES);
    assertThat(row.get("dst_site")).isEqualTo(SITES);
    Map<String, String> throughput = only(csv("throughput.csv"), "flow", "web-api");
    assertThat(Long.parseLong(throughput.get("payload_bytes"))).isPositive();
  }

  @Test
  void probeWritesOneRowPerSampledPair() throws IOException {
    List<Map<String, String>> rows = csv("reachability.csv");
    assertThat(rows).hasSize(1_000);
    assertThat(rows).extracting(r -> r.get("result")).containsOnly("allowed", "denied");
    assertThat(rows).extracting(r -> r.get("reason")).contains("vni-mismatch", "policy-deny");
    // Every sampled destination listens on the probed port: an answer or a drop decides each
    // pair, never silence (a container index past 32,767 once lost its listener).
    assertThat(rows).extracting(r -> r.get("reason")).doesNotContain("timeout");
  }

  @Test
  void linksCsvHasTheAccessLinkOfEachOfTheFiveThousandHosts() throws IOException {
    List<Map<String, String>> rows = csv("links.csv");
    TreeSet<String> links = new TreeSet<>();
    rows.forEach(r -> links.add(r.get("link")));
    // Ten links join the five site routers (r-*) in a full mesh; every other link is a host's.
    assertThat(links.stream().filter(l -> !l.startsWith("r-"))).hasSize(5_000);
    assertThat(links).hasSize(5_010);
    assertThat(rows).hasSize(2 * 5_010);
  }

  /**
   * A static control plane installs at each VTEP an entry for every container of the overlay on
   * another host: 15,000 containers per overlay, each known at 4,999 of the 5,000 VTEPs.
   */
  @Test
  void overlaysCsvCountsEveryContainerAtEveryOtherVtep() throws IOException {
    List<Map<String, String>> rows = csv("overlays.csv");
    assertThat(rows).hasSize(10);
    for (Map<String, String> r : rows) {
      assertThat(r.get("control_plane")).isEqualTo("static");
      assertThat(r.get("bum_frames")).isEqualTo("0");
      assertThat(Long.parseLong(r.get("fdb_entries"))).isEqualTo(15_000L * 4_999);
    }
  }

  /** The rows of a report, each as column name to value (no quoted commas in these files). */
  static List<Map<String, String>> csv(String file) throws IOException {
    List<String> lines = Files.readAllLines(reports.resolve(file));
    String[] header = lines.get(0).split(",", -1);
    return lines.stream()
        .skip(1)
        .map(
            line -> {
              String[] cells = line.split(",", -1);
              Map<String, String> row = new LinkedHashMap<>();
              for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
              }
              return row;
            })
        .toList();
  }

  static Map<String, String> only(List<Map<String, String>> rows, String column, String value) {
    List<Map<String, String>> matching =
        rows.stream().filter(r -> value.equals(r.get(column))).toList();
    assertThat(matching).as(column + " = " + value).hasSize(1);
    return matching.get(0);
  }
}
