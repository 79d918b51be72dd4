package org.overlaysim.overlay.dataplane;

import org.overlaysim.engine.Simulator;

/**
 * A constant delay in front of a stage (a VTEP's encapsulation or decapsulation cost): frames leave
 * in the order they entered, {@code delayNs} later, through a {@link FramePipe} (one event a frame,
 * no allocation).
 */
public final class DelayLine {
  /** What happens to a frame once its delay is over. */
  public interface Stage {
    void process(Frame frame);
  }

  private final Simulator simulator;
  private final long delayNs;
  private final Stage stage;
  private final FramePipe pipe;

  public DelayLine(Simulator simulator, long delayNs, Stage stage) {
    if (delayNs < 0) {
      throw new IllegalArgumentException("negative delay " + delayNs);
    }
    this.simulator = simulator;
    this.delayNs = delayNs;
    this.stage = stage;
    this.pipe = new FramePipe(simulator, stage);
  }

  /** Passes the frame to the stage after the delay (at once when the delay is zero). */
  public void offer(Frame frame) {
    if (delayNs == 0) {
      stage.process(frame);
      return;
    }
    pipe.offer(frame, simulator.nowNs() + delayNs);
  }
}
