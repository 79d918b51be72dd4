package org.overlaysim.engine;

/** Where a {@link Channel}'s items go in the receiving partition, at their arrival time. */
@FunctionalInterface
public interface ChannelReceiver {
  /** Called at the item's arrival time on the receiving partition's thread. */
  void arrived(Object item, long word);
}
