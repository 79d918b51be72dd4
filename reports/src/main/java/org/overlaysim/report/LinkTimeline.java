package org.overlaysim.report;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.overlay.OverlayNetwork;

/**
 * Link utilization and drops over time, for replaying a run: at the end of every bin the counters
 * of each link direction are read, and the differences make the bin's figures. Reading happens
 * between simulator runs (see {@link ScenarioRunner#runInBins}), so it adds no event to the run.
 */
public final class LinkTimeline {
  /** One link over time: the busier direction's utilization and both directions' drops. */
  public record Series(String link, double[] utilization, long[] drops) {}

  private final long binNs;
  private final List<String> links = new ArrayList<>();
  private final List<double[]> utilization = new ArrayList<>();
  private final List<long[]> drops = new ArrayList<>();
  private final LinkIntervals intervals = new LinkIntervals();
  private int bins;

  LinkTimeline(long binNs) {
    this.binNs = binNs;
  }

  public long binNs() {
    return binNs;
  }

  /** Closes the bin that ends now. */
  void sample(OverlayNetwork network) {
    intervals.read(network.linkCounters());
    if (links.isEmpty()) {
      for (int i = 0; i < intervals.directions(); i += 2) {
        links.add(intervals.counters(i).link());
      }
    }
    double[] binUtilization = new double[links.size()];
    long[] binDrops = new long[links.size()];
    for (int i = 0; i < intervals.directions(); i++) {
      binUtilization[i / 2] = Math.max(binUtilization[i / 2], intervals.utilization(i, binNs));
      binDrops[i / 2] += intervals.drops(i);
    }
    utilization.add(binUtilization);
    drops.add(binDrops);
    bins++;
  }

  /** Every link's series, in link order. */
  public List<Series> series() {
    List<Series> out = new ArrayList<>();
    for (int l = 0; l < links.size(); l++) {
      double[] u = new double[bins];
      long[] d = new long[bins];
      for (int b = 0; b < bins; b++) {
        u[b] = utilization.get(b)[l];
        d[b] = drops.get(b)[l];
      }
      out.add(new Series(links.get(l), u, d));
    }
    return out;
  }
}
