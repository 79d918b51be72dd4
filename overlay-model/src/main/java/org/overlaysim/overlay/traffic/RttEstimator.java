package org.overlaysim.overlay.traffic;

/**
 * Smoothed RTT, its variation and the retransmission timeout per RFC 6298 (clock granularity 1 ms,
 * within Linux's [200 ms, 120 s] bounds), plus the minimum RTT RACK's reordering window uses (Linux
 * keeps a 5-minute windowed minimum; runs here are shorter, so the connection's minimum).
 */
final class RttEstimator {
  private static final long GRANULARITY_NS = 1_000_000;

  private final TcpSettings settings;
  private long srttNs = -1;
  private long rttvarNs;
  private long minRttNs = Long.MAX_VALUE;
  private long rtoNs;

  RttEstimator(TcpSettings settings) {
    this.settings = settings;
    this.rtoNs = settings.initialRtoNs();
  }

  /** RFC 6298 sections 2.2 and 2.3, then the RTO recomputed (and any backoff undone). */
  void sample(long rttNs) {
    if (srttNs < 0) {
      srttNs = rttNs;
      rttvarNs = rttNs / 2;
    } else {
      rttvarNs = (3 * rttvarNs + Math.abs(srttNs - rttNs)) / 4;
      srttNs = (7 * srttNs + rttNs) / 8;
    }
    minRttNs = Math.min(minRttNs, rttNs);
    rtoNs = computeRto();
  }

  /** RFC 6298 section 5.5: back off. */
  void backOff() {
    rtoNs = Math.min(settings.maxRtoNs(), rtoNs * 2);
  }

  private long computeRto() {
    long rto = srttNs + Math.max(GRANULARITY_NS, 4 * rttvarNs);
    return Math.min(settings.maxRtoNs(), Math.max(settings.minRtoNs(), rto));
  }

  /** -1 before the first sample. */
  long srttNs() {
    return srttNs;
  }

  long rttvarNs() {
    return rttvarNs;
  }

  /** Long.MAX_VALUE before the first sample. */
  long minRttNs() {
    return minRttNs;
  }

  long rtoNs() {
    return rtoNs;
  }
}
