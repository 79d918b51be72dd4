package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.scenario.ScenarioLoader;

/** What the emulation refuses before it builds anything (no root needed). */
class ScenarioLimitsTest {
  private static final String HEADER =
      """
      name: big
      seed: 1
      duration: 1s
      sites: [{name: dc, location: {lat: 0, lon: 0}}]
      underlay:
        routers: [{name: r, site: dc}]
      hosts: [{name: h, router: r, ip: 10.0.0.1}]
      overlays: [{name: o, vni: 1, subnet: 10.1.0.0/16, encapsulation: vxlan}]
      """;

  private static Emulator emulator() {
    return new Emulator(
        new ProcessCommandRunner(),
        EmulationSettings.defaults(),
        new PrintWriter(new StringWriter()));
  }

  @Test
  void scenarioOf61ContainersIsRefusedWithTheLimit() throws Exception {
    var scenario =
        ScenarioLoader.parse(
                "big.yaml",
                HEADER + "containers: [{name: c, host: h, overlay: o, count: 61}]\n",
                java.util.List.of())
            .base();

    assertThatThrownBy(() -> emulator().checkScenario(scenario))
        .isInstanceOf(EmulationException.class)
        .hasMessageContaining("61 containers")
        .hasMessageContaining("at most 60")
        .satisfies(e -> assertThat(((EmulationException) e).exitStatus()).isEqualTo(2));
  }

  @Test
  void scenarioOf60ContainersIsAccepted() throws Exception {
    var scenario =
        ScenarioLoader.parse(
                "ok.yaml",
                HEADER + "containers: [{name: c, host: h, overlay: o, count: 60}]\n",
                java.util.List.of())
            .base();

    emulator().checkScenario(scenario);
  }

  @Test
  void hostAddressInsideTheEmulationsOwnLinkBlockIsRefused() throws Exception {
    var scenario =
        ScenarioLoader.parse(
                "clash.yaml",
                HEADER.replace("10.0.0.1", "198.18.0.5")
                    + "containers: [{name: c, host: h, overlay: o}]\n",
                java.util.List.of())
            .base();

    assertThatThrownBy(() -> emulator().checkScenario(scenario))
        .hasMessageContaining("198.18.0.5")
        .hasMessageContaining("198.18.0.0/15");
  }

  @Test
  void invalidScenarioFileExitsWith2NamingTheProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "name: broken\nseed: x\n");
    StringWriter err = new StringWriter();

    int status =
        EmulateMain.run(
            file, dir.resolve("out"), new PrintWriter(new StringWriter()), new PrintWriter(err));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("broken.yaml");
  }
}
