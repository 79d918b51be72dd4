package org.overlaysim.report;

/**
 * Where a run's wall-clock time went: building the model from the resolved scenario, and running
 * the simulation (captures included). Machine-dependent, so never part of a CSV report.
 */
public record RunTimings(double buildS, double runS) {
  /** For reports made before timings were kept, or assembled by hand. */
  public static final RunTimings UNKNOWN = new RunTimings(0, 0);
}
