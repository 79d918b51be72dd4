package org.overlaysim.engine;

import org.overlaysim.engine.random.FdLibmLog;
import org.overlaysim.engine.random.Xoshiro256PlusPlus;

/**
 * One independent sequence of random numbers (xoshiro256++); not thread-safe. Continuous draws are
 * inverse transforms of {@link #nextDouble()} computed with fdlibm's algorithms ({@link StrictMath}
 * and {@link FdLibmLog}, a pure-Java port that gives the same bits), specified bit for bit, so a
 * seed gives the same samples on every JVM and CPU.
 */
public final class RandomStream {
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private final Xoshiro256PlusPlus generator;
  private double spareNormal;
  private boolean hasSpareNormal;

  RandomStream(long streamSeed) {
    this.generator = new Xoshiro256PlusPlus(streamSeed);
  }

  /** 64 uniformly distributed bits. */
  public long nextLong() {
    return generator.nextLong();
  }

  /** Uniform in [0, 1), on the 2^53 grid of doubles. */
  public double nextDouble() {
    return (generator.nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform in [0, bound), without modulo bias (rejection of the incomplete top range). */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long m = bound - 1;
    long r = generator.nextLong() >>> 1;
    if ((bound & m) == 0) {
      return r & m;
    }
    for (long u = r; u - (r = u % bound) + m < 0; u = generator.nextLong() >>> 1) {
      // u's range [u - r, u - r + bound) overflows: the value would be biased, draw again
    }
    return r;
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  /** Uniform in [low, high). */
  public double uniform(double low, double high) {
    if (!(low < high)) {
      throw new IllegalArgumentException("need low < high, got [" + low + ", " + high + ")");
    }
    return low + (high - low) * nextDouble();
  }

  /** Exponential with the given mean: -mean ln(1 - U), with 1 - U in (0, 1] so never infinite. */
  public double exponential(double mean) {
    if (!(mean > 0)) {
      throw new IllegalArgumentException("mean must be positive, got " + mean);
    }
    return -mean * FdLibmLog.log(1.0 - nextDouble());
  }

  /**
   * Normal (Gaussian) by Marsaglia's polar method; the second value of each pair is kept for the
   * next call.
   */
  public double normal(double mean, double standardDeviation) {
    if (!(standardDeviation >= 0)) {
      throw new IllegalArgumentException(
          "standard deviation must be >= 0, got " + standardDeviation);
    }
    return mean + standardDeviation * standardNormal();
  }

  /**
   * Pareto (type I) with scale {@code xm} (the minimum) and shape {@code alpha}: xm (1 - U)^(-1 /
   * alpha). The mean is alpha xm / (alpha - 1) for alpha > 1, infinite otherwise.
   */
  public double pareto(double xm, double alpha) {
    if (!(xm > 0) || !(alpha > 0)) {
      throw new IllegalArgumentException(
          "scale and shape must be positive, got " + xm + ", " + alpha);
    }
    return xm * StrictMath.pow(1.0 - nextDouble(), -1.0 / alpha);
  }

  private double standardNormal() {
    if (hasSpareNormal) {
      hasSpareNormal = false;
      return spareNormal;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = StrictMath.sqrt(-2 * FdLibmLog.log(s) / s);
    spareNormal = v * factor;
    hasSpareNormal = true;
    return u * factor;
  }
}
