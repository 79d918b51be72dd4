package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioWriterTest {

  static java.util.stream.Stream<Path> examples() throws Exception {
    return ExamplesTest.examplesSmallEnoughToWriteOut();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void writtenExampleLoadsToEqualRecords(Path example) throws Exception {
    ScenarioSet original = ScenarioLoader.load(example);
    String written = ScenarioWriter.write(original.base());
    ScenarioSet reloaded;
    try {
      reloaded = ScenarioLoader.parse("written.yaml", written, List.of());
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage() + "\n" + written, e);
    }
    assertThat(reloaded.base()).isEqualTo(original.base());
  }

  /**
   * The writer writes what a scenario resolved to (numbers, not {@code mtu: auto}), so the runs of
   * a sweep round-trip one by one rather than through the base document.
   */
  @ParameterizedTest
  @MethodSource("examples")
  void everyWrittenRunLoadsToEqualRecords(Path example) throws Exception {
    for (Run run : ScenarioLoader.load(example).runs()) {
      String written = ScenarioWriter.write(run.scenario());
      Scenario reloaded = ScenarioLoader.parse("run.yaml", written, List.of()).base();
      assertThat(reloaded).isEqualTo(run.scenario());
    }
  }
}
