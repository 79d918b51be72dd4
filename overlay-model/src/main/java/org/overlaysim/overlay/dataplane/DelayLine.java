package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;

/**
 * A constant delay in front of a stage (a VTEP's encapsulation or decapsulation cost): frames leave
 * in the order they entered, {@code delayNs} later. Holds frames in a ring and is itself the event
 * handler of every departure, so a frame costs one event and no allocation.
 */
public final class DelayLine implements EventHandler {
  /** What happens to a frame once its delay is over. */
  public interface Stage {
    void process(Frame frame);
  }

  private final Simulator simulator;
  private final long delayNs;
  private final Stage stage;
  private Frame[] ring = new Frame[16];
  private long head;
  private long tail;

  public DelayLine(Simulator simulator, long delayNs, Stage stage) {
    if (delayNs < 0) {
      throw new IllegalArgumentException("negative delay " + delayNs);
    }
    this.simulator = simulator;
    this.delayNs = delayNs;
    this.stage = stage;
  }

  /** Passes the frame to the stage after the delay (at once when the delay is zero). */
  public void offer(Frame frame) {
    if (delayNs == 0) {
      stage.process(frame);
      return;
    }
    if (tail - head == ring.length) {
      Frame[] bigger = new Frame[ring.length * 2];
      for (long s = head; s < tail; s++) {
        bigger[(int) (s & (bigger.length - 1))] = ring[(int) (s & (ring.length - 1))];
      }
      ring = bigger;
    }
    ring[(int) (tail & (ring.length - 1))] = frame;
    tail++;
    simulator.schedule(delayNs, this);
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
