package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.topology.internal.IntToIntIndex;

class IntToIntIndexTest {
  @Test
  void findsEveryKeyOfAConsecutiveAddressRangeAndNothingElse() {
    int n = 5000;
    int base = Ipv4.parse("10.0.0.0").bits();
    int[] keys = new int[n];
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = base + i;
      values[i] = n - 1 - i;
    }
    IntToIntIndex index = new IntToIntIndex(keys, values);
    for (int i = 0; i < n; i++) {
      assertThat(index.get(base + i)).isEqualTo(n - 1 - i);
    }
    assertThat(index.get(base + n)).isEqualTo(-1);
    assertThat(index.get(0)).isEqualTo(-1);
  }

  @Test
  void duplicateKeyIsRejected() {
    assertThatThrownBy(() -> new IntToIntIndex(new int[] {7, 7}, new int[] {0, 1}))
        .hasMessageContaining("duplicate key 7");
  }
}
