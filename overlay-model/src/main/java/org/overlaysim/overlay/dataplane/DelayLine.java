package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;

/**
 * A constant delay in front of a stage (a VTEP's encapsulation or decapsulation cost): frames leave
 * in the order they entered, {@code delayNs} later. Holds frames in a ring and is itself the event
 * handler of every departure, so a frame costs one event and no allocation. Only the oldest frame
 * has an event in the simulator's queue at a time; its departure schedules the next.
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
  private long[] dueNs = new long[16];
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
      grow();
    }
    long due = simulator.nowNs() + delayNs;
    int slot = (int) (tail & (ring.length - 1));
    ring[slot] = frame;
    dueNs[slot] = due;
    tail++;
    if (tail - head == 1) {
      simulator.scheduleAt(due, this);
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
