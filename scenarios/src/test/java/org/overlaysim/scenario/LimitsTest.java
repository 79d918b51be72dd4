package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.scenario.internal.YamlTreeReader;

/** Hostile input fails fast with one clear problem. */
class LimitsTest {

  @Test
  void hugeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("huge.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(YamlTreeReader.MAX_CODE_POINTS + 1L);
    }
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void missingFileIsAProblemNotACrash(@TempDir Path dir) {
    assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nope.yaml")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("cannot read the file");
  }

  @Test
  void aliasBombFailsWithinTheNodeBudget() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    long start = System.nanoTime();
    assertThat(Yaml.problems(bomb.toString()))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("alias bomb"));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }

  @Test
  void aliasToAnUndefinedAnchorIsReported() {
    assertThat(Yaml.problems("name: *nothing\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("*nothing"));
  }

  @Test
  void hugeSweepIsRefused() {
    String text =
        Yaml.minimal()
            + "sweep:\n  seed: ["
            + "1, ".repeat(999)
            + "1]\n  duration: ["
            + "1s, ".repeat(999)
            + "1s]\n";
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("more than 100000 points"));
  }
}
