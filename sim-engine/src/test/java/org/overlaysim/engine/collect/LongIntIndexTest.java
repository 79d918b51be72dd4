package org.overlaysim.engine.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongIntIndexTest {
  @Test
  void findsEveryOneOfOneHundredFiftyThousandAddressesAndNothingElse() {
    // The k8s-max case: 150,000 consecutive pod addresses in 10 overlays.
    int n = 150_000;
    LongIntIndex index = new LongIntIndex(n);
    for (int i = 0; i < n; i++) {
      index.putIfAbsent(key(i % 10, 0x0a640000 + i), i);
    }
    for (int i = 0; i < n; i++) {
      assertThat(index.get(key(i % 10, 0x0a640000 + i))).isEqualTo(i);
    }
    assertThat(index.get(key(1, 0x0a640000))).as("same address, other overlay").isEqualTo(-1);
    assertThat(index.get(key(0, 0x0a640000 + n))).as("next free address").isEqualTo(-1);
  }

  @Test
  void keepsTheFirstValuePutForAKey() {
    LongIntIndex index = new LongIntIndex(2);
    index.putIfAbsent(42, 1);
    index.putIfAbsent(42, 2);
    assertThat(index.get(42)).isEqualTo(1);
  }

  @Test
  void keysThatCollideInTheTableAreAllFound() {
    // Multiples of a large power of two share their low bits; probing must still find them.
    LongIntIndex index = new LongIntIndex(64);
    for (int i = 0; i < 64; i++) {
      index.putIfAbsent((long) i << 40, i);
    }
    for (int i = 0; i < 64; i++) {
      assertThat(index.get((long) i << 40)).isEqualTo(i);
    }
  }

  private static long key(int overlay, int ip) {
    return (long) overlay << 32 | (ip & 0xffffffffL);
  }
}
