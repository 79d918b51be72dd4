package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.report.ReportRows.HostRow;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * Encryption costs CPU (overlay-reference.md, "Encrypted overlays"): on a 10 Gbit/s path, a host
 * whose cores encrypt less than the traffic offered is the bottleneck, at exactly its configured
 * rate; hosts.csv says how busy its cores were.
 */
class CryptoCostTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "crypto-bound.yaml");

  /** 1400 + UDP 8 + IPv4 20 = 1428, padded to 1440, + WireGuard's 60: 1500 bytes a packet. */
  private static final int ENCRYPTED = 1500;

  private static final double DURATION_S = 0.1;

  private static RunReport run(Path dir, String... overrides) throws Exception {
    var run = ScenarioLoader.load(SCENARIO, List.of(overrides)).runs().get(0);
    return ScenarioRunner.run(run, dir);
  }

  private static HostRow host(RunReport report, String name) {
    return report.hosts().stream().filter(h -> h.host().equals(name)).findFirst().orElseThrow();
  }

  private static double payloadBps(RunReport report) {
    return report.throughput().get(0).payloadBytes() * 8.0 / DURATION_S;
  }

  @Test
  void oneSlowCoreCapsTheFlowAtItsRateAndIsBusyAllTheTime(@TempDir Path dir) throws Exception {
    RunReport report = run(dir);
    HostRow sender = host(report, "h1");
    assertThat(sender.cores()).isEqualTo(1);
    assertThat(sender.busy()).isCloseTo(1.0, within(0.001));
    // Encrypted bytes: 1 Gbit/s for the whole run, within a packet.
    assertThat(sender.cryptoBytes() * 8.0).isCloseTo(1e9 * DURATION_S, within(ENCRYPTED * 8.0));
    // The receiver decrypts what arrives: the same rate, less what was on its way at the end.
    assertThat(host(report, "h2").busy()).isCloseTo(1.0, within(0.01));
    // Goodput: 1 Gbit/s of 1500-byte packets carrying 1400 bytes each.
    assertThat(payloadBps(report)).isCloseTo(1e9 * 1400 / ENCRYPTED, within(0.01 * 1e9));
    // What the cores could not take was dropped before them.
    assertThat(report.drops())
        .anySatisfy(
            d -> {
              assertThat(d.where()).isEqualTo("h1/crypto");
              assertThat(d.reason()).isEqualTo("queue-full");
            });
  }

  @Test
  void fourCoresFourTimesAsFast(@TempDir Path dir) throws Exception {
    RunReport report = run(dir, "hosts.h1.cores=4", "hosts.h2.cores=4");
    assertThat(host(report, "h1").cores()).isEqualTo(4);
    assertThat(host(report, "h1").busy()).isCloseTo(1.0, within(0.001));
    assertThat(payloadBps(report)).isCloseTo(4e9 * 1400 / ENCRYPTED, within(0.04 * 1e9));
  }

  @Test
  void aFastCipherLeavesTheLinkTheBottleneckAndTheCoresPartlyIdle(@TempDir Path dir)
      throws Exception {
    RunReport report = run(dir, "overlays.net.cryptoRate=40Gbps");
    // 5 Gbit/s of UDP payload is 5e9 / 1400 packets a second, each 1500 bytes to encrypt.
    double offeredEncryptedBps = 5e9 / (1400 * 8) * ENCRYPTED * 8;
    assertThat(host(report, "h1").busy()).isCloseTo(offeredEncryptedBps / 40e9, within(0.01));
    assertThat(report.drops()).isEmpty();
  }
}
