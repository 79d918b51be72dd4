package org.overlaysim.engine;

import org.overlaysim.engine.random.SplitMix64;

/**
 * A running fingerprint of the events a simulation executes: the multiset of their times, each time
 * mixed to 64 bits and the mixes added up (INET's event fingerprint, its time ingredient, made
 * order-free). Two runs with the same fingerprint executed as many events at the same nanoseconds;
 * a model change almost surely moves one.
 *
 * <p>Order-free on purpose: events at different times are ordered by their times anyway, and a sum
 * does not care which partition of a {@link PartitionedSimulator} executed an event, so a run cut
 * into partitions, on any number of threads, has the fingerprint of the same run on one clock
 * ({@link #add}). What an event does is left out on purpose too: the handler's class names where
 * the code lives, not what it does, so moving a handler between classes (a refactoring) would
 * change the fingerprint with no change of behaviour. What the events did is pinned beside it by
 * the digests of the reports and captures.
 */
public final class EventTrace {
  private long digest;
  private long events;

  /** Folds in one executed event. */
  void record(long timeNs) {
    digest += SplitMix64.mix(SplitMix64.mix(timeNs ^ SplitMix64.GOLDEN_GAMMA));
    events++;
  }

  /** Folds in every event of {@code other} (another partition's), as if recorded here. */
  void add(EventTrace other) {
    digest += other.digest;
    events += other.events;
  }

  /** The fingerprint so far. */
  public long digest() {
    return digest;
  }

  /** Events folded in so far. */
  public long events() {
    return events;
  }

  /** The fingerprint as 16 hexadecimal digits. */
  public String hex() {
    return String.format("%016x", digest);
  }
}
