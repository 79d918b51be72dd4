package org.overlaysim.report;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.overlaysim.engine.RandomStream;

/**
 * Latency samples of one flow in bounded memory. Count, minimum, maximum, mean and standard
 * deviation are exact (Welford's streaming update). Percentiles come from the samples themselves
 * while there are at most {@code capacity} of them, and beyond that from a uniform reservoir of
 * {@code capacity} samples (Vitter's algorithm R, seeded): with the default capacity of 2^20 the
 * rank error of a percentile is then about 1/sqrt(2^20), i.e. within ±0.1 percentile points with
 * high probability.
 */
public final class LatencyStats {
  public static final int DEFAULT_CAPACITY = 1 << 20;

  private final int capacity;
  private final RandomStream reservoirStream;
  private long[] samples = new long[64];
  private int stored;
  private long count;
  private long minNs = Long.MAX_VALUE;
  private long maxNs = Long.MIN_VALUE;
  private double mean;
  private double m2;

  /** {@code reservoirStream} picks which samples a full reservoir keeps. */
  public LatencyStats(int capacity, RandomStream reservoirStream) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.reservoirStream = reservoirStream;
  }

  public void add(long latencyNs) {
    count++;
    minNs = Math.min(minNs, latencyNs);
    maxNs = Math.max(maxNs, latencyNs);
    double delta = latencyNs - mean;
    mean += delta / count;
    m2 += delta * (latencyNs - mean);
    if (stored < capacity) {
      if (stored == samples.length) {
        samples = Arrays.copyOf(samples, Math.min(capacity, samples.length * 2));
      }
      samples[stored++] = latencyNs;
    } else {
      long slot = reservoirStream.nextLong(count);
      if (slot < capacity) {
        samples[(int) slot] = latencyNs;
      }
    }
  }

  public long count() {
    return count;
  }

  /**
   * The statistics of {@code parts} together, as if one had seen all their samples: count, minimum,
   * maximum exact, mean and variance by Chan et al.'s pairwise update, and the retained samples all
   * of theirs while they fit, else a reservoir drawn from {@code stream} that takes from each part
   * in proportion to the samples it saw.
   */
  static LatencyStats merged(List<LatencyStats> parts, int capacity, RandomStream stream) {
    LatencyStats all = new LatencyStats(capacity, stream);
    long stored = 0;
    boolean sampled = false;
    for (LatencyStats p : parts) {
      if (p.count == 0) {
        continue;
      }
      long n = all.count + p.count;
      double delta = p.mean - all.mean;
      all.m2 += p.m2 + delta * delta * ((double) all.count * p.count / n);
      all.mean += delta * p.count / n;
      all.count = n;
      all.minNs = Math.min(all.minNs, p.minNs);
      all.maxNs = Math.max(all.maxNs, p.maxNs);
      stored += p.stored;
      sampled |= p.stored < p.count;
    }
    if (!sampled && stored <= capacity) {
      all.samples = new long[(int) Math.max(1, stored)];
      for (LatencyStats p : parts) {
        System.arraycopy(p.samples, 0, all.samples, all.stored, p.stored);
        all.stored += p.stored;
      }
      return all;
    }
    // Quotas in proportion to the samples each part saw (largest remainders), then a uniform
    // choice within each part's retained ones.
    int[] quota = new int[parts.size()];
    double[] remainder = new double[parts.size()];
    int given = 0;
    for (int i = 0; i < parts.size(); i++) {
      double share = (double) capacity * parts.get(i).count / all.count;
      quota[i] = (int) Math.min(parts.get(i).stored, Math.floor(share));
      remainder[i] = share - Math.floor(share);
      given += quota[i];
    }
    while (given < Math.min(capacity, stored)) {
      int best = -1;
      for (int i = 0; i < parts.size(); i++) {
        if (quota[i] < parts.get(i).stored && (best < 0 || remainder[i] > remainder[best])) {
          best = i;
        }
      }
      quota[best]++;
      remainder[best] = -1;
      given++;
    }
    all.samples = new long[Math.max(1, given)];
    for (int i = 0; i < parts.size(); i++) {
      LatencyStats p = parts.get(i);
      long[] pool = Arrays.copyOf(p.samples, p.stored);
      for (int k = 0; k < quota[i]; k++) {
        int pick = k + (int) stream.nextLong(pool.length - k);
        long chosen = pool[pick];
        pool[pick] = pool[k];
        pool[k] = chosen;
        all.samples[all.stored++] = chosen;
      }
    }
    return all;
  }

  /** The retained samples in milliseconds, sorted: all of them up to the capacity. */
  public double[] retainedMs() {
    double[] values = new double[stored];
    for (int i = 0; i < stored; i++) {
      values[i] = samples[i] / 1e6;
    }
    Arrays.sort(values);
    return values;
  }

  /** The statistics in milliseconds; {@link LatencySummary#EMPTY} without samples. */
  public LatencySummary summary() {
    if (count == 0) {
      return LatencySummary.EMPTY;
    }
    double[] values = new double[stored];
    for (int i = 0; i < stored; i++) {
      values[i] = samples[i];
    }
    Arrays.sort(values);
    // R-7 (linear interpolation between closest ranks): what numpy and R report by default.
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(values);
    double stddev = count > 1 ? Math.sqrt(m2 / (count - 1)) : 0.0;
    return new LatencySummary(
        count,
        ms(minNs),
        ms(mean),
        ms(percentile.evaluate(50)),
        ms(percentile.evaluate(90)),
        ms(percentile.evaluate(99)),
        ms(maxNs),
        ms(stddev));
  }

  private static double ms(double ns) {
    return ns / 1e6;
  }
}
