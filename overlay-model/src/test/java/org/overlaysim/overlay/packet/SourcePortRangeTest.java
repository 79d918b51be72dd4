package org.overlaysim.overlay.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourcePortRangeTest {
  @Test
  void extremeHashesMapToTheBoundsInclusive() {
    assertThat(SourcePortRange.RFC_7348.portFor(0)).isEqualTo(49152);
    assertThat(SourcePortRange.RFC_7348.portFor(0xffff)).isEqualTo(65535);
  }

  @Test
  void singlePortRangeAlwaysGivesThatPort() {
    assertThat(new SourcePortRange(4789, 4789).portFor(123456)).isEqualTo(4789);
  }

  @Test
  void invertedRangeIsRejected() {
    assertThatThrownBy(() -> new SourcePortRange(60000, 50000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seedChangesTheHashSoHostsDiffer() {
    assertThat(FlowHash.jhash3(1, 2, 3, 0)).isNotEqualTo(FlowHash.jhash3(1, 2, 3, 1));
  }
}
