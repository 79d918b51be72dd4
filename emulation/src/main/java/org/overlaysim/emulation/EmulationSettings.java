package org.overlaysim.emulation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.overlaysim.emulation.probe.ProbeServer;

/**
 * Limits and programs of an emulation run.
 *
 * @param maxContainers larger scenarios are refused: each container is a namespace, a veth pair
 *     and, with probes, a JVM
 * @param probeTimeoutCapMs upper bound on a probe's wait, whatever the scenario's timeout
 * @param javaCommand the JVM that runs probe servers and clients inside the namespaces
 * @param probeClasspath where the probe classes are (this module's classes or jar)
 */
public record EmulationSettings(
    int maxContainers, long probeTimeoutCapMs, List<String> javaCommand, String probeClasspath) {
  public static final int DEFAULT_MAX_CONTAINERS = 60;

  public EmulationSettings {
    if (maxContainers < 1) {
      throw new IllegalArgumentException("maxContainers must be positive");
    }
    javaCommand = List.copyOf(javaCommand);
    Objects.requireNonNull(probeClasspath, "probeClasspath");
  }

  /** This JVM's java, small heaps for the probe processes, the probe classes' own location. */
  public static EmulationSettings defaults() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath;
    try {
      classpath =
          Path.of(ProbeServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (java.net.URISyntaxException | NullPointerException e) {
      classpath = System.getProperty("java.class.path");
    }
    return new EmulationSettings(
        DEFAULT_MAX_CONTAINERS,
        2_000,
        List.of(
            java,
            "-Xmx32m",
            "-Xss256k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto"),
        classpath);
  }
}
