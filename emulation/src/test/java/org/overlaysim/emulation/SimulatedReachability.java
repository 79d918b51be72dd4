package org.overlaysim.emulation;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.overlay.policy.ProbeResult;
import org.overlaysim.overlay.policy.Reachability;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.TrafficSpec;

/**
 * The simulator's reachability for a run, from the policy engine ({@link Reachability}): the same
 * pairs, sampled from the same stream: what the tests hold the kernel's answers to.
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
}
