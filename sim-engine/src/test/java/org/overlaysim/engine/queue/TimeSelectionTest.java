package org.overlaysim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeSelectionTest {

  @Test
  void selectsTheKthSmallestOfRandomValuesWithDuplicates() {
    SplittableRandom random = new SplittableRandom(9);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(300);
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(50);
      }
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      int k = random.nextInt(n);

      assertThat(TimeSelection.select(values, k)).isEqualTo(sorted[k]);
    }
  }

  @Test
  void selectsWithinAPrefixOnly() {
    long[] values = {9, 1, 5, 3, -100, -200};

    assertThat(TimeSelection.select(values, 4, 0)).isEqualTo(1);
    assertThat(TimeSelection.select(values, 4, 3)).isEqualTo(9);
  }
}
