package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.Simulator;
import org.overlaysim.topology.EthernetFraming;

/**
 * Frames between two containers of one host, through its bridge: a FIFO pipe serializing each frame
 * at the host's line rate (veth and bridge are bounded by the host, not by a cable; the host's rate
 * is the model's stand-in), delivered by an event, never by a nested call. So two local containers
 * exchanging TCP segments advance the clock like any other pair, instead of recursing without end
 * at one instant.
 */
final class LocalBridge {
  private final Simulator simulator;
  private final long bandwidthBps;
  private final FramePipe pipe;
  private long busyUntilNs;

  /** {@code stage}: what happens to a frame when it has crossed the bridge. */
  LocalBridge(Simulator simulator, long bandwidthBps, DelayLine.Stage stage) {
    if (bandwidthBps <= 0) {
      throw new IllegalArgumentException("bandwidth must be positive: " + bandwidthBps);
    }
    this.simulator = simulator;
    this.bandwidthBps = bandwidthBps;
    this.pipe = new FramePipe(simulator, stage);
  }

  void offer(Frame frame) {
    long start = Math.max(simulator.nowNs(), busyUntilNs);
    busyUntilNs = start + EthernetFraming.serializationNs(frame.ipLength(), bandwidthBps);
    pipe.offer(frame, busyUntilNs);
  }
}
