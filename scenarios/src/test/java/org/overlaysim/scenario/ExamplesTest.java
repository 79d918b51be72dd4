package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {
  static final Path EXAMPLES = Path.of("examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleLoadsWithAtLeastOneRun(Path example) throws Exception {
    ScenarioSet set;
    try {
      set = ScenarioLoader.load(example);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    assertThat(set.runs()).isNotEmpty();
    assertThat(set.base().containers()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleStartsWithACommentHeader(Path example) throws Exception {
    List<String> lines = Files.readAllLines(example);
    assertThat(lines.get(0))
        .startsWith("# " + example.getFileName().toString().replace(".yaml", "") + ":");
    assertThat(lines.get(1)).startsWith("#");
  }
}
