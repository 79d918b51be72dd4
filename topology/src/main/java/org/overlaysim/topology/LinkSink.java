package org.overlaysim.topology;

/** The far end of one link direction: told when a packet arrives, or would have but was lost. */
public interface LinkSink {
  /** The packet's last bit arrived at the far end (now). */
  void delivered(Transmittable item, LinkTransmitter via);

  /**
   * The packet was lost in transit ({@link DropReason#LINK_LOSS}); now is when it would have
   * arrived.
   */
  default void lost(Transmittable item, LinkTransmitter via) {}

  /**
   * The link went down while the packet was queued or on it ({@link DropReason#LINK_DOWN}); now is
   * when it would have arrived.
   */
  default void cut(Transmittable item, LinkTransmitter via) {}
}
