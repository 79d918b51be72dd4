package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code seeds: common} (common random numbers across sweep points) and {@code sample}. */
class SeedsAndSampleKeysTest {
  private static final String SWEEP = "replications: 2\nsweep:\n  duration: [1s, 2s, 3s]\n";

  private static List<Long> seeds(ScenarioSet set, int replication) {
    return set.runs().stream().filter(r -> r.replication() == replication).map(Run::seed).toList();
  }

  @Test
  void independentSeedsDifferBetweenPointsAndCommonSeedsAreSharedPerReplication() throws Exception {
    ScenarioSet independent = Yaml.load(Yaml.minimal() + SWEEP);
    ScenarioSet common = Yaml.load(Yaml.minimal() + SWEEP + "seeds: common\n");

    assertThat(independent.base().commonSeeds()).isFalse();
    assertThat(seeds(independent, 0)).doesNotHaveDuplicates().hasSize(3);
    assertThat(common.base().commonSeeds()).isTrue();
    assertThat(seeds(common, 0)).hasSize(3).containsOnly(seeds(independent, 0).get(0));
    assertThat(seeds(common, 1)).hasSize(3).containsOnly(seeds(independent, 1).get(0));
    assertThat(seeds(common, 0).get(0)).isNotEqualTo(seeds(common, 1).get(0));
    assertThat(Yaml.load(Yaml.minimal() + SWEEP, "seeds=common").runs())
        .extracting(Run::seed)
        .isEqualTo(common.runs().stream().map(Run::seed).toList());
  }

  @Test
  void aMisspeltSeedsValueGetsADidYouMeanAtItsLine() {
    String text = Yaml.minimal() + "seeds: comon\n";
    assertThat(Yaml.problems(text))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("seeds");
              assertThat(p.message())
                  .contains("'comon' is not one of independent, common")
                  .contains("did you mean 'common'");
              assertThat(p.line()).isEqualTo(Yaml.minimal().split("\n").length + 1);
              assertThat(p.column()).isEqualTo(8);
            });
  }

  @Test
  void sampleIsADurationAboveZeroWithABoundedNumberOfIntervals() throws Exception {
    assertThat(Yaml.scenario(Yaml.minimal()).sampleNs()).isZero();
    assertThat(Yaml.scenario(Yaml.minimal() + "sample: 10ms\n").sampleNs()).isEqualTo(10_000_000L);
    assertThat(Yaml.problems(Yaml.minimal() + "sample: 0s\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("sample");
              assertThat(p.message()).contains("must be above zero");
              assertThat(p.line()).isEqualTo(Yaml.minimal().split("\n").length + 1);
            });
    assertThat(Yaml.problems(Yaml.minimal() + "sample: 10\n"))
        .singleElement()
        .extracting(Problem::path)
        .isEqualTo("sample");
    assertThat(Yaml.problems(Yaml.minimal() + "sample: 1us\n"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("makes 10000000 intervals over the duration; at most 1000000"));
  }
}
