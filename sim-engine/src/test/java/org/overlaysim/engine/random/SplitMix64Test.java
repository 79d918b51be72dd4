package org.overlaysim.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
  @Test
  void finaliserMatchesTheReferenceOutput() {
    // First output of the reference SplitMix64 (Vigna's splitmix64.c) seeded with 0.
    assertThat(SplitMix64.mix(SplitMix64.GOLDEN_GAMMA)).isEqualTo(0xe220a8397b1dcdafL);
  }
}
