package org.overlaysim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static long[] draw(RandomStream stream, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = stream.nextLong();
    }
    return out;
  }

  @Test
  void sameSeedReplicationAndNameGiveTheSameSequence() {
    long[] a = draw(new RandomStreams(7, 0).stream("link/a-b/loss"), 1_000);
    long[] b = draw(new RandomStreams(7, 0).stream("link/a-b/loss"), 1_000);

    assertThat(a).containsExactly(b);
  }

  @Test
  void differentNamesGiveDifferentSequences() {
    RandomStreams streams = new RandomStreams(7, 0);

    assertThat(draw(streams.stream("flow-1"), 100))
        .isNotEqualTo(draw(streams.stream("flow-2"), 100));
  }

  @Test
  void differentSeedsOrReplicationsGiveDifferentSequences() {
    long[] base = draw(new RandomStreams(7, 0).stream("x"), 100);

    assertThat(draw(new RandomStreams(8, 0).stream("x"), 100)).isNotEqualTo(base);
    assertThat(draw(new RandomStreams(7, 1).stream("x"), 100)).isNotEqualTo(base);
  }

  @Test
  void addingAndUsingAnotherStreamDoesNotChangeAStreamsNumbers() {
    long[] alone = draw(new RandomStreams(99, 3).stream("flow-a"), 500);

    RandomStreams streams = new RandomStreams(99, 3);
    RandomStream extraBefore = streams.stream("flow-new");
    RandomStream flowA = streams.stream("flow-a");
    RandomStream extraAfter = streams.stream("flow-newer");
    long[] interleaved = new long[500];
    for (int i = 0; i < 500; i++) {
      extraBefore.nextLong();
      interleaved[i] = flowA.nextLong();
      extraAfter.exponential(3.0);
    }

    assertThat(interleaved).containsExactly(alone);
  }

  @Test
  void namesWithTheSameJavaHashCodeGetDifferentStreams() {
    // "Aa" and "BB" collide under String.hashCode; the stream derivation must not.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    RandomStreams streams = new RandomStreams(1, 0);

    assertThat(draw(streams.stream("Aa"), 10)).isNotEqualTo(draw(streams.stream("BB"), 10));
  }

  @Test
  void streamsOfDifferentNamesAreUncorrelated() {
    RandomStreams streams = new RandomStreams(2024, 0);
    RandomStream x = streams.stream("link/1");
    RandomStream y = streams.stream("link/2");
    int n = 100_000;
    double sx = 0;
    double sy = 0;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double a = x.nextDouble();
      double b = y.nextDouble();
      sx += a;
      sy += b;
      sxy += a * b;
      sxx += a * a;
      syy += b * b;
    }
    double cov = sxy / n - (sx / n) * (sy / n);
    double corr =
        cov / Math.sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));

    // Under independence corr ~ N(0, 1/n): 5 standard deviations is 0.0158.
    assertThat(Math.abs(corr)).isLessThan(5 / Math.sqrt(n));
  }
}
