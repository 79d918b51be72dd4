package org.overlaysim.topology;

/** What happened at once when a packet was handed to a link transmitter. */
public enum SendResult {
  /** Queued or on the wire; it may still be lost in transit ({@link DropReason#LINK_LOSS}). */
  SENT,
  /** Larger than the link's IP MTU: not sent, so the caller can answer fragmentation-needed. */
  MTU_EXCEEDED,
  /** The drop-tail queue had no room. */
  QUEUE_FULL,
  /** No route to the destination (only from routing, never from a single link). */
  NO_ROUTE,
  /** The link is down. */
  LINK_DOWN;

  /** The drop reason for a refusal; {@code null} for {@link #SENT}. */
  public DropReason dropReason() {
    return switch (this) {
      case SENT -> null;
      case MTU_EXCEEDED -> DropReason.MTU_EXCEEDED;
      case QUEUE_FULL -> DropReason.QUEUE_FULL;
      case NO_ROUTE -> DropReason.NO_ROUTE;
      case LINK_DOWN -> DropReason.LINK_DOWN;
    };
  }
}
