package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;

class LatencyStatsTest {
  private final RandomStreams streams = new RandomStreams(7, 0);

  @Test
  void flowWithoutSamplesHasEmptyStatistics() {
    LatencySummary summary = new LatencyStats(16, streams.stream("r")).summary();

    assertThat(summary.samples()).isZero();
    assertThat(summary.meanMs()).isNaN();
    assertThat(Csv.decimal(summary.p99Ms())).isEmpty();
  }

  @Test
  void statisticsOfOneToHundredMillisecondsAreTheTextbookValues() {
    LatencyStats stats = new LatencyStats(1024, streams.stream("r"));
    for (int ms = 100; ms >= 1; ms--) {
      stats.add(ms * 1_000_000L);
    }

    assertTextbookValuesOfOneToHundredMilliseconds(stats.summary());
  }

  private static void assertTextbookValuesOfOneToHundredMilliseconds(LatencySummary s) {
    assertThat(s.samples()).isEqualTo(100);
    assertThat(s.minMs()).isEqualTo(1.0);
    assertThat(s.maxMs()).isEqualTo(100.0);
    assertThat(s.meanMs()).isCloseTo(50.5, within(1e-9));
    // p = 1 + (n - 1) * q  ->  p50 = 50.5, p90 = 90.1, p99 = 99.01
    assertThat(s.p50Ms()).isCloseTo(50.5, within(1e-9));
    assertThat(s.p90Ms()).isCloseTo(90.1, within(1e-9));
    assertThat(s.p99Ms()).isCloseTo(99.01, within(1e-9));
    // sample standard deviation of 1..100 = sqrt(841.6666...)
    assertThat(s.stddevMs()).isCloseTo(Math.sqrt(841.6666666666666), within(1e-9));
  }

  @Test
  void reservoirKeepsMemoryBoundedAndPercentilesClose() {
    int capacity = 10_000;
    LatencyStats stats = new LatencyStats(capacity, streams.stream("r"));
    int n = 1_000_000;
    for (int i = 1; i <= n; i++) {
      stats.add(i);
    }

    LatencySummary s = stats.summary();

    assertThat(s.samples()).isEqualTo(n);
    assertThat(s.minMs()).isEqualTo(1e-6);
    assertThat(s.maxMs()).isEqualTo(n / 1e6);
    // With 10,000 retained samples the rank error is about 1/sqrt(10,000) = 1%: allow 3%.
    assertThat(s.p50Ms()).isCloseTo(0.5, within(0.03));
    assertThat(s.p90Ms()).isCloseTo(0.9, within(0.03));
  }

  @Test
  void sameSeedGivesTheSamePercentilesBeyondTheReservoir() {
    LatencyStats a = new LatencyStats(100, new RandomStreams(1, 0).stream("r"));
    LatencyStats b = new LatencyStats(100, new RandomStreams(1, 0).stream("r"));
    for (int i = 0; i < 10_000; i++) {
      a.add(i * 37L % 10_007);
      b.add(i * 37L % 10_007);
    }
    assertThat(a.summary()).isEqualTo(b.summary());
  }

  @Test
  void partsMergedWithinTheCapacityGiveTheStatisticsOfAllTheirSamples() {
    // 1..100 ms split over three partitions (as a flow's clients in three sites): merged, the
    // textbook values of 1..100 above, whatever the split.
    LatencyStats[] parts = new LatencyStats[3];
    for (int p = 0; p < 3; p++) {
      parts[p] = new LatencyStats(1024, streams.stream("part" + p));
    }
    for (int ms = 1; ms <= 100; ms++) {
      parts[(ms * 7) % 3].add(ms * 1_000_000L);
    }

    assertTextbookValuesOfOneToHundredMilliseconds(
        LatencyStats.merged(List.of(parts), 1024, streams.stream("m")).summary());
  }

  @Test
  void partsBeyondTheCapacityMergeIntoAReservoirFairToEachPart() {
    // Part one saw 1..900,000 ns, part two 900,001..1,000,000 ns: nine samples in ten come from
    // the first, so a fair merged reservoir keeps its p50 near 0.5 ms and p90 near 0.9 ms (the
    // rank error of 10,000 retained samples is about 1%: allow 3%).
    LatencyStats first = new LatencyStats(10_000, streams.stream("a"));
    LatencyStats second = new LatencyStats(10_000, streams.stream("b"));
    for (int i = 1; i <= 1_000_000; i++) {
      (i <= 900_000 ? first : second).add(i);
    }

    LatencySummary s =
        LatencyStats.merged(List.of(first, second), 10_000, streams.stream("m")).summary();

    assertThat(s.samples()).isEqualTo(1_000_000);
    assertThat(s.minMs()).isEqualTo(1e-6);
    assertThat(s.maxMs()).isEqualTo(1.0);
    assertThat(s.meanMs()).isCloseTo(0.5000005, within(1e-9));
    assertThat(s.p50Ms()).isCloseTo(0.5, within(0.03));
    assertThat(s.p90Ms()).isCloseTo(0.9, within(0.03));
    assertThat(s.p99Ms()).isCloseTo(0.99, within(0.03));
  }
}
