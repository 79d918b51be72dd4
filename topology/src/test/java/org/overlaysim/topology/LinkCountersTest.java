package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkCountersTest {
  @Test
  void dropsCountQueueFullAndLinkLossButNotMtuRefusalsWhichTheSenderResolves() {
    LinkCounters counters =
        new LinkCounters("wan", "r-a->r-b", 10, 15000, 15380, 0, 9, 2, 1, 0, 5, 0);

    assertThat(counters.drops()).isEqualTo(3);
    assertThat(counters.mtuRefusals()).isEqualTo(5);
  }

  @Test
  void utilizationIsBusyTimeOverElapsedTimeCappedAtOne() {
    LinkCounters counters = new LinkCounters("l", "a->b", 1, 1500, 1538, 250, 1, 0, 0, 0, 0, 0);

    assertThat(counters.utilization(1000)).isEqualTo(0.25);
    assertThat(counters.utilization(100)).isEqualTo(1.0);
    assertThat(counters.utilization(0)).isZero();
  }
}
