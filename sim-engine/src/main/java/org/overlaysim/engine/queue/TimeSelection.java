package org.overlaysim.engine.queue;

/** Order statistics on a scratch array of times. */
final class TimeSelection {
  private TimeSelection() {}

  /**
   * The {@code k}-th smallest value (0-based) of {@code values}, reordering the array: Hoare's
   * quickselect with a median-of-three pivot, O(n) expected.
   */
  static long select(long[] values, int k) {
    return select(values, values.length, k);
  }

  /** As {@link #select(long[], int)} over the first {@code length} values only. */
  static long select(long[] values, int length, int k) {
    int lo = 0;
    int hi = length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      long pivot = median(values[lo], values[mid], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = values[i];
          values[i] = values[j];
          values[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return values[k];
      }
    }
    return values[k];
  }

  private static long median(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
