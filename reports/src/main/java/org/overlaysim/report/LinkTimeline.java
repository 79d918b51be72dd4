package org.overlaysim.report;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.topology.LinkCounters;

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
  private long[] lastBusyNs;
  private long[] lastDrops;
  private int bins;

  LinkTimeline(long binNs) {
    this.binNs = binNs;
  }

  public long binNs() {
    return binNs;
  }

  /** Closes the bin that ends now. */
  void sample(OverlayNetwork network) {
    List<LinkCounters> counters = network.linkCounters();
    if (lastBusyNs == null) {
      lastBusyNs = new long[counters.size()];
      lastDrops = new long[counters.size()];
      for (int i = 0; i < counters.size(); i += 2) {
        links.add(counters.get(i).link());
      }
    }
    double[] binUtilization = new double[links.size()];
    long[] binDrops = new long[links.size()];
    for (int i = 0; i < counters.size(); i++) {
      LinkCounters c = counters.get(i);
      double u = Math.min(1.0, (double) (c.busyNs() - lastBusyNs[i]) / binNs);
      binUtilization[i / 2] = Math.max(binUtilization[i / 2], u);
      binDrops[i / 2] += c.drops() - lastDrops[i];
      lastBusyNs[i] = c.busyNs();
      lastDrops[i] = c.drops();
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
