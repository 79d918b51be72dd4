package org.overlaysim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.overlaysim.engine.EventQueue;
import org.overlaysim.engine.queue.EventQueueContract.Label;

/**
 * The load of a network simulation, run against a queue and a reference side by side: timers far
 * ahead (RTO timers, request arrivals), packets in flight a few microseconds ahead that reschedule
 * themselves, ties (several events at one time) and cancellations. The reference is a {@link
 * PriorityQueue} ordered by (time, sequence), cancelled entries skipped when they surface; every
 * removal must give the reference's event.
 */
final class SkewedLoad {
  private final EventQueue queue;
  private final SplittableRandom random;
  private final PriorityQueue<long[]> reference =
      new PriorityQueue<>(
          (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
  private long[] ids = new long[1 << 16];
  private long[] times = new long[1 << 16];
  private boolean[] cancelled = new boolean[1 << 16];
  private boolean[] removed = new boolean[1 << 16];
  private int cancelledPending;
  private final long farLowNs;
  private final long farHighNs;
  private final long nearLowNs;
  private final long nearHighNs;
  private long seq;
  private long now;
  private long removals;

  SkewedLoad(
      EventQueue queue, long seed, long farLowNs, long farHighNs, long nearLowNs, long nearHighNs) {
    this.queue = queue;
    this.random = new SplittableRandom(seed);
    this.farLowNs = farLowNs;
    this.farHighNs = farHighNs;
    this.nearLowNs = nearLowNs;
    this.nearHighNs = nearHighNs;
  }

  /** Adds {@code count} far-future events (timers). */
  void addFar(int count) {
    for (int i = 0; i < count; i++) {
      add(now + farLowNs + random.nextLong(farHighNs - farLowNs + 1));
    }
  }

  /** Adds {@code count} near-future events (packets in flight). */
  void addNear(int count) {
    for (int i = 0; i < count; i++) {
      add(now + nearLowNs + random.nextLong(nearHighNs - nearLowNs + 1));
    }
  }

  /**
   * Removes {@code steps} events, each checked against the reference. A removed event is replaced
   * by one of its own kind (near if it was less than the far low bound ahead when added), sometimes
   * by two events at one time or one at the same time as the event just removed; every {@code
   * cancelEvery}-th step cancels a random earlier event (0: never).
   */
  void run(int steps, int cancelEvery) {
    for (int step = 0; step < steps; step++) {
      long[] expected = pollReference();
      if (expected == null) {
        assertThat(queue.isEmpty()).isTrue();
        return;
      }
      assertThat(queue.firstTimeNs()).as("time of removal %d", removals).isEqualTo(expected[0]);
      long label = ((Label) queue.removeFirst()).value();
      assertThat(label).as("event of removal %d", removals).isEqualTo(expected[1]);
      removals++;
      now = expected[0];
      boolean wasNear = expected[2] == 1;
      int draw = random.nextInt(20);
      if (draw == 0) {
        add(now); // at the current time: after everything already there
      } else if (draw == 1) {
        long t = now + (wasNear ? nearLowNs : farLowNs);
        add(t); // two at one time
        add(t);
      } else if (wasNear) {
        addNear(1);
      } else {
        addFar(1);
      }
      if (cancelEvery > 0 && step % cancelEvery == 0) {
        cancelRandom();
      }
      assertThat(queue.size()).isEqualTo(reference.size() - cancelledPending);
    }
  }

  /** Empties the queue, checking every removal. */
  void drain() {
    while (true) {
      long[] expected = pollReference();
      if (expected == null) {
        break;
      }
      assertThat(queue.firstTimeNs()).isEqualTo(expected[0]);
      assertThat(((Label) queue.removeFirst()).value()).isEqualTo(expected[1]);
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  private void cancelRandom() {
    int victim = (int) random.nextLong(seq);
    boolean pending = !cancelled[victim] && !removed[victim];
    assertThat(queue.cancel(ids[(int) victim])).as("cancel of event %d", victim).isEqualTo(pending);
    if (pending) {
      cancelled[victim] = true;
      cancelledPending++;
    }
  }

  private long[] pollReference() {
    while (true) {
      long[] head = reference.poll();
      if (head == null) {
        return null;
      }
      int s = (int) head[1];
      removed[s] = true;
      if (!cancelled[s]) {
        return head;
      }
      cancelledPending--;
    }
  }

  private void add(long t) {
    int s = (int) seq++;
    if (s == ids.length) {
      ids = Arrays.copyOf(ids, 2 * s);
      times = Arrays.copyOf(times, 2 * s);
      cancelled = Arrays.copyOf(cancelled, 2 * s);
      removed = Arrays.copyOf(removed, 2 * s);
    }
    times[s] = t;
    ids[s] = queue.add(t, new Label(s));
    reference.add(new long[] {t, s, t - now < farLowNs ? 1 : 0});
  }
}
