package org.overlaysim.engine;

import org.overlaysim.engine.random.SplitMix64;

/**
 * A running fingerprint of the events a simulation executes: the time and the kind (the handler's
 * class) of each, in execution order, folded into 64 bits (INET's event fingerprint). Two runs with
 * the same fingerprint executed the same kinds of events at the same nanoseconds; a refactoring
 * that changes no behaviour leaves it unchanged, a model change almost surely not.
 *
 * <p>A lambda's class name ends in a JVM-chosen suffix ({@code $$Lambda$42/0x...}) that differs
 * between runs; it is cut off, so a lambda counts as its enclosing class.
 */
public final class EventTrace {
  private final ClassValue<Long> kindHash =
      new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
          String name = type.getName();
          int lambda = name.indexOf("$$Lambda");
          return SplitMix64.hash(lambda < 0 ? name : name.substring(0, lambda));
        }
      };
  private long digest = SplitMix64.GOLDEN_GAMMA;
  private long events;

  /** Folds in one executed event. */
  void record(long timeNs, EventHandler handler) {
    digest = SplitMix64.mix(digest ^ timeNs) + kindHash.get(handler.getClass());
    digest = SplitMix64.mix(digest);
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
