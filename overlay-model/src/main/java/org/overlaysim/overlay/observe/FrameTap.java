package org.overlaysim.overlay.observe;

/**
 * Receives a copy of every frame seen at a capture point: an underlay link (outer, encapsulated
 * frames) or a container interface (inner frames). Each frame is a complete Ethernet II frame
 * without FCS (LINKTYPE_ETHERNET), real headers with checksums, the payload zero-filled. The array
 * is the tap's to keep. Called on the simulation thread at the time the frame passes.
 */
@FunctionalInterface
public interface FrameTap {
  void frame(long nowNs, byte[] frame);
}
