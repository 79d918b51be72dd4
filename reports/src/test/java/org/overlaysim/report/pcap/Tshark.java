package org.overlaysim.report.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Wireshark's command-line dissector, the independent judge of our capture files. Every call turns
 * on IP, UDP and TCP checksum verification (status 1 = Good). When tshark is missing, a test using
 * it is skipped, unless OVERLAYSIM_REQUIRE_TOOLS=1 (as CI sets), where it fails.
 */
public final class Tshark {
  /** The executable: OVERLAYSIM_TSHARK if set, else tshark on the PATH. */
  private static final String EXECUTABLE =
      System.getenv().getOrDefault("OVERLAYSIM_TSHARK", "tshark");

  public static final String GOOD = "1";
  private static final List<String> CHECKSUM_OPTIONS =
      List.of(
          "-o",
          "ip.check_checksum:TRUE",
          "-o",
          "udp.check_checksum:TRUE",
          "-o",
          "tcp.check_checksum:TRUE");

  private Tshark() {}

  /** Skips (or, in CI, fails) the calling test when tshark cannot run. */
  public static void requireInstalled() throws InterruptedException {
    String problem;
    try {
      Process process =
          new ProcessBuilder(EXECUTABLE, "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      problem =
          process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0
              ? null
              : "tshark --version failed";
    } catch (IOException e) {
      problem = "tshark not found: " + e.getMessage();
    }
    if (problem == null) {
      return;
    }
    if ("1".equals(System.getenv("OVERLAYSIM_REQUIRE_TOOLS"))) {
      fail(problem + " (OVERLAYSIM_REQUIRE_TOOLS=1 requires it; apt-get install tshark)");
    }
    Assumptions.abort(problem + "; install tshark to run this check");
  }

  /** tshark's standard output for {@code capture} with the given arguments; fails on exit != 0. */
  public static String run(Path capture, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(EXECUTABLE);
    command.add("-r");
    command.add(capture.toString());
    command.addAll(CHECKSUM_OPTIONS);
    command.addAll(arguments);
    Path errors = Files.createTempFile("tshark", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("tshark did not finish: " + command);
      }
      assertThat(process.exitValue())
          .as("tshark exit status, stderr: %s", Files.readString(errors))
          .isZero();
      return output;
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** One row per frame: the fields asked for, tab-separated; repeated fields joined by spaces. */
  public static List<String[]> fields(Path capture, String... names)
      throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=/s"));
    for (String name : names) {
      arguments.add("-e");
      arguments.add(name);
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : run(capture, arguments).split("\n")) {
      if (!line.isEmpty()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  /** The expert-info report at error level; empty of errors for a clean capture. */
  public static String expertErrors(Path capture) throws IOException, InterruptedException {
    return run(capture, List.of("-q", "-z", "expert,error"));
  }
}
