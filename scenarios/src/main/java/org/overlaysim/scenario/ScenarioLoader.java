package org.overlaysim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overlaysim.scenario.internal.Ctx;
import org.overlaysim.scenario.internal.KeyPath;
import org.overlaysim.scenario.internal.Mark;
import org.overlaysim.scenario.internal.Marks;
import org.overlaysim.scenario.internal.Obj;
import org.overlaysim.scenario.internal.ScenarioBinder;
import org.overlaysim.scenario.internal.YamlTreeReader;

/**
 * Loads scenario files. Order of work: read the YAML tree (with every node's line and column),
 * apply {@code --set} overrides, bind and validate the document as written, then bind every sweep
 * point; all problems are collected and thrown together as a {@link ScenarioException}.
 */
public final class ScenarioLoader {
  /** Problems listed at most; a broken file should not flood the terminal. */
  public static final int MAX_PROBLEMS = 200;

  /** Runs one file may expand to (sweep points × replications). */
  public static final int MAX_RUNS = 1_000_000;

  private ScenarioLoader() {}

  public static ScenarioSet load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /**
   * Loads a file; {@code overrides} are {@code key=value} with the sweep key syntax ({@code
   * underlay.defaults.mtu=9000}, {@code overlays.frontend.encapsulation=geneve}); the value is read
   * as YAML, so {@code 9000} is a number and {@code [1, 2]} a list.
   */
  public static ScenarioSet load(Path file, List<String> overrides) throws ScenarioException {
    String name = file.toString();
    String text;
    try {
      if (Files.size(file) > YamlTreeReader.MAX_CODE_POINTS) {
        throw fail(name, "the file is larger than " + YamlTreeReader.MAX_CODE_POINTS + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw fail(name, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw fail(name, "cannot read the file: " + e.getMessage());
    }
    return parse(name, text, overrides);
  }

  /** Loads scenario text; {@code file} names it in problems. */
  public static ScenarioSet parse(String file, String text, List<String> overrides)
      throws ScenarioException {
    YamlTreeReader.Result tree = YamlTreeReader.read(file, text);
    JsonNode root = tree.root();
    Marks marks = tree.marks();
    Ctx overrideCtx = new Ctx(marks);
    List<String> overridePaths = new ArrayList<>();
    for (int i = 0; i < overrides.size(); i++) {
      overridePaths.add(applyOverride(root, marks, overrides.get(i), i + 1, overrideCtx));
    }
    throwIfAny(overrideCtx.problems());

    Ctx baseCtx = new Ctx(marks);
    Scenario base = ScenarioBinder.bind(root, baseCtx);
    throwIfAny(namedByOverrides(baseCtx.problems(), overrides, overridePaths));

    Sweep sweep = base.sweep();
    if ((long) sweep.pointCount() * base.replications() > MAX_RUNS) {
      Mark at = marks.valueAt("replications");
      throw new ScenarioException(
          List.of(
              new Problem(
                  at.file(),
                  at.line(),
                  at.column(),
                  "replications",
                  sweep.pointCount()
                      + " sweep points × "
                      + base.replications()
                      + " replications is more than "
                      + MAX_RUNS
                      + " runs")));
    }
    List<Run> runs = new ArrayList<>();
    Set<Problem> problems = new LinkedHashSet<>();
    int points = sweep.pointCount();
    for (int point = 0; point < points; point++) {
      Map<String, String> values = sweep.point(point);
      Scenario scenario =
          points == 1 && values.isEmpty() ? base : bindPoint(root, marks, point, values, problems);
      if (scenario == null) {
        continue;
      }
      for (int replication = 0; replication < scenario.replications(); replication++) {
        runs.add(
            new Run(
                base.name() + "-p" + point + "-r" + replication,
                point,
                replication,
                // Common random numbers: every point draws replication r's streams of point 0.
                RunSeeds.seed(scenario.seed(), scenario.commonSeeds() ? 0 : point, replication),
                values,
                scenario));
      }
    }
    throwIfAny(namedByOverrides(new ArrayList<>(problems), overrides, overridePaths));
    return new ScenarioSet(file, base, runs);
  }

  private static Scenario bindPoint(
      JsonNode root, Marks marks, int point, Map<String, String> values, Set<Problem> problems) {
    JsonNode copy = root.deepCopy();
    Ctx ctx = new Ctx(marks);
    StringBuilder label = new StringBuilder();
    int k = 0;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      String keyPath = "sweep." + entry.getKey();
      Mark at = marks.valueAt(keyPath + "[" + indexOf(root, entry) + "]");
      label
          .append(k++ == 0 ? "" : ", ")
          .append(entry.getKey())
          .append('=')
          .append(entry.getValue());
      try {
        JsonNode value = scalar(entry.getValue());
        String path = KeyPath.set(copy, entry.getKey(), value);
        marks.markAll(path, value, at);
        marks.key(path, at);
        marks.markCreated(path, at);
      } catch (KeyPath.NoSuchKey e) {
        ctx.atKey(keyPath, "sweep key " + e.getMessage());
      } catch (ScenarioException e) {
        ctx.at(keyPath, "sweep value '" + entry.getValue() + "' is not YAML");
      }
    }
    if (ctx.ok()) {
      Scenario scenario = ScenarioBinder.bind(copy, ctx);
      if (ctx.ok()) {
        return scenario;
      }
    }
    for (Problem p : ctx.problems()) {
      problems.add(
          new Problem(
              p.file(),
              p.line(),
              p.column(),
              p.path(),
              p.message() + " (sweep point " + point + ": " + label + ")"));
    }
    return null;
  }

  private static int indexOf(JsonNode root, Map.Entry<String, String> entry) {
    JsonNode values = root.path("sweep").path(entry.getKey());
    for (int i = 0; i < values.size(); i++) {
      if (Obj.scalarText(values.get(i)).equals(entry.getValue())) {
        return i;
      }
    }
    return 0;
  }

  private static JsonNode scalar(String text) throws ScenarioException {
    return YamlTreeReader.read("value", text).root();
  }

  /**
   * Problems located at a {@code --set} name the key as it was given ({@code
   * overlays.frontend.mtu}, not {@code overlays[0].mtu}; {@code foo.bar}, not {@code foo}).
   */
  private static List<Problem> namedByOverrides(
      List<Problem> problems, List<String> overrides, List<String> paths) {
    List<Problem> named = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      int i = p.line() - 1;
      if (!p.file().equals("--set") || i < 0 || i >= overrides.size() || paths.get(i) == null) {
        named.add(p);
        continue;
      }
      String key = overrides.get(i).substring(0, overrides.get(i).indexOf('=')).trim();
      String path = paths.get(i);
      boolean under = p.path().startsWith(path + ".") || p.path().startsWith(path + "[");
      String rest = under ? p.path().substring(path.length()) : "";
      named.add(new Problem(p.file(), p.line(), p.column(), key + rest, p.message()));
    }
    return named;
  }

  /** Applies one {@code --set}; returns the path it set, or null when it could not. */
  private static String applyOverride(
      JsonNode root, Marks marks, String override, int number, Ctx ctx) {
    Mark at = new Mark("--set", number, 1);
    int equals = override.indexOf('=');
    if (equals <= 0) {
      ctx.problems()
          .add(new Problem("--set", number, 1, "", "'" + override + "' is not key=value"));
      return null;
    }
    String key = override.substring(0, equals).trim();
    String valueText = override.substring(equals + 1);
    try {
      JsonNode value =
          valueText.isBlank()
              ? NullNode.getInstance()
              : YamlTreeReader.read("--set", valueText).root();
      String path = KeyPath.set(root, key, value);
      marks.markAll(path, value, at);
      marks.key(path, at);
      marks.markCreated(path, at);
      return path;
    } catch (KeyPath.NoSuchKey e) {
      ctx.problems().add(new Problem("--set", number, 1, key, e.getMessage()));
    } catch (ScenarioException e) {
      ctx.problems()
          .add(
              new Problem(
                  "--set",
                  number,
                  equals + 2,
                  key,
                  "value is not YAML: " + e.problems().get(0).message()));
    }
    return null;
  }

  private static void throwIfAny(List<Problem> problems) throws ScenarioException {
    if (problems.isEmpty()) {
      return;
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column));
    if (sorted.size() > MAX_PROBLEMS) {
      int more = sorted.size() - MAX_PROBLEMS;
      Problem last = sorted.get(MAX_PROBLEMS - 1);
      sorted = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
      sorted.add(
          new Problem(
              last.file(), last.line(), last.column(), "", "… and " + more + " more problems"));
    }
    throw new ScenarioException(sorted);
  }

  private static ScenarioException fail(String file, String message) {
    return new ScenarioException(List.of(new Problem(file, 1, 1, "", message)));
  }
}
