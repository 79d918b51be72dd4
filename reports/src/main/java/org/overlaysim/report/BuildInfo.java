package org.overlaysim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.UnderlayGraph;

/**
 * Which overlaysim made a run: the version Maven wrote into {@code build.properties}, and a digest
 * of the model's code, the class files of every package whose code shapes a report (engine,
 * scenario format, topology, overlay model, reports). The digest is a SHA-256 over the class files'
 * names and bytes in name order, read from wherever they were loaded (the jar, or {@code
 * target/classes} in a build): the same build gives the same digest on every machine, and any
 * change to the model's code gives another, a snapshot rebuilt included. Computed once, in
 * milliseconds (a few hundred class files).
 */
public final class BuildInfo {
  /** A class of each model package, to find where that package's class files were loaded from. */
  private static final List<Class<?>> MODEL =
      List.of(
          Simulator.class,
          ScenarioLoader.class,
          UnderlayGraph.class,
          OverlayNetwork.class,
          BuildInfo.class);

  private static volatile BuildInfo current;

  private final String version;
  private final String model;

  private BuildInfo(String version, String model) {
    this.version = version;
    this.model = model;
  }

  /** This build. */
  public static BuildInfo current() {
    BuildInfo info = current;
    if (info == null) {
      info = new BuildInfo(readVersion(), digestModel());
      current = info;
    }
    return info;
  }

  /** The overlaysim version, e.g. {@code 0.1.0}. */
  public String version() {
    return version;
  }

  /** The digest of the model's code, 64 hex digits. */
  public String model() {
    return model;
  }

  /** {@code overlaysim 0.1.0 (model 3fa2c1d0…)}, how messages name a build. */
  public static String describe(String version, String model) {
    if (version == null || model == null) {
      return "an earlier overlaysim (no version recorded)";
    }
    return "overlaysim "
        + version
        + " (model "
        + model.substring(0, Math.min(8, model.length()))
        + "…)";
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  private static String digestModel() {
    TreeMap<String, Path> directories = new TreeMap<>();
    TreeMap<String, Path> jars = new TreeMap<>();
    for (Class<?> anchor : MODEL) {
      String prefix = anchor.getPackageName().replace('.', '/') + "/";
      Path location = location(anchor);
      (Files.isDirectory(location) ? directories : jars).put(prefix, location);
    }
    TreeMap<String, byte[]> classes = new TreeMap<>();
    try {
      for (var entry : directories.entrySet()) {
        Path root = entry.getValue();
        try (Stream<Path> files = Files.walk(root.resolve(entry.getKey()))) {
          for (Path file :
              (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
            classes.put(
                root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
          }
        }
      }
      for (Path jar : new java.util.HashSet<>(jars.values())) {
        try (JarFile file = new JarFile(jar.toFile())) {
          for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            String name = entry.getName();
            if (name.endsWith(".class") && jars.keySet().stream().anyMatch(name::startsWith)) {
              try (InputStream in = file.getInputStream(entry)) {
                classes.put(name, in.readAllBytes());
              }
            }
          }
        }
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (var entry : classes.entrySet()) {
        sha.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(entry.getValue());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read overlaysim's own class files", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static Path location(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the class files of " + anchor, e);
    }
  }
}
