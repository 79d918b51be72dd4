package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the loader with the mistakes people make: an example scenario with one line deleted or
 * duplicated, a value retyped, an indentation broken, a tab inserted, or the file cut short. The
 * loader keeps its contract whatever it is given: a scenario, or a {@link ScenarioException} (the
 * CLI's exit 2) whose every problem names the file, a line and a column inside it, and the path of
 * what is wrong; never another exception (the CLI's exit 1, a stack trace).
 *
 * <p>k8s-max is left out: one load takes about a second (150,000 containers), so 10,000 tries of it
 * would take hours; its format is the other examples'.
 */
class MutatedExampleProperties {
  static final List<String> NAMES;
  static final List<List<String>> EXAMPLES;

  static {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      List<Path> paths =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .filter(f -> !f.getFileName().toString().equals("k8s-max.yaml"))
              .sorted()
              .toList();
      NAMES = paths.stream().map(p -> p.getFileName().toString()).toList();
      List<List<String>> texts = new ArrayList<>();
      for (Path p : paths) {
        texts.add(Files.readAllLines(p));
      }
      EXAMPLES = List.copyOf(texts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path as the loader writes them: keys and [indexes], or empty for the document itself. */
  static final Pattern PATH =
      Pattern.compile("([^.\\[\\]]+|\\[\\d+\\])([.][^.\\[\\]]+|\\[\\d+\\])*");

  /** Values of other types than a field expects, and out of range. */
  static final List<String> VALUES =
      List.of(
          "[]",
          "{}",
          "[1, 2]",
          "{a: 1}",
          "''",
          "text",
          "-1",
          "0",
          "1.5",
          "1e400",
          "99999999999999999999",
          "true",
          "null",
          "~",
          "10 Gbps",
          "-5ms",
          "'*'",
          "\"\\u0000\"",
          "&a x",
          "*nowhere",
          "!!binary aGk=",
          "0x10",
          "2147483648",
          "NaN");

  enum Mutation {
    DELETE_LINE,
    DUPLICATE_LINE,
    RETYPE_VALUE,
    BREAK_INDENT,
    INSERT_TAB,
    TRUNCATE
  }

  @Property(tries = 10_000, seed = "18")
  void theLoaderKeepsItsContractOnMutatedExamples(
      @ForAll @IntRange(min = 0, max = 1_000_000) int example,
      @ForAll Mutation mutation,
      @ForAll @IntRange(min = 0, max = 1_000_000) int where,
      @ForAll @IntRange(min = 0, max = 1_000_000) int what) {
    String name = NAMES.get(example % NAMES.size());
    List<String> lines = new ArrayList<>(EXAMPLES.get(example % EXAMPLES.size()));
    String text = mutate(lines, mutation, where, what);
    int lineCount = (int) text.lines().count();
    try {
      ScenarioLoader.parse(name, text, List.of());
      Statistics.label("outcome").collect("loads");
    } catch (ScenarioException e) {
      Statistics.label("outcome")
          .collect(e.problems().get(0).message().startsWith("YAML syntax") ? "syntax" : "invalid");
      assertThat(e.problems()).as(text).isNotEmpty();
      for (Problem p : e.problems()) {
        assertThat(p.file()).isEqualTo(name);
        assertThat(p.line()).as("%s in\n%s", p, text).isBetween(1, lineCount + 1);
        assertThat(p.column()).as("%s", p).isPositive();
        assertThat(p.path().isEmpty() || PATH.matcher(p.path()).matches())
            .as("path of %s", p)
            .isTrue();
        assertThat(p.path().isEmpty() ? documentLevel(p.message()) : true)
            .as("a problem without a path must be about the document as a whole: %s\n%s", p, text)
            .isTrue();
        assertThat(p.message()).as("%s", p).isNotBlank().doesNotContain("\n");
      }
    }
  }

  /** Problems of the whole document, which have no narrower path. */
  static boolean documentLevel(String message) {
    return message.startsWith("missing key '")
        || message.startsWith("YAML syntax: ")
        || message.startsWith("the file is empty")
        || message.startsWith("the scenario ")
        || message.startsWith("a second YAML document")
        || message.startsWith("… and ");
  }

  static String mutate(List<String> lines, Mutation mutation, int where, int what) {
    int at = where % lines.size();
    String line = lines.get(at);
    switch (mutation) {
      case DELETE_LINE -> lines.remove(at);
      case DUPLICATE_LINE -> lines.add(at, line);
      case RETYPE_VALUE -> lines.set(at, retype(line, where, VALUES.get(what % VALUES.size())));
      case BREAK_INDENT -> {
        int spaces = 1 + what % 3;
        lines.set(
            at,
            what % 2 == 0
                ? " ".repeat(spaces) + line
                : line.substring(Math.min(spaces, line.length() - line.stripLeading().length())));
      }
      case INSERT_TAB -> {
        int column = what % (line.length() + 1);
        lines.set(at, line.substring(0, column) + "\t" + line.substring(column));
      }
      case TRUNCATE -> {
        String text = String.join("\n", lines) + "\n";
        return text.substring(0, (int) ((long) what * text.length() / 1_000_001));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** {@code line} with the value after one of its {@code key:} replaced by {@code value}. */
  static String retype(String line, int which, String value) {
    List<Integer> colons = new ArrayList<>();
    for (int i = 0; i < line.length() - 1; i++) {
      if (line.charAt(i) == ':' && line.charAt(i + 1) == ' ') {
        colons.add(i);
      }
    }
    if (colons.isEmpty()) {
      return line + " " + value;
    }
    int colon = colons.get(which % colons.size());
    int end = colon + 2;
    while (end < line.length() && ",}]#".indexOf(line.charAt(end)) < 0) {
      end++;
    }
    return line.substring(0, colon + 2) + value + line.substring(end);
  }
}
