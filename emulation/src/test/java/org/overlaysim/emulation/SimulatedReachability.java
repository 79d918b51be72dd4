package org.overlaysim.emulation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.overlaysim.emulation.report.EmulationReports;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.overlay.policy.ProbeResult;
import org.overlaysim.overlay.policy.Reachability;
import org.overlaysim.report.ReportFiles;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.TrafficSpec;

/**
 * The simulator's reachability for a run, from the policy engine ({@link Reachability}): the same
 * pairs, sampled from the same stream, as {@code reachability.csv} rows. For runs of {@code
 * overlaysim run} output that lack the file, and for the tests that hold the kernel to it.
 */
public final class SimulatedReachability {
  private SimulatedReachability() {}

  public static List<ProbeResult> results(Run run) {
    Reachability reachability = new Reachability(run.scenario());
    RandomStreams streams = new RandomStreams(run.seed(), run.replication());
    List<ProbeResult> results = new ArrayList<>();
    for (TrafficSpec spec : run.scenario().traffic()) {
      if (spec instanceof ProbeTraffic probe) {
        results.addAll(reachability.results(probe, streams.stream(Reachability.streamName(probe))));
      }
    }
    return results;
  }

  /** Writes {@code reachability.csv} of the run into {@code dir}. */
  public static void write(Run run, Path dir) throws IOException {
    List<ProbeObservation> rows = new ArrayList<>();
    for (ProbeResult r : results(run)) {
      rows.add(
          new ProbeObservation(
              r.source().name(),
              r.destination().name(),
              r.port().protocol(),
              r.port().port(),
              r.verdict().allowed(),
              r.verdict().reason().code()));
    }
    java.nio.file.Files.createDirectories(dir);
    ReportFiles.writeAtomically(
        dir.resolve(ReportFiles.REACHABILITY), EmulationReports.reachability(run.id(), rows));
  }
}
