package org.overlaysim.engine;

import java.util.PriorityQueue;

/**
 * The discrete-event clock. Time is a long count of nanoseconds from zero; events at the same time
 * run in the order they were scheduled (FIFO by sequence number), never by type.
 *
 * <p>One instance per simulation, passed through constructors: no static state, so several
 * simulations can run in one JVM at once.
 *
 * <p>PLACEHOLDER implementation (PriorityQueue) kept only until the fast event queue lands; the
 * public API is the contract other modules code against.
 */
public final class Simulator {
  private record Entry(long timeNs, long id, EventHandler handler) {}

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.timeNs != b.timeNs ? Long.compare(a.timeNs, b.timeNs) : Long.compare(a.id, b.id));
  private final java.util.HashSet<Long> cancelled = new java.util.HashSet<>();
  private long nowNs;
  private long nextId;
  private long executed;
  private boolean stopped;

  /** The current simulated time in nanoseconds. */
  public long nowNs() {
    return nowNs;
  }

  /**
   * Schedules {@code handler} to run {@code delayNs} from now.
   *
   * @return an event id for {@link #cancel(long)}
   */
  public long schedule(long delayNs, EventHandler handler) {
    if (delayNs < 0) {
      throw new IllegalArgumentException("negative delay " + delayNs);
    }
    return scheduleAt(nowNs + delayNs, handler);
  }

  /** Schedules {@code handler} at absolute time {@code timeNs} (not before now). */
  public long scheduleAt(long timeNs, EventHandler handler) {
    if (timeNs < nowNs) {
      throw new IllegalArgumentException("time " + timeNs + " is before now " + nowNs);
    }
    long id = nextId++;
    queue.add(new Entry(timeNs, id, handler));
    return id;
  }

  /** Cancels a pending event; returns false if it already ran or was cancelled. */
  public boolean cancel(long eventId) {
    return cancelled.add(eventId);
  }

  /** Runs until no event is left or {@link #stop()} is called. */
  public void run() {
    run(Long.MAX_VALUE);
  }

  /**
   * Runs every event with time at most {@code untilNs}; later events stay queued and the clock ends
   * at {@code untilNs} (or at the last event if the queue empties first).
   */
  public void run(long untilNs) {
    stopped = false;
    while (!stopped && !queue.isEmpty() && queue.peek().timeNs <= untilNs) {
      Entry e = queue.poll();
      if (cancelled.remove(e.id)) {
        continue;
      }
      nowNs = e.timeNs;
      executed++;
      e.handler.handle();
    }
  }

  /** Ends {@link #run()} after the current event. */
  public void stop() {
    stopped = true;
  }

  /** Events executed so far (cancelled ones excluded). */
  public long eventsExecuted() {
    return executed;
  }

  /** Events scheduled and not yet run or cancelled. */
  public int pendingEvents() {
    return queue.size();
  }
}
