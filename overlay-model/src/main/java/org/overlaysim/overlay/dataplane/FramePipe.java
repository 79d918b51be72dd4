package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;

/**
 * Frames handed to a stage at their due times, in the order they entered (due times never
 * decrease). Holds frames in a ring and is itself the event handler of every departure, so a frame
 * costs one event and no allocation; only the oldest frame has an event in the simulator's queue at
 * a time, and its departure schedules the next. The common part of {@link DelayLine} and {@link
 * LocalBridge}, which only decide when each frame is due.
 */
final class FramePipe implements EventHandler {
  private final Simulator simulator;
  private final DelayLine.Stage stage;
  private Frame[] ring = new Frame[16];
  private long[] dueNs = new long[16];
  private long head;
  private long tail;

  FramePipe(Simulator simulator, DelayLine.Stage stage) {
    this.simulator = simulator;
    this.stage = stage;
  }

  /** Hands {@code frame} to the stage at {@code due}, no earlier than the last frame's due time. */
  void offer(Frame frame, long due) {
    if (tail - head == ring.length) {
      grow();
    }
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
