package org.overlaysim.engine;

import org.overlaysim.engine.random.SplitMix64;

/**
 * A running fingerprint of the events a simulation executes: the time of each, in execution order,
 * folded into 64 bits (INET's event fingerprint, its time ingredient). Two runs with the same
 * fingerprint executed as many events at the same nanoseconds; a model change almost surely moves
 * one.
 *
 * <p>What an event does is left out on purpose: the handler's class names where the code lives, not
 * what it does, so moving a handler between classes (a refactoring) would change the fingerprint
 * with no change of behaviour. What the events did is pinned beside it by the digests of the
 * reports and captures.
 */
public final class EventTrace {
  private long digest = SplitMix64.GOLDEN_GAMMA;
  private long events;

  /** Folds in one executed event. */
  void record(long timeNs) {
    digest = SplitMix64.mix(SplitMix64.mix(digest ^ timeNs));
    events++;
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
