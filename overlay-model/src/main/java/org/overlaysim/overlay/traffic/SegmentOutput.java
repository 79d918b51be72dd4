package org.overlaysim.overlay.traffic;

import org.overlaysim.overlay.dataplane.Frame;

/** Where a TCP connection sends its segments: a container's stack, or a test's wire. */
public interface SegmentOutput {
  /** Sends an IPv4 packet; false when the stack refused it (DF and above the path MTU). */
  boolean send(Frame frame);

  /** The path MTU towards {@code dstIp} now (RFC 1191). */
  int pathMtu(int dstIp);
}
