package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI's side of the loader's fuzz (scenarios' MutatedExampleProperties): every example cut
 * short at every 23rd character, as a crash or a bad copy leaves it, is valid (exit 0) or refused
 * with one {@code FILE:LINE:COLUMN: } line per problem (exit 2); never an internal error (exit 1).
 */
class TruncatedExamplesCliTest {
  @TempDir Path dir;

  static Stream<Path> examples() throws IOException {
    return Files.list(Path.of("..", "scenarios", "examples"))
        .filter(f -> f.toString().endsWith(".yaml"))
        .filter(f -> !f.getFileName().toString().equals("k8s-max.yaml")) // a second a load
        .sorted();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyPrefixOfAnExampleIsValidOrAUserMistake(Path example) throws IOException {
    String text = Files.readString(example, StandardCharsets.UTF_8);
    Path file = dir.resolve(example.getFileName());
    for (int end = 0; end < text.length(); end += 23) {
      Files.writeString(file, text.substring(0, end), StandardCharsets.UTF_8);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status =
          Main.execute(
              new PrintWriter(out, true), new PrintWriter(err, true), "validate", file.toString());
      assertThat(status).as("cut at %d: %s", end, err).isIn(0, 2);
      if (status == 2) {
        assertThat(err.toString().lines())
            .as("cut at %d", end)
            .isNotEmpty()
            .allMatch(line -> line.startsWith(file + ":") && line.matches(".*?:\\d+:\\d+: .+"));
      }
    }
  }
}
