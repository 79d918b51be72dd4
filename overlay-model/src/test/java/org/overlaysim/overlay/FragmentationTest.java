package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.topology.DropReason;

/** overlay-reference.md, "Oversized packets"; RFC 791 section 3.2 fragmentation. */
class FragmentationTest {
  private final ScenarioRun run = ScenarioRun.of("fragmentation.yaml").run();

  @Test
  void echoWithoutDfLargerThanTheContainerMtuPassesInFragments() {
    assertThat(run.observer.samples(0)).isEqualTo(3);
    // 3000 + 8 + 20 = 3028 bytes at MTU 1450: 1424 + 1424 + 160 data bytes, 3 fragments for each
    // request and each reply.
    assertThat(run.observer.fragments.get(0)).isEqualTo(3 * 2 * 3);
    assertThat(run.observer.payload.get(0)).isEqualTo(3 * 2 * 3000L);
  }

  @Test
  void containerMtuAboveTheVxlanMtuBlackHolesFullSizePacketsAtTheBridgeWithoutIcmp() {
    assertThat(run.observer.samples(1)).isZero();
    assertThat(run.observer.drops)
        .filteredOn(d -> d.flow() == 1)
        .hasSize(3)
        .allSatisfy(
            d -> {
              assertThat(d.where()).isEqualTo("h1/bridge");
              assertThat(d.reason()).isEqualTo(DropReason.MTU_EXCEEDED);
              assertThat(d.ipBytes()).isEqualTo(1500);
            });
    // No ICMP came back: the sender still believes in its 1500 bytes.
    assertThat(run.network.pathMtu("wide", "b")).isEqualTo(1500);
    assertThat(run.observer.wire.get(1)).isNull();
  }

  @Test
  void containerMtuAboveTheVxlanMtuStillPassesSmallPackets() {
    assertThat(run.observer.samples(2)).isEqualTo(3);
    assertThat(run.observer.drops).filteredOn(d -> d.flow() == 2).isEmpty();
  }
}
