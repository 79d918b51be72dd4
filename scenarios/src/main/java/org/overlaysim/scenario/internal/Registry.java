package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Namespace;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Router;
import org.overlaysim.scenario.Site;

/** The named things of a scenario as binding finds them, and reference resolution. */
final class Registry {

  final Map<String, Site> sites = new LinkedHashMap<>();
  final Map<String, Router> routers = new LinkedHashMap<>();
  final Map<String, LinkSpec> links = new LinkedHashMap<>();
  final Map<String, Host> hosts = new LinkedHashMap<>();
  final Map<String, Overlay> overlays = new LinkedHashMap<>();
  final Map<String, Namespace> namespaces = new LinkedHashMap<>();

  /** Container name to itself, and group name to its members, in definition order. */
  final Map<String, List<String>> containerGroups = new LinkedHashMap<>();

  final Map<String, Boolean> containers = new LinkedHashMap<>();
  long durationNs;

  /**
   * Every name written in an entry of a kind ({@code name}, {@code group}), valid or not; names of
   * entries made with {@code count} are kept apart, as their members are {@code name-1..name-N}. An
   * entry that failed validation still defines its name: a reference to it is not a second problem.
   * Only once a problem is reported: until then an unknown name is reported whatever was written,
   * so a scenario never loads with an entry silently left out.
   */
  private final Map<String, Set<String>> declared = new HashMap<>();

  private final Map<String, Set<String>> declaredCounts = new HashMap<>();

  /** Where each name of a kind was first defined, for duplicate messages. */
  private final Map<String, Map<String, String>> firstPaths = new HashMap<>();

  private final Ctx ctx;

  Registry(Ctx ctx) {
    this.ctx = ctx;
  }

  /**
   * Claims {@code name} in the name space {@code space}; reports a malformed or duplicate name.
   * Returns whether the claim succeeded.
   */
  boolean claim(String space, String kind, String name, String path) {
    if (!isName(name)) {
      ctx.at(
          path,
          kind
              + " name '"
              + name
              + "' must start with a letter or digit and hold only letters, digits, '.', '_', '-'");
      return false;
    }
    Map<String, String> seen = firstPaths.computeIfAbsent(space, s -> new HashMap<>());
    String first = seen.putIfAbsent(name, path);
    if (first != null) {
      Mark mark = ctx.marks().valueAt(first);
      ctx.at(
          path,
          "duplicate "
              + kind
              + " name '"
              + name
              + "' (first defined at line "
              + mark.line()
              + ", "
              + first
              + ")");
      return false;
    }
    return true;
  }

  /**
   * Kinds whose names cannot all be known (a required list missing, a list that is not one, an
   * entry without a name that is text): reported there, so no name of the kind is unknown.
   */
  private final Set<String> unlisted = new HashSet<>();

  /** As {@link #declare}, for the list of a required key: missing, it hides every name too. */
  void declareRequired(String kind, JsonNode entries) {
    if (entries.isMissingNode()) {
      unlisted.add(kind);
    }
    declare(kind, entries);
  }

  /** Declares the names written in {@code entries}, the list of {@code kind}'s entries. */
  void declare(String kind, JsonNode entries) {
    if (!entries.isMissingNode() && !entries.isArray()) {
      unlisted.add(kind);
    }
    for (JsonNode entry : entries.isArray() ? entries : List.<JsonNode>of()) {
      JsonNode name = entry.path("name");
      if (kind.equals("link") && name.isMissingNode()) {
        name =
            entry.path("a").isValueNode() && entry.path("b").isValueNode()
                ? TextNode.valueOf(entry.path("a").asText() + "--" + entry.path("b").asText())
                : name;
      }
      if (!name.isValueNode() || name.isNull()) {
        unlisted.add(kind); // which name this entry meant is anyone's guess
        continue;
      }
      boolean count = entry.has("count");
      if (!count || kind.equals("container")) { // a container count's name is a group's too
        declared.computeIfAbsent(kind, k -> new HashSet<>()).add(name.asText());
      }
      if (count) {
        declaredCounts.computeIfAbsent(kind, k -> new HashSet<>()).add(name.asText());
      }
      if (entry.path("group").isValueNode()) {
        declared.computeIfAbsent(kind, k -> new HashSet<>()).add(entry.path("group").asText());
      }
    }
  }

  /** Whether the file writes an entry of {@code kind} named {@code name}, valid or not. */
  boolean declared(String kind, String name) {
    if (ctx.ok()) {
      return false; // nothing reported yet: an unknown name is the first problem, never hidden
    }
    if (unlisted.contains(kind) || declared.getOrDefault(kind, Set.of()).contains(name)) {
      return true;
    }
    int dash = name.lastIndexOf('-');
    return dash > 0
        && dash < name.length() - 1
        && name.substring(dash + 1).chars().allMatch(c -> c >= '0' && c <= '9')
        && declaredCounts.getOrDefault(kind, Set.of()).contains(name.substring(0, dash));
  }

  /** Whether a declared name of {@code kind} (a count entry's first member) matches. */
  boolean declaredMatch(String kind, Predicate<String> matches) {
    if (ctx.ok()) {
      return false;
    }
    if (unlisted.contains(kind)) {
      return true;
    }
    for (String name : declared.getOrDefault(kind, Set.of())) {
      if (matches.test(name)) {
        return true;
      }
    }
    for (String name : declaredCounts.getOrDefault(kind, Set.of())) {
      if (matches.test(name + "-1")) {
        return true;
      }
    }
    return false;
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._#-]*}, checked without a regex: it runs once per container. */
  static boolean isName(String name) {
    if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) || name.charAt(0) > 127) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '#'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Looks a name up; reports an unknown one with the known names. Null when unknown, or when its
   * entry failed validation (reported there).
   */
  <T> T ref(Map<String, T> map, String kind, String name, String path) {
    if (name == null) {
      return null;
    }
    T found = map.get(name);
    if (found == null && !declared(kind, name)) {
      ctx.at(
          path,
          "unknown "
              + kind
              + " '"
              + name
              + "'"
              + Suggest.known(name, new ArrayList<>(map.keySet())));
    }
    return found;
  }
}
