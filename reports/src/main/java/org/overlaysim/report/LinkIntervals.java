package org.overlaysim.report;

import java.util.List;
import org.overlaysim.topology.LinkCounters;

/**
 * What every link direction did over the last interval: the differences of its counters between two
 * readings. Shared by the visualizer's {@link LinkTimeline} and timeseries.csv ({@link
 * TimeSeriesReport}); it keeps one reading, never the history.
 */
final class LinkIntervals {
  private List<LinkCounters> now = List.of();
  private long[] busyNs;
  private long[] drops;
  private long[] bytes;
  private long[] packets;
  private long[] lastBusyNs;
  private long[] lastDrops;
  private long[] lastBytes;
  private long[] lastPackets;

  /** Reads the counters at the end of an interval (the first reading's interval starts at 0). */
  void read(List<LinkCounters> counters) {
    int n = counters.size();
    if (lastBusyNs == null) {
      busyNs = new long[n];
      drops = new long[n];
      bytes = new long[n];
      packets = new long[n];
      lastBusyNs = new long[n];
      lastDrops = new long[n];
      lastBytes = new long[n];
      lastPackets = new long[n];
    }
    for (int i = 0; i < n; i++) {
      LinkCounters c = counters.get(i);
      busyNs[i] = c.busyNs() - lastBusyNs[i];
      drops[i] = c.drops() - lastDrops[i];
      bytes[i] = c.bytes() - lastBytes[i];
      packets[i] = c.packets() - lastPackets[i];
      lastBusyNs[i] = c.busyNs();
      lastDrops[i] = c.drops();
      lastBytes[i] = c.bytes();
      lastPackets[i] = c.packets();
    }
    now = counters;
  }

  /** Link directions, in the order of the counters read (two per link). */
  int directions() {
    return now.size();
  }

  LinkCounters counters(int direction) {
    return now.get(direction);
  }

  /** The share of {@code intervalNs} the direction spent serializing, at most 1. */
  double utilization(int direction, long intervalNs) {
    return Math.min(1.0, (double) busyNs[direction] / intervalNs);
  }

  /** Packets lost in the interval (queue-full and link-loss, as links.csv counts them). */
  long drops(int direction) {
    return drops[direction];
  }

  /** IP bytes put on the wire in the interval. */
  long bytes(int direction) {
    return bytes[direction];
  }

  long packets(int direction) {
    return packets[direction];
  }

  /** Ever carried or lost a packet, up to the last reading. */
  boolean everUsed(int direction) {
    LinkCounters c = now.get(direction);
    return c.packets() > 0 || c.drops() > 0 || c.mtuRefusals() > 0;
  }
}
