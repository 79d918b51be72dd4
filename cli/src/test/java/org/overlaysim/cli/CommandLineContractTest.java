package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineContractTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int overlaysim(String... args) {
    return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void versionPrintsTheProjectVersionAndSucceeds() {
    assertThat(overlaysim("--version")).isZero();
    assertThat(out.toString()).startsWith("overlaysim ").doesNotContain("unknown");
  }

  @Test
  void helpListsTheRunCommand() {
    assertThat(overlaysim("--help")).isZero();
    assertThat(out.toString()).contains("run").contains("Exit status");
  }

  @Test
  void missingScenarioFileIsOneLineNamingTheFileWithExitTwo(@TempDir Path dir) {
    Path out = dir.resolve("x");

    int status = overlaysim("run", "does-not-exist.yaml", "--out", out.toString());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly("does-not-exist.yaml: no such file");
    assertThat(Files.exists(out)).as("nothing written").isFalse();
  }

  @Test
  void directoryGivenAsScenarioIsRefusedWithExitTwo(@TempDir Path dir) {
    assertThat(overlaysim("run", dir.toString(), "--out", dir.resolve("x").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("is a directory").doesNotContain("Exception");
  }

  @Test
  void unknownCommandIsAUsageErrorWithExitTwo() {
    assertThat(overlaysim("simulate-everything")).isEqualTo(2);
    assertThat(err.toString()).contains("simulate-everything").doesNotContain("\tat ");
  }

  @Test
  void emulateWithoutScenarioOrCleanupIsAUsageErrorWithExitTwo() {
    assertThat(overlaysim("emulate")).isEqualTo(2);
    assertThat(err.toString()).contains("--out").doesNotContain("\tat ");
  }

  @Test
  void emulateWithAnOverrideThatNamesNothingIsBadInputWithExitTwoBeforeTouchingTheKernel(
      @TempDir Path dir) {
    Path scenario = Path.of("src", "test", "resources", "overhead-sweep.yaml");

    int status =
        overlaysim(
            "emulate",
            scenario.toString(),
            "--set",
            "underlay.links.nowhere.loss=0.01",
            "--out",
            dir.resolve("emu").toString());

    assertThat(status).isEqualTo(2);
    // FILE:LINE:COL: KEY: reason (the override, or the place in the file it conflicts with).
    assertThat(err.toString())
        .containsPattern("(?m)^[^:\\s]+:[0-9]+:[0-9]+: underlay\\.links")
        .doesNotContain("\tat ");
    assertThat(Files.exists(dir.resolve("emu").resolve("throughput.csv"))).isFalse();
  }

  @Test
  void compareOfDirectoriesWithoutReportsIsUnreadableInputWithExitTwo(@TempDir Path dir) {
    assertThat(overlaysim("compare", dir.resolve("sim").toString(), dir.resolve("emu").toString()))
        .isEqualTo(2);
  }

  @Test
  void snapshotWithoutScenarioIsAUsageErrorWithExitTwo(@TempDir Path dir) {
    assertThat(overlaysim("gui", "--snapshot", dir.resolve("x.png").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--snapshot needs a scenario FILE");
  }

  @Test
  void missingRequiredOptionIsAUsageErrorWithExitTwo() {
    assertThat(overlaysim("run", "scenario.yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("--out").doesNotContain("\tat ");
  }
}
