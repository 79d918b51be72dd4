package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;
import org.overlaysim.topology.EthernetFraming;

/**
 * Frames between two containers of one host, through its bridge: a FIFO pipe serializing each frame
 * at the host's line rate (veth and bridge are bounded by the host, not by a cable; the host's rate
 * is the model's stand-in), delivered by an event, never by a nested call. So two local containers
 * exchanging TCP segments advance the clock like any other pair, instead of recursing without end
 * at one instant.
 */
final class LocalBridge implements EventHandler {
  /** What happens to a frame when it has crossed the bridge. */
  interface Stage {
    void process(Frame frame);
  }

  private final Simulator simulator;
  private final long bandwidthBps;
  private final Stage stage;
  private Frame[] ring = new Frame[16];
  private long[] dueNs = new long[16];
  private long head;
  private long tail;
  private long busyUntilNs;

  LocalBridge(Simulator simulator, long bandwidthBps, Stage stage) {
    if (bandwidthBps <= 0) {
      throw new IllegalArgumentException("bandwidth must be positive: " + bandwidthBps);
    }
    this.simulator = simulator;
    this.bandwidthBps = bandwidthBps;
    this.stage = stage;
  }

  void offer(Frame frame) {
    if (tail - head == ring.length) {
      grow();
    }
    long start = Math.max(simulator.nowNs(), busyUntilNs);
    busyUntilNs = start + EthernetFraming.serializationNs(frame.ipLength(), bandwidthBps);
    int slot = (int) (tail & (ring.length - 1));
    ring[slot] = frame;
    dueNs[slot] = busyUntilNs;
    tail++;
    // Arrival times never decrease: only the oldest frame needs an event, its handler schedules
    // the next one.
    if (tail - head == 1) {
      simulator.scheduleAt(busyUntilNs, this);
    }
  }

  private void grow() {
    Frame[] bigger = new Frame[ring.length * 2];
    long[] biggerDue = new long[bigger.length];
    for (long s = head; s < tail; s++) {
      int from = (int) (s & (ring.length - 1));
      int to = (int) (s & (bigger.length - 1));
      bigger[to] = ring[from];
      biggerDue[to] = dueNs[from];
    }
    ring = bigger;
    dueNs = biggerDue;
  }

  @Override
  public void handle() {
    int slot = (int) (head & (ring.length - 1));
    Frame frame = ring[slot];
    ring[slot] = null;
    head++;
    if (head < tail) {
      simulator.scheduleAt(dueNs[(int) (head & (ring.length - 1))], this);
    }
    stage.process(frame);
  }
}
