package org.overlaysim.benchmarks;

import java.util.Comparator;
import java.util.PriorityQueue;
import org.overlaysim.engine.EventHandler;

/**
 * The baseline: the textbook Java event loop, a {@link PriorityQueue} of event objects ordered by
 * (time, sequence), one object allocated per scheduled event. This is what the engine replaced.
 */
final class PriorityQueueEngine {
  private record Event(long timeNs, long seq, EventHandler handler) {}

  private static final Comparator<Event> ORDER =
      (a, b) ->
          a.timeNs != b.timeNs ? Long.compare(a.timeNs, b.timeNs) : Long.compare(a.seq, b.seq);

  private final PriorityQueue<Event> queue = new PriorityQueue<>(ORDER);
  private long nowNs;
  private long nextSeq;
  private boolean stopped;

  long nowNs() {
    return nowNs;
  }

  void schedule(long delayNs, EventHandler handler) {
    queue.add(new Event(nowNs + delayNs, nextSeq++, handler));
  }

  void stop() {
    stopped = true;
  }

  void run() {
    stopped = false;
    while (!stopped && !queue.isEmpty()) {
      Event e = queue.poll();
      nowNs = e.timeNs;
      e.handler.handle();
    }
  }
}
