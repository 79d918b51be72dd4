package org.overlaysim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sweep} block: for each key path (e.g. {@code underlay.defaults.mtu}), the values it
 * takes, as YAML scalar text. Runs cover the cartesian product, the first key varying slowest.
 */
public record Sweep(Map<String, List<String>> parameters) {
  public static final Sweep NONE = new Sweep(Map.of());

  public Sweep {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    parameters.forEach(
        (key, values) -> {
          if (values.isEmpty()) {
            throw new IllegalArgumentException("sweep key " + key + " has no values");
          }
          copy.put(key, List.copyOf(values));
        });
    parameters = Collections.unmodifiableMap(copy);
  }

  public int pointCount() {
    int count = 1;
    for (List<String> values : parameters.values()) {
      count = Math.multiplyExact(count, values.size());
    }
    return count;
  }

  /** The key to value assignment of point {@code index} (0-based, first key slowest). */
  public Map<String, String> point(int index) {
    List<String> keys = new ArrayList<>(parameters.keySet());
    Map<String, String> assignment = new LinkedHashMap<>();
    int remainder = index;
    int[] digits = new int[keys.size()];
    for (int i = keys.size() - 1; i >= 0; i--) {
      int size = parameters.get(keys.get(i)).size();
      digits[i] = remainder % size;
      remainder /= size;
    }
    for (int i = 0; i < keys.size(); i++) {
      assignment.put(keys.get(i), parameters.get(keys.get(i)).get(digits[i]));
    }
    return Collections.unmodifiableMap(assignment);
  }
}
