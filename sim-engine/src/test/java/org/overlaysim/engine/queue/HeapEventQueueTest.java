package org.overlaysim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.engine.EventQueue;

class HeapEventQueueTest extends EventQueueContract {

  @Override
  EventQueue newQueue() {
    return new HeapEventQueue();
  }

  @Test
  void cancelledEntriesAreReclaimedSoCapacityStaysBounded() {
    HeapEventQueue queue = new HeapEventQueue(16);
    for (int round = 0; round < 100_000; round++) {
      long id = queue.add(1_000_000L + round, new Label(round));
      queue.cancel(id);
    }
    assertThat(queue.size()).isZero();
    assertThat(queue.capacity()).isLessThanOrEqualTo(256);
  }
}
