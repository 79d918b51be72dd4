package org.overlaysim.engine;

/**
 * The pending-event set of a {@link Simulator}: events ordered by (time, insertion order), never by
 * type (ns-3's {@code EventKey}). Implementations keep events in primitive arrays so that adding an
 * event allocates nothing once the arrays have grown to the peak number of pending events.
 *
 * <p>An event id is an opaque long: valid from {@link #add} until the event is removed or
 * cancelled; afterwards {@link #cancel} of that id returns false. Times are non-negative
 * nanoseconds, as the {@link Simulator}'s clock starts at zero and never goes back.
 */
public interface EventQueue {

  /**
   * Adds an event at {@code timeNs} (>= 0). Events with equal times come out in the order they were
   * added.
   *
   * @return the event's id, for {@link #cancel(long)}
   */
  long add(long timeNs, EventHandler handler);

  /**
   * Removes a pending event. Returns false, changing nothing, if the id is unknown, already removed
   * or already cancelled. The memory of a cancelled event is reclaimed (not leaked).
   */
  boolean cancel(long eventId);

  /** Pending (not yet removed, not cancelled) events. */
  int size();

  /** True when no event is pending. */
  default boolean isEmpty() {
    return size() == 0;
  }

  /** The time of the first pending event; the queue must not be empty. */
  long firstTimeNs();

  /** Removes the first pending event and returns its handler; the queue must not be empty. */
  EventHandler removeFirst();
}
