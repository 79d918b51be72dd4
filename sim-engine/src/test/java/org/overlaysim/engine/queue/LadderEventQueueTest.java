package org.overlaysim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.EventQueue;

class LadderEventQueueTest extends EventQueueContract {

  @Override
  EventQueue newQueue() {
    return new LadderEventQueue();
  }

  @Test
  void cancelledEntriesAreReclaimedSoCapacityStaysBounded() {
    LadderEventQueue queue = new LadderEventQueue();
    for (int i = 0; i < 10_000; i++) {
      queue.add(i, new Label(i));
    }
    int before = queue.capacity();
    for (int round = 0; round < 200_000; round++) {
      long id = queue.add(1_000_000L + round, new Label(round));
      queue.cancel(id);
    }
    assertThat(queue.size()).isEqualTo(10_000);
    assertThat(queue.capacity()).isLessThanOrEqualTo(4 * before);
  }

  /** Hold model at 50,000 pending: the queue runs on its rung, not as one big heap. */
  @Test
  void holdModelWithManyPendingEventsKeepsTimeOrder() {
    LadderEventQueue queue = new LadderEventQueue();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 50_000; i++) {
      queue.add(random.nextLong(1_000_000), new Label(i));
    }
    long previous = -1;
    for (int i = 0; i < 500_000; i++) {
      long now = queue.firstTimeNs();
      assertThat(now).isGreaterThanOrEqualTo(previous);
      previous = now;
      queue.removeFirst();
      long delay = i % 100 == 0 ? 0 : (long) (-1_000_000 * Math.log(1 - random.nextDouble()));
      queue.add(now + delay, new Label(i));
    }
    assertThat(queue.size()).isEqualTo(50_000);
  }

  @Test
  void manyEventsAtOneTimeStayInInsertionOrder() {
    LadderEventQueue queue = new LadderEventQueue();
    for (int i = 0; i < 20_000; i++) {
      queue.add(1_000, new Label(i));
    }
    for (int i = 0; i < 20_000; i++) {
      queue.add(i % 2 == 0 ? 1_000 : 2_000 + i, new Label(20_000 + i));
    }
    long expectedAtThousand = 0;
    while (queue.firstTimeNs() == 1_000) {
      long label = ((Label) queue.removeFirst()).value();
      assertThat(label).isEqualTo(expectedAtThousand);
      expectedAtThousand += expectedAtThousand < 20_000 ? 1 : 2;
    }
    assertThat(expectedAtThousand).isEqualTo(40_000);
  }

  /**
   * The k8s-max pattern: 100,000 timers 0.2–1 s ahead and 5,000 packets in flight 1–100 µs ahead
   * that reschedule themselves, with ties and cancellations: removals follow (time, insertion
   * order) exactly.
   */
  @Test
  void skewedLoadComesOutInTimeThenInsertionOrder() {
    SkewedLoad load = skewedLoad(new LadderEventQueue(), 7);

    load.run(300_000, 7);

    load.drain();
  }

  /** Under the same load the packets get finer rungs instead of crowding the bottom heap. */
  @Test
  void skewedLoadKeepsTheBottomHeapSmall() {
    LadderEventQueue queue = new LadderEventQueue();
    SkewedLoad load = skewedLoad(queue, 8);

    load.run(300_000, 0);

    assertThat(queue.maxBottomSize()).isLessThanOrEqualTo(BOTTOM_BOUND);
  }

  /** A crowded bucket whose events all have one time cannot be split: it goes to the heap whole. */
  @Test
  void crowdedTiesAmongFarTimersStayInInsertionOrder() {
    LadderEventQueue queue = new LadderEventQueue();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 50_000; i++) {
      queue.add(1_000_000_000L + random.nextLong(1_000_000_000L), new Label(-1));
    }
    for (int i = 0; i < 20_000; i++) {
      queue.add(1_500_000_000L, new Label(i));
    }
    long label = -1;
    while (queue.firstTimeNs() < 1_500_000_000L) {
      queue.removeFirst();
    }
    for (int i = 0; i < 20_000; i++) {
      assertThat(queue.firstTimeNs()).isEqualTo(1_500_000_000L);
      label = ((Label) queue.removeFirst()).value();
      assertThat(label).isEqualTo(i);
    }
    assertThat(queue.firstTimeNs()).isGreaterThan(1_500_000_000L);
  }

  /**
   * Timers spread over 2^61 ns make rung 0's buckets ~2^52 ns wide; packets within 1 µs of now then
   * crowd one bucket at every level a rung of at most 2^14 buckets can reach, so rungs nest several
   * deep before a bucket is fine enough, and the order is still exact.
   */
  @Test
  void packetsUnderVeryWideTimerBucketsNestSeveralRungsInOrder() {
    LadderEventQueue queue = new LadderEventQueue();
    SkewedLoad load = new SkewedLoad(queue, 9, 1L << 40, 1L << 61, 0, 1_000);
    load.addFar(20_000);
    load.addNear(3_000);

    queue.firstTimeNs();
    assertThat(queue.rungCount()).isGreaterThanOrEqualTo(3);

    load.run(100_000, 5);
    load.drain();
  }

  /** The bound the bottom heap stays under when its buckets can be split. */
  private static final int BOTTOM_BOUND = 1_024;

  static SkewedLoad skewedLoad(EventQueue queue, long seed) {
    SkewedLoad load = new SkewedLoad(queue, seed, 200_000_000L, 1_000_000_000L, 1_000L, 100_000L);
    load.addFar(100_000);
    load.addNear(5_000);
    return load;
  }
}
