package org.overlaysim.engine;

/**
 * What runs when an event fires. Implemented by long-lived model objects (a link, a VTEP) rather
 * than per-event lambdas, so that the packet path does not allocate.
 */
@FunctionalInterface
public interface EventHandler {
  /** Called at the event's time; {@link Simulator#nowNs()} equals that time. */
  void handle();
}
