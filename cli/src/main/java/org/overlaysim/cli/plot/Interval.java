package org.overlaysim.cli.plot;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a figure over replications and the half width of its 95% confidence interval,
 * t(0.975, n−1) · s / √n as summary-ci.csv computes it; no half width (NaN) below two values.
 */
record Interval(double mean, double halfWidth) {

  static Interval of(List<Double> values) {
    SummaryStatistics stats = new SummaryStatistics();
    values.stream().filter(v -> !v.isNaN()).forEach(stats::addValue);
    long n = stats.getN();
    if (n < 2) {
      return new Interval(n == 1 ? stats.getMean() : Double.NaN, Double.NaN);
    }
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    return new Interval(stats.getMean(), t * stats.getStandardDeviation() / Math.sqrt(n));
  }
}
