package org.overlaysim.scenario.internal;

import java.util.Collection;
import java.util.List;

/** "did you mean" suggestions by Levenshtein distance, and short lists of known names. */
public final class Suggest {
  private static final int LISTED = 5;

  private Suggest() {}

  /** The closest candidate if it is close enough to be a likely typo, else null. */
  public static String closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wrong.toLowerCase(), candidate.toLowerCase(), bestDistance);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    int allowed = Math.max(2, wrong.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** {@code " (did you mean 'x'?)"} or empty. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    String best = closest(wrong, candidates);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** {@code " (did you mean 'fra-1'? known: fra-1, fra-2, …, 100 in all)"}. */
  public static String known(String wrong, List<String> names) {
    if (names.isEmpty()) {
      return " (none defined)";
    }
    String best = closest(wrong, names);
    StringBuilder text = new StringBuilder(" (");
    if (best != null) {
      text.append("did you mean '").append(best).append("'? ");
    }
    text.append("known: ");
    int shown = Math.min(LISTED, names.size());
    text.append(String.join(", ", names.subList(0, shown)));
    if (names.size() > shown) {
      text.append(", … ").append(names.size()).append(" in all");
    }
    return text.append(')').toString();
  }

  /** Levenshtein distance, giving up (returning limit) once it cannot beat {@code limit}. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
