package org.overlaysim.scenario.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Looks a name up; reports an unknown one with the known names. Null when unknown. */
  <T> T ref(Map<String, T> map, String kind, String name, String path) {
    if (name == null) {
      return null;
    }
    T found = map.get(name);
    if (found == null) {
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
