package org.overlaysim.scenario.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers for binders. */
final class Checks {
  private Checks() {}

  /** A sorted, unmodifiable copy, shared by every container of a count entry. */
  static Map<String, String> sortedLabels(Map<String, String> labels) {
    return Collections.unmodifiableMap(new TreeMap<>(labels));
  }
}
