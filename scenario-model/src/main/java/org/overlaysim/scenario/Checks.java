package org.overlaysim.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Argument checks shared by the compact constructors of the scenario records. */
final class Checks {
  private Checks() {}

  static String name(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return value;
  }

  /** The fields a tcp and a request-response flow share: name, ends, port, TCP options. */
  static void tcpFlow(
      String name,
      Endpoint from,
      Endpoint to,
      int port,
      CongestionAlgorithm congestionControl,
      long traceIntervalNs) {
    name(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    range(port, 1, 65535, "port");
    Objects.requireNonNull(congestionControl, "congestionControl");
    nonNegative(traceIntervalNs, "tcpTrace");
  }

  static long positive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be above zero: " + value);
    }
    return value;
  }

  static long nonNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
    return value;
  }

  static int range(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " outside " + min + ".." + max + ": " + value);
    }
    return value;
  }

  static <T> List<T> list(List<T> values) {
    return List.copyOf(values);
  }

  /** Labels keep a sorted order so that anything derived from them is deterministic. */
  static Map<String, String> sorted(Map<String, String> values) {
    return Collections.unmodifiableMap(new TreeMap<>(values));
  }
}
