package org.overlaysim.engine;

import java.util.List;

/**
 * The channels arriving at one partition, merged by arrival time; at equal times the channel made
 * first goes first, so the order is the same whichever thread ran the senders and when.
 */
final class Inbox {
  private final Channel[] channels;
  private int first = -1; // the channel holding the earliest item, -1 when none
  private long firstTimeNs = Long.MAX_VALUE;

  Inbox(List<Channel> channels) {
    this.channels = channels.toArray(new Channel[0]);
  }

  /** Before a step: takes in what every sender published. */
  void snapshot() {
    for (Channel c : channels) {
      c.snapshot();
    }
    findFirst();
  }

  long firstTimeNs() {
    return firstTimeNs;
  }

  /** Whether the next item counts as an event (see {@link Channel#countsAsEvent()}). */
  boolean firstIsEvent() {
    return channels[first].countsAsEvent();
  }

  void deliverFirst() {
    Channel c = channels[first];
    c.deliverFirst();
    findFirst();
  }

  private void findFirst() {
    first = -1;
    firstTimeNs = Long.MAX_VALUE;
    for (int i = 0; i < channels.length; i++) {
      long t = channels[i].firstTimeNs();
      if (t < firstTimeNs) {
        firstTimeNs = t;
        first = i;
      }
    }
  }
}
