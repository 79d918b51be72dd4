package org.overlaysim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.EventQueue;

class CalendarEventQueueTest extends EventQueueContract {

  @Override
  EventQueue newQueue() {
    return new CalendarEventQueue();
  }

  @Test
  void cancelledEventsAreUnlinkedSoCapacityStaysBounded() {
    CalendarEventQueue queue = new CalendarEventQueue(16);
    for (int round = 0; round < 100_000; round++) {
      long id = queue.add(1_000_000L + round, new Label(round));
      queue.cancel(id);
    }
    assertThat(queue.size()).isZero();
    assertThat(queue.capacity()).isLessThanOrEqualTo(64);
  }

  @Test
  void bucketWidthFollowsTheSpacingOfTheEarliestEvents() {
    CalendarEventQueue queue = new CalendarEventQueue();
    for (int i = 0; i < 10_000; i++) {
      queue.add(i * 1_000L, new Label(i)); // 1 us apart
    }
    // three mean gaps is 3 us; the width is the power of two at or below it
    assertThat(queue.bucketWidthNs()).isEqualTo(2048);
  }

  @Test
  void farFutureTimersDoNotWidenTheBuckets() {
    CalendarEventQueue queue = new CalendarEventQueue();
    for (int i = 0; i < 10_000; i++) {
      queue.add(i * 1_000L, new Label(i));
      if (i % 10 == 0) {
        queue.add(300_000_000_000L + i, new Label(-i)); // 300 s ageing timers
      }
    }
    assertThat(queue.bucketWidthNs()).isEqualTo(2048);
  }

  /**
   * A hold model: {@code pending} events, each replaced on removal by one up to {@code maxNs}
   * later.
   */
  private static void hold(CalendarEventQueue queue, SplittableRandom random, long maxNs, int ops) {
    for (int i = 0; i < ops; i++) {
      long now = queue.firstTimeNs();
      queue.removeFirst();
      queue.add(now + random.nextLong(maxNs), new Label(i));
    }
  }

  @Test
  void widthShrinksWhenEventsBecomeDenserAtConstantSize() {
    CalendarEventQueue queue = new CalendarEventQueue();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 256; i++) {
      queue.add(random.nextLong(1_000_000), new Label(i)); // 1 ms spread
    }
    long sparseWidth = queue.bucketWidthNs();

    hold(queue, random, 1_000, 300_000); // now 1 us spread: every old event has left

    assertThat(queue.bucketWidthNs()).isLessThanOrEqualTo(sparseWidth / 64);
  }

  @Test
  void widthGrowsWhenEventsBecomeSparserAtConstantSize() {
    CalendarEventQueue queue = new CalendarEventQueue();
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 4_096; i++) {
      queue.add(random.nextLong(1_000), new Label(i)); // 1 us spread
    }
    long denseWidth = queue.bucketWidthNs();

    hold(queue, random, 1_000_000, 50_000);

    assertThat(queue.bucketWidthNs()).isGreaterThanOrEqualTo(denseWidth * 64);
  }
}
