package org.overlaysim.overlay.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * How a traffic entry whose {@code from} or {@code to} names a group becomes container pairs:
 * source {@code i} (in definition order) is paired with destination {@code i mod m}; when that is
 * the source itself, with the next destination instead (a container does not ping itself); a single
 * container paired only with itself gives no pair. Deterministic, and every destination is used
 * when there are at least as many sources.
 */
public final class EndpointPairing {
  private EndpointPairing() {}

  /** Pairs as {@code {source, destination}} container indices. */
  public static List<int[]> pairs(int[] sources, int[] destinations) {
    List<int[]> pairs = new ArrayList<>(sources.length);
    int m = destinations.length;
    for (int i = 0; i < sources.length; i++) {
      int d = destinations[i % m];
      if (d == sources[i]) {
        if (m == 1) {
          continue;
        }
        d = destinations[(i + 1) % m];
      }
      pairs.add(new int[] {sources[i], d});
    }
    return pairs;
  }
}
