package org.overlaysim.engine;

import org.overlaysim.engine.queue.LadderEventQueue;

/**
 * The discrete-event clock. Time is a long count of nanoseconds from zero; events at the same time
 * run in the order they were scheduled (FIFO by sequence number), never by type.
 *
 * <p>One instance per simulation, passed through constructors: no static state, so several
 * simulations can run in one JVM at once (one thread each; an instance is not thread-safe).
 * Scheduling allocates nothing per event: the id is a long and handlers are long-lived objects.
 */
public final class Simulator {
  private final EventQueue queue;
  private long nowNs;
  private long executed;
  private boolean stopped;
  private boolean running;
  private EventTrace trace;
  // Events from other partitions (a PartitionedSimulator's channels); null when alone.
  private Inbox inbox;

  /**
   * A simulator on the default event queue, {@link LadderEventQueue}: the fastest of ours in the
   * hold-model benchmark from 10^5 pending events up, and never worse than a heap.
   */
  public Simulator() {
    this(new LadderEventQueue());
  }

  /** A simulator on the given (empty) event queue, e.g. to compare queue implementations. */
  public Simulator(EventQueue queue) {
    if (!queue.isEmpty()) {
      throw new IllegalArgumentException("event queue must start empty");
    }
    this.queue = queue;
  }

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
      throw new IllegalArgumentException("negative delay " + delayNs + " ns");
    }
    long timeNs = nowNs + delayNs;
    if (timeNs < 0) {
      throw new IllegalArgumentException("delay " + delayNs + " ns overflows the clock");
    }
    return queue.add(timeNs, handler);
  }

  /** Schedules {@code handler} at absolute time {@code timeNs} (not before now). */
  public long scheduleAt(long timeNs, EventHandler handler) {
    if (timeNs < nowNs) {
      throw new IllegalArgumentException("time " + timeNs + " ns is before now (" + nowNs + " ns)");
    }
    return queue.add(timeNs, handler);
  }

  /** Cancels a pending event; returns false if it already ran or was cancelled. */
  public boolean cancel(long eventId) {
    return queue.cancel(eventId);
  }

  /** Runs until no event is left or {@link #stop()} is called. */
  public void run() {
    run(Long.MAX_VALUE);
  }

  /**
   * Runs every event with time at most {@code untilNs}; later events stay queued. When the run ends
   * because the next event is later than {@code untilNs}, the clock is set to {@code untilNs}; when
   * the queue empties first or {@link #stop()} is called, it stays at the last event's time.
   */
  public void run(long untilNs) {
    if (running) {
      throw new IllegalStateException("run() called from inside an event");
    }
    if (untilNs < nowNs) {
      throw new IllegalArgumentException(
          "until " + untilNs + " ns is before now (" + nowNs + " ns)");
    }
    running = true;
    stopped = false;
    try {
      if (inbox != null) {
        runWithInbox(untilNs);
        return;
      }
      while (!stopped && !queue.isEmpty()) {
        long timeNs = queue.firstTimeNs();
        if (timeNs > untilNs) {
          nowNs = untilNs;
          break;
        }
        nowNs = timeNs;
        EventHandler handler = queue.removeFirst();
        executed++;
        if (trace != null) {
          trace.record(timeNs);
        }
        handler.handle();
      }
    } finally {
      running = false;
    }
  }

  /**
   * The loop of {@link #run(long)} for a partition: the next event is the earlier of the queue's
   * and the inbox's; at equal times the inbox's goes first (it was sent at least a lookahead ago,
   * before anything scheduled since), so the order never depends on when it was taken in.
   */
  private void runWithInbox(long untilNs) {
    while (!stopped) {
      long local = queue.isEmpty() ? Long.MAX_VALUE : queue.firstTimeNs();
      long remote = inbox.firstTimeNs();
      long timeNs = Math.min(local, remote);
      if (timeNs == Long.MAX_VALUE) {
        return;
      }
      if (timeNs > untilNs) {
        nowNs = untilNs;
        return;
      }
      if (timeNs < nowNs) {
        throw new IllegalStateException(
            "an item arrived at "
                + timeNs
                + " ns, before now ("
                + nowNs
                + " ns): a channel's"
                + " lookahead was broken");
      }
      nowNs = timeNs;
      boolean fromInbox = remote <= local;
      if (!fromInbox || inbox.firstIsEvent()) {
        executed++;
        if (trace != null) {
          trace.record(timeNs);
        }
      }
      if (fromInbox) {
        inbox.deliverFirst();
      } else {
        queue.removeFirst().handle();
      }
    }
  }

  /**
   * Sets the clock to {@code timeNs} when every event up to it has run: a partition that ran out of
   * events before the end of a run still ends there, as a simulator with events left does.
   */
  void advanceTo(long timeNs) {
    if (timeNs > nowNs) {
      nowNs = timeNs;
    }
  }

  void inbox(Inbox inbox) {
    this.inbox = inbox;
  }

  /** Ends the current {@link #run()} after the event that calls it. */
  public void stop() {
    stopped = true;
  }

  /**
   * Starts fingerprinting the events executed from now on (see {@link EventTrace}) and returns the
   * trace; the same trace on later calls.
   */
  public EventTrace trace() {
    if (trace == null) {
      trace = new EventTrace();
    }
    return trace;
  }

  /** Events executed so far (cancelled ones excluded). */
  public long eventsExecuted() {
    return executed;
  }

  /** Events scheduled and not yet run or cancelled (other partitions' not counted). */
  public int pendingEvents() {
    return queue.size();
  }
}
