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
      Frame[] bigger = new Frame[ring.length * 2];
      for (long s = head; s < tail; s++) {
        bigger[(int) (s & (bigger.length - 1))] = ring[(int) (s & (ring.length - 1))];
      }
      ring = bigger;
    }
    ring[(int) (tail & (ring.length - 1))] = frame;
    tail++;
    long start = Math.max(simulator.nowNs(), busyUntilNs);
    busyUntilNs = start + EthernetFraming.serializationNs(frame.ipLength(), bandwidthBps);
    // Arrival times never decrease and equal times run in scheduling order: FIFO.
    simulator.scheduleAt(busyUntilNs, this);
  }

  @Override
  public void handle() {
    int slot = (int) (head & (ring.length - 1));
    Frame frame = ring[slot];
    ring[slot] = null;
    head++;
    stage.process(frame);
  }
}
