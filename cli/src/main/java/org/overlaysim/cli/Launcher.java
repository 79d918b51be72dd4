package org.overlaysim.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command that starts this same overlaysim on a cluster node: {@code java -jar} the shaded jar
 * this class was loaded from (cli/target/overlaysim.jar when run through ./overlaysim), or, from a
 * build tree (tests), {@code java -cp} this JVM's class path. The node must see the same paths.
 */
final class Launcher {
  private Launcher() {}

  static List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(heapOptions());
    Path source = codeSource();
    if (source != null && Files.isRegularFile(source) && source.toString().endsWith(".jar")) {
      command.addAll(List.of("-jar", source.toString()));
    } else {
      command.addAll(
          List.of(
              "-cp",
              absoluteClassPath(System.getProperty("java.class.path")),
              Main.class.getName()));
    }
    return command;
  }

  /**
   * The heap size and collector this JVM was given (JAVA_OPTS=-Xmx8g ./overlaysim ..., and the
   * launcher's -XX:+UseParallelGC): the tasks need them too.
   */
  private static List<String> heapOptions() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(Launcher::isHeapOption)
        .toList();
  }

  static boolean isHeapOption(String jvmArgument) {
    return jvmArgument.startsWith("-Xmx")
        || jvmArgument.startsWith("-Xms")
        || (jvmArgument.startsWith("-XX:+Use") && jvmArgument.endsWith("GC"));
  }

  private static Path codeSource() {
    try {
      var location = Main.class.getProtectionDomain().getCodeSource().getLocation();
      return Path.of(location.toURI()).toAbsolutePath();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static String absoluteClassPath(String classPath) {
    return String.join(
        java.io.File.pathSeparator,
        java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
            .map(p -> Path.of(p).toAbsolutePath().toString())
            .toList());
  }
}
