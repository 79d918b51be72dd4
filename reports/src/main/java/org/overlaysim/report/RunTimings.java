package org.overlaysim.report;

import org.overlaysim.engine.PartitionedSimulator;

/**
 * Where a run's wall-clock time went: building the model from the resolved scenario, and running
 * the simulation (captures included), with what each partition did and why a run that was not cut
 * stayed whole (null when it could be cut). Machine-dependent, so never part of a CSV report.
 */
public record RunTimings(
    double buildS, double runS, PartitionedSimulator.Profile partitions, String wholeBecause) {
  /** For reports made before timings were kept, or assembled by hand. */
  public static final RunTimings UNKNOWN = new RunTimings(0, 0, null, null);
}
