package org.overlaysim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * Distribution checks: the sample mean of n draws is within 5 standard errors of the true mean (a
 * false alarm about once in 1.7 million runs; the seeds are fixed anyway, so a pass is stable).
 */
class RandomStreamTest {
  private static final int N = 200_000;

  private static RandomStream stream(String name) {
    return new RandomStreams(12345, 0).stream(name);
  }

  private static double[] meanAndVariance(DoubleSupplier draw) {
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < N; i++) {
      double x = draw.getAsDouble();
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / N;
    return new double[] {mean, sumSq / N - mean * mean};
  }

  private static void assertMeanWithinFiveStandardErrors(
      double observedMean, double trueMean, double trueVariance) {
    assertThat(observedMean)
        .isCloseTo(trueMean, org.assertj.core.data.Offset.offset(5 * Math.sqrt(trueVariance / N)));
  }

  @Test
  void nextDoubleIsUniformOnTheUnitInterval() {
    RandomStream s = stream("u");
    double[] mv = meanAndVariance(s::nextDouble);

    assertMeanWithinFiveStandardErrors(mv[0], 0.5, 1.0 / 12);
    assertThat(mv[1]).isCloseTo(1.0 / 12, org.assertj.core.data.Offset.offset(0.002));
  }

  @Test
  void uniformHasTheMeanOfItsInterval() {
    RandomStream s = stream("uniform");
    double[] mv = meanAndVariance(() -> s.uniform(10, 30));

    assertMeanWithinFiveStandardErrors(mv[0], 20, 400.0 / 12);
  }

  @Test
  void exponentialHasTheRequestedMeanAndVariance() {
    RandomStream s = stream("exp");
    double[] mv = meanAndVariance(() -> s.exponential(2.5));

    assertMeanWithinFiveStandardErrors(mv[0], 2.5, 6.25);
    assertThat(mv[1]).isCloseTo(6.25, org.assertj.core.data.Offset.offset(0.25));
  }

  @Test
  void exponentialIsNeverNegativeOrInfinite() {
    RandomStream s = stream("exp-range");
    for (int i = 0; i < N; i++) {
      assertThat(s.exponential(1.0)).isFinite().isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void normalHasTheRequestedMeanAndVariance() {
    RandomStream s = stream("normal");
    double[] mv = meanAndVariance(() -> s.normal(-3, 2));

    assertMeanWithinFiveStandardErrors(mv[0], -3, 4);
    assertThat(mv[1]).isCloseTo(4, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void paretoHasItsMeanAndNeverGoesBelowTheScale() {
    RandomStream s = stream("pareto");
    double xm = 1.5;
    double alpha = 5; // finite variance: xm^2 alpha / ((alpha-1)^2 (alpha-2))
    double[] mv =
        meanAndVariance(
            () -> {
              double x = s.pareto(xm, alpha);
              assertThat(x).isGreaterThanOrEqualTo(xm);
              return x;
            });

    double variance = xm * xm * alpha / ((alpha - 1) * (alpha - 1) * (alpha - 2));
    assertMeanWithinFiveStandardErrors(mv[0], alpha * xm / (alpha - 1), variance);
  }

  @Test
  void nextLongStaysBelowItsBoundAndCoversItEvenly() {
    RandomStream s = stream("bounded");
    int bound = 10;
    int[] counts = new int[bound];
    for (int i = 0; i < N; i++) {
      long v = s.nextLong(bound);
      assertThat(v).isBetween(0L, bound - 1L);
      counts[(int) v]++;
    }
    // Each count is Binomial(N, 0.1): standard deviation sqrt(N * 0.09) ~ 134.
    for (int c : counts) {
      assertThat(c).isBetween(N / bound - 670, N / bound + 670);
    }
  }

  @Test
  void nextLongWithANonPowerOfTwoBoundNearTheTopOfTheRangeIsUnbiased() {
    RandomStream s = stream("big-bound");
    long bound = (Long.MAX_VALUE / 3) * 2; // rejection matters here: plain modulo would skew low
    int below = 0;
    for (int i = 0; i < N; i++) {
      if (s.nextLong(bound) < bound / 2) {
        below++;
      }
    }
    assertThat(below).isBetween(N / 2 - 1_200, N / 2 + 1_200);
  }

  @Test
  void invalidParametersAreRejected() {
    RandomStream s = stream("invalid");
    assertThatThrownBy(() -> s.exponential(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.nextLong(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.pareto(1, -2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.uniform(3, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.normal(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
