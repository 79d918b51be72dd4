package org.overlaysim.overlay.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointPairingTest {
  @Test
  void sourceIPingsDestinationIModuloTheGroupSize() {
    List<int[]> pairs = EndpointPairing.pairs(new int[] {1, 2, 3, 4}, new int[] {7, 8});
    assertThat(pairs)
        .containsExactly(new int[] {1, 7}, new int[] {2, 8}, new int[] {3, 7}, new int[] {4, 8});
  }

  @Test
  void aSourceChosenAsItsOwnDestinationTakesTheNextOne() {
    List<int[]> pairs = EndpointPairing.pairs(new int[] {1, 2, 3}, new int[] {1, 2, 3});
    assertThat(pairs).containsExactly(new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 1});
  }

  @Test
  void aContainerAloneWithItselfMakesNoPair() {
    assertThat(EndpointPairing.pairs(new int[] {5}, new int[] {5})).isEmpty();
  }
}
