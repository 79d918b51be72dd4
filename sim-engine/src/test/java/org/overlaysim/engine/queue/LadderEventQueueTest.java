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
}
