package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of malformed scenarios: {@code src/test/resources/malformed/catalogue.csv} lists
 * each file with the line and path its problem must name and words its message must hold (separated
 * by {@code |}). The CLI tests reuse the same table.
 */
class MalformedCatalogueTest {
  static final Path DIR = Path.of("src/test/resources/malformed");

  /** One row of catalogue.csv. */
  record Entry(String file, int line, String path, List<String> words) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Entry> catalogue() throws IOException {
    return Files.readAllLines(DIR.resolve("catalogue.csv")).stream()
        .skip(1)
        .filter(line -> !line.isBlank())
        .map(
            line -> {
              String[] head = line.split(",", 4);
              String words = head[3].substring(1, head[3].length() - 1);
              return new Entry(
                  head[0], Integer.parseInt(head[1]), head[2], Arrays.asList(words.split("\\|")));
            });
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void malformedScenarioIsRejectedAtItsLineAndPath(Entry entry) {
    Path file = DIR.resolve(entry.file());
    assertThatThrownBy(() -> ScenarioLoader.load(file))
        .isInstanceOf(ScenarioException.class)
        .satisfies(
            thrown -> {
              List<Problem> problems = ((ScenarioException) thrown).problems();
              String all =
                  problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
              assertThat(problems)
                  .as("problems were:\n%s", all)
                  .anySatisfy(
                      p -> {
                        assertThat(p.file()).isEqualTo(file.toString());
                        assertThat(p.line()).isEqualTo(entry.line());
                        assertThat(p.path()).isEqualTo(entry.path());
                        assertThat(p.message()).contains(entry.words());
                        assertThat(p.toString())
                            .startsWith(file + ":" + entry.line() + ":" + p.column() + ": ");
                      });
            });
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void everyCatalogueFileSaysWhatIsWrongWithIt(Entry entry) throws IOException {
    assertThat(Files.readString(DIR.resolve(entry.file()))).startsWith("# Malformed on purpose: ");
  }
}
