package org.overlaysim.overlay.traffic;

import org.overlaysim.overlay.dataplane.ContainerStack;
import org.overlaysim.overlay.dataplane.Frame;

/** A container's stack as the output of its TCP connections. */
public record StackOutput(ContainerStack stack) implements SegmentOutput {
  @Override
  public boolean send(Frame frame) {
    return stack.send(frame);
  }

  @Override
  public int pathMtu(int dstIp) {
    return stack.pathMtu(dstIp);
  }
}
