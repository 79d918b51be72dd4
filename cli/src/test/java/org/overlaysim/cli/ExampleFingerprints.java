package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pinned behaviour of an example (INET's fingerprint tests): the event fingerprint of each run
 * ({@code run --fingerprint}) and a digest of every report file and capture, the machine's {@code
 * wall_time_s} blanked and {@code report.json} (wall times, resume record) left out.
 *
 * <p>The pins live in {@code src/test/resources/fingerprints/<example>.txt}. A refactoring must
 * leave them alone; a change of the model updates them on purpose, in its own commit that says
 * which behaviour changed and why: {@code mvn -pl cli -am verify -Dtest='ExampleFingerprintTest,
 * K8sMaxExampleTest' -Dsurefire.failIfNoSpecifiedTests=false -Doverlaysim.pinFingerprints=true},
 * then read the diff.
 */
final class ExampleFingerprints {
  static final Path PINS = Path.of("src", "test", "resources", "fingerprints");
  private static final Pattern EVENT_LINE =
      Pattern.compile("(?m)^fingerprint (\\S+): ([0-9a-f]{16}) over ([0-9,]+) events$");

  private ExampleFingerprints() {}

  /**
   * Asserts that {@code example}'s run, written to {@code out} with {@code stdout} printed by
   * {@code run --fingerprint}, matches its pins (or writes them when asked to).
   */
  static void check(String example, String stdout, Path out) throws IOException {
    List<String> actual = fingerprint(stdout, out);
    Path pins = PINS.resolve(example + ".txt");
    if (Boolean.getBoolean("overlaysim.pinFingerprints")) {
      Files.createDirectories(PINS);
      Files.write(pins, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(pins).as("pins of " + example + " (see ExampleFingerprints)").exists();
    assertThat(actual)
        .as(
            "%s behaves as pinned in %s; a model change re-pins in a commit that says why",
            example, pins)
        .containsExactlyElementsOf(Files.readAllLines(pins, StandardCharsets.UTF_8));
  }

  /**
   * The fingerprint lines of a run's output: its event fingerprints from {@code stdout} and a
   * digest of every report and capture under {@code out}.
   */
  static List<String> fingerprint(String stdout, Path out) throws IOException {
    List<String> actual = new ArrayList<>();
    Matcher m = EVENT_LINE.matcher(stdout);
    while (m.find()) {
      actual.add("events " + m.group(1) + " " + m.group(2) + " " + m.group(3).replace(",", ""));
    }
    assertThat(actual).as("event fingerprints printed by run --fingerprint").isNotEmpty();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = out.relativize(f).toString().replace('\\', '/');
        if (!f.getFileName().toString().equals("report.json")) {
          actual.add("file " + name + " " + digest(f));
        }
      }
    }
    return actual;
  }

  private static String digest(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (file.getFileName().toString().equals("summary.csv")) {
      bytes =
          withoutWallTime(new String(bytes, StandardCharsets.UTF_8))
              .getBytes(StandardCharsets.UTF_8);
    }
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(sha, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** summary.csv with the wall_time_s cells emptied (the one figure that is the machine's). */
  static String withoutWallTime(String csv) {
    String[] lines = csv.split("\n", -1);
    int column = List.of(lines[0].split(",", -1)).indexOf("wall_time_s");
    assertThat(column).as("summary.csv has wall_time_s").isNotNegative();
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      if (i > 0 && cells.length > column) {
        cells[column] = "";
      }
      kept.append(String.join(",", cells)).append(i + 1 < lines.length ? "\n" : "");
    }
    return kept.toString();
  }
}
