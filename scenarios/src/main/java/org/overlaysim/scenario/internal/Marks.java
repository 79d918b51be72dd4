package org.overlaysim.scenario.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a scenario tree came from, keyed by YAML path ({@code containers[3].host}).
 * Keys are remembered separately from values so an unknown key points at the key itself.
 */
public final class Marks {
  private final Mark documentStart;
  private final Map<String, Mark> values = new HashMap<>();
  private final Map<String, Mark> keys = new HashMap<>();

  public Marks(String file) {
    this.documentStart = new Mark(file, 1, 1);
  }

  public void value(String path, Mark mark) {
    values.put(path, mark);
  }

  public void key(String path, Mark mark) {
    keys.put(path, mark);
  }

  /** The value's mark, or the nearest ancestor's, or the document start. */
  public Mark valueAt(String path) {
    String current = path;
    while (true) {
      Mark mark = values.get(current);
      if (mark != null) {
        return mark;
      }
      if (current.isEmpty()) {
        return documentStart;
      }
      current = Paths.parent(current);
    }
  }

  /** The key's mark for an object member, else as {@link #valueAt}. */
  public Mark keyAt(String path) {
    Mark mark = keys.get(path);
    return mark != null ? mark : valueAt(path);
  }

  /**
   * Gives each ancestor of {@code path} that has no mark of its own {@code mark}: members a {@code
   * --set} created are located at the {@code --set}, not at the document start.
   */
  public void markCreated(String path, Mark mark) {
    for (String p = Paths.parent(path);
        !p.isEmpty() && !values.containsKey(p);
        p = Paths.parent(p)) {
      values.put(p, mark);
      keys.put(p, mark);
    }
  }

  /** Gives every path under {@code path} in {@code subtree} the same mark (copied nodes). */
  public void markAll(String path, com.fasterxml.jackson.databind.JsonNode subtree, Mark mark) {
    values.put(path, mark);
    if (subtree.isObject()) {
      subtree
          .fields()
          .forEachRemaining(
              e -> {
                String child = Paths.field(path, e.getKey());
                keys.put(child, mark);
                markAll(child, e.getValue(), mark);
              });
    } else if (subtree.isArray()) {
      for (int i = 0; i < subtree.size(); i++) {
        markAll(Paths.index(path, i), subtree.get(i), mark);
      }
    }
  }
}
