package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The key syntax of {@code sweep} and {@code --set}: dot-separated keys into the document, where a
 * list element is chosen by its name ({@code overlays.frontend.mtu}; policies by {@code
 * metadata.name}) or by index ({@code traffic[0].count} or {@code traffic.0.count}).
 */
public final class KeyPath {
  private KeyPath() {}

  /** Thrown when a key names nothing in the document. */
  public static final class NoSuchKey extends Exception {
    private static final long serialVersionUID = 1L;

    NoSuchKey(String message) {
      super(message);
    }
  }

  static List<String> segments(String key) throws NoSuchKey {
    List<String> segments = new ArrayList<>();
    for (String part : key.split("\\.", -1)) {
      int bracket = part.indexOf('[');
      String head = bracket < 0 ? part : part.substring(0, bracket);
      if (!head.isEmpty()) {
        segments.add(head);
      } else if (bracket != 0) {
        throw new NoSuchKey("empty key segment in '" + key + "'");
      }
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        if (close < 0) {
          throw new NoSuchKey("unclosed '[' in '" + key + "'");
        }
        segments.add(part.substring(bracket + 1, close));
        bracket = part.indexOf('[', close);
        if (bracket < 0 && close != part.length() - 1) {
          throw new NoSuchKey("text after ']' in '" + key + "'");
        }
      }
    }
    return segments;
  }

  /**
   * Sets the value at {@code key}, creating missing mapping members (the binder then rejects
   * unknown ones with a did-you-mean), and returns the normalised path of the value (the path
   * problems are reported under, e.g. {@code overlays[0].mtu}).
   */
  public static String set(JsonNode root, String key, JsonNode value) throws NoSuchKey {
    List<String> segments = segments(key);
    JsonNode current = root;
    String path = "";
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (current instanceof ObjectNode object) {
        String childPath = Paths.field(path, segment);
        if (last) {
          object.set(segment, value);
          return childPath;
        }
        JsonNode child = object.get(segment);
        if (child == null || child.isNull()) {
          if (isIndex(segments.get(i + 1))) {
            throw new NoSuchKey(
                "'" + key + "' names nothing: the scenario has no " + childPath + " to index");
          }
          child = object.putObject(segment);
        }
        current = child;
        path = childPath;
      } else if (current instanceof ArrayNode array) {
        int index = element(array, segment, key, path);
        String childPath = Paths.index(path, index);
        if (last) {
          array.set(index, value);
          return childPath;
        }
        current = array.get(index);
        path = childPath;
      } else {
        throw new NoSuchKey(
            "'"
                + key
                + "' goes through "
                + (path.isEmpty() ? "the document" : path)
                + ", which is a value, not a mapping or a list");
      }
    }
    throw new NoSuchKey("empty key");
  }

  private static int element(ArrayNode array, String segment, String key, String path)
      throws NoSuchKey {
    if (isIndex(segment)) {
      int index = Integer.parseInt(segment);
      if (index >= array.size()) {
        throw new NoSuchKey(
            "'" + key + "': " + path + " has " + array.size() + " entries, no [" + index + "]");
      }
      return index;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String name = nameOf(array.get(i));
      if (segment.equals(name)) {
        return i;
      }
      if (name != null) {
        names.add(name);
      }
    }
    throw new NoSuchKey(
        "'"
            + key
            + "' names nothing: no "
            + path
            + " entry named '"
            + segment
            + "'"
            + Suggest.known(segment, names));
  }

  private static boolean isIndex(String segment) {
    return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
  }

  private static String nameOf(JsonNode element) {
    if (element.has("name") && element.get("name").isValueNode()) {
      return element.get("name").asText();
    }
    JsonNode metadata = element.get("metadata");
    if (metadata != null && metadata.has("name")) {
      return metadata.get("name").asText();
    }
    return null;
  }
}
