package org.overlaysim.overlay.dataplane;

import org.overlaysim.topology.DropReason;

/**
 * Told when a frame that carries it is dropped anywhere on its path (by the sending stack, a
 * bridge, a VTEP, segmentation or the underlay), with the reason: how a probe learns what killed
 * its packet. Called after the observer heard of the drop.
 */
public interface FrameDropListener {
  void dropped(Frame frame, DropReason reason);

  /** The partition the listener runs in: drops elsewhere reach it through a channel. */
  int partition();
}
