package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./overlaysim} script's choice of JVM options, run with a stand-in for java that prints
 * its arguments (the script finds its jar next to itself: a copy in a temporary folder with an
 * empty jar).
 */
class LauncherScriptTest {
  @TempDir Path home;

  @Test
  void simulationCommandsRunOnTheThroughputCollector() throws Exception {
    assertThat(launch(Map.of(), "run", "x.yaml"))
        .isEqualTo("-XX:+UseParallelGC -jar " + jar() + " run x.yaml");
    assertThat(launch(Map.of("JAVA_OPTS", "-Xmx8g"), "batch", "x.yaml"))
        .isEqualTo("-Xmx8g -XX:+UseParallelGC -jar " + jar() + " batch x.yaml");
  }

  @Test
  void theVisualizerKeepsTheDefaultCollector() throws Exception {
    assertThat(launch(Map.of(), "gui", "x.yaml")).isEqualTo("-jar " + jar() + " gui x.yaml");
  }

  @Test
  void aCollectorNamedInJavaOptsWins() throws Exception {
    assertThat(launch(Map.of("JAVA_OPTS", "-Xmx8g -XX:+UseG1GC"), "run", "x.yaml"))
        .isEqualTo("-Xmx8g -XX:+UseG1GC -jar " + jar() + " run x.yaml");
  }

  @Test
  void clusterTasksInheritHeapAndCollector() {
    assertThat(Launcher.isHeapOption("-Xmx8g")).isTrue();
    assertThat(Launcher.isHeapOption("-XX:+UseParallelGC")).isTrue();
    assertThat(Launcher.isHeapOption("-XX:+HeapDumpOnOutOfMemoryError")).isFalse();
    assertThat(Launcher.isHeapOption("-Dfile.encoding=UTF-8")).isFalse();
  }

  private Path jar() {
    return home.resolve("cli/target/overlaysim.jar");
  }

  private String launch(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path script = home.resolve("overlaysim");
    Files.copy(Path.of("..", "overlaysim"), script, StandardCopyOption.REPLACE_EXISTING);
    script.toFile().setExecutable(true);
    Files.createDirectories(jar().getParent());
    Files.write(jar(), new byte[0]);
    Path fakeJava = home.resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
    fakeJava.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder(concat(script.toString(), args));
    pb.environment().remove("JAVA_OPTS");
    pb.environment().put("JAVA", fakeJava.toString());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  private static List<String> concat(String first, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }
}
