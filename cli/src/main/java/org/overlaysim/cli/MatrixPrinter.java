package org.overlaysim.cli;

import java.io.PrintWriter;
import java.util.List;
import org.overlaysim.overlay.policy.Reachability;
import org.overlaysim.overlay.policy.ReachabilityMatrix;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.TrafficSpec;

/** {@code run --matrix}: who reaches whom, one character a cell, readable in a terminal. */
final class MatrixPrinter {
  /** Beyond this a matrix no longer reads in a terminal; reachability.csv has every cell. */
  static final int MAX_CONTAINERS = 60;

  private MatrixPrinter() {}

  static void print(PrintWriter out, List<Run> runs) {
    for (Run run : runs) {
      int containers = run.scenario().containers().size();
      for (TrafficSpec spec : run.scenario().traffic()) {
        if (!(spec instanceof ProbeTraffic probe)) {
          continue;
        }
        out.println();
        out.println(run.id() + ", probe " + probe.name() + ":");
        if (containers > MAX_CONTAINERS) {
          out.println(
              "  "
                  + containers
                  + " containers: too many for a matrix (at most "
                  + MAX_CONTAINERS
                  + "); see reachability.csv");
          continue;
        }
        out.print(ReachabilityMatrix.renderAll(new Reachability(run.scenario()), probe.ports()));
      }
    }
  }
}
