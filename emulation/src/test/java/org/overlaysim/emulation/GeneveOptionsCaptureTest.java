package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.emulation.kernel.CommandResult;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.report.ScenarioRunner;
import org.overlaysim.scenario.Run;

/**
 * Geneve's {@code optionsBytes} (issue 20, difference 8) as Wireshark reads them: the simulator's
 * capture of an OVN-like overlay (8 option bytes) decodes as one option of class 0x0102 (OVN), type
 * 0x80, 8 bytes, and the inner frame behind it; the overlay's MTU is 1500 - 58 = 1442. Needs tshark
 * (CI installs it), no root.
 */
class GeneveOptionsCaptureTest {
  @Test
  void tsharkDecodesTheOptionTlvsTheSimulatorRenders(@TempDir Path dir) throws Exception {
    if (Emulator.findProgram("tshark").isEmpty()) {
      if ("1".equals(System.getenv("OVERLAYSIM_REQUIRE_TOOLS"))) {
        fail("OVERLAYSIM_REQUIRE_TOOLS=1 but tshark is not on the PATH (package tshark)");
      }
      Assumptions.abort("needs tshark");
    }
    Run run = KernelTools.run("geneve-options.yaml");
    assertThat(run.scenario().overlays().get(0).mtu()).isEqualTo(1442);
    ScenarioRunner.run(run, dir);
    Path pcap;
    try (Stream<Path> files = Files.walk(dir)) {
      pcap = files.filter(f -> f.toString().endsWith("host-h-1.pcap")).findFirst().orElseThrow();
    }

    CommandResult decoded =
        new ProcessCommandRunner()
            .run(
                List.of(
                    "tshark",
                    "-r",
                    pcap.toString(),
                    "-n",
                    "-Y",
                    "geneve",
                    "-T",
                    "fields",
                    "-E",
                    "separator=/t",
                    "-e",
                    "geneve.option.class",
                    "-e",
                    "geneve.option.type",
                    "-e",
                    "geneve.option.length",
                    "-e",
                    "geneve.options",
                    "-e",
                    "icmp.type"),
                "",
                30_000);

    assertThat(decoded.succeeded()).as(decoded.describe()).isTrue();
    List<String> lines = Stream.of(decoded.stdout().split("\n")).filter(l -> !l.isBlank()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      assertThat(Integer.decode(f[0])).as(line).isEqualTo(0x0102);
      assertThat(Integer.decode(f[1])).as(line).isEqualTo(0x80);
      assertThat(f[2].split(",")[0]).as(line).isEqualTo("8"); // the option's length in bytes
      assertThat(f[4]).as(line).isIn("8", "0"); // the inner echo decodes behind the options
    }
  }
}
