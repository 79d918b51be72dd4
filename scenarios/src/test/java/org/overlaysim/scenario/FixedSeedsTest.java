package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every jqwik property of the project runs with a fixed seed: jqwik 1.9 picks a new random seed
 * each run unless {@code @Property(seed = ...)} names one (it has no project-wide default seed), so
 * CI would test other values on every run and a failure could vanish on the next. And every
 * property is in a class the build runs (surefire takes *Test and, as configured in the parent pom,
 * *Properties).
 */
class FixedSeedsTest {
  static final Pattern PROPERTY =
      Pattern.compile("^\\s*@Property\\b(\\(([^)]*)\\))?", Pattern.MULTILINE);

  @Test
  void everyPropertyNamesItsSeedAndRunsInTheBuild() throws IOException {
    List<String> properties = new ArrayList<>();
    List<String> unseeded = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(".."))) {
      for (Path file :
          (Iterable<Path>)
              files
                      .filter(f -> f.toString().endsWith(".java"))
                      .filter(f -> f.toString().contains("/src/test/java/"))
                      .filter(f -> !f.toString().contains("/target/"))
                  ::iterator) {
        Matcher m = PROPERTY.matcher(Files.readString(file));
        while (m.find()) {
          properties.add(file + ": " + m.group());
          if (!file.getFileName().toString().matches(".*(Test|Tests|Properties)\\.java")) {
            unseeded.add(file + ": not a class name surefire runs (*Test, *Properties)");
          }
          if (m.group(2) == null || !m.group(2).matches("(?s).*\\bseed\\s*=\\s*\"-?\\d+\".*")) {
            unseeded.add(file + ": " + m.group());
          }
        }
      }
    }
    assertThat(properties).as("the scan finds the properties").hasSizeGreaterThan(5);
    assertThat(unseeded).as("properties without a fixed seed").isEmpty();
  }
}
