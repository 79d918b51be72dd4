package org.overlaysim.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.EventQueue;

/** The behaviour every {@link EventQueue} implementation must have. */
abstract class EventQueueContract {

  abstract EventQueue newQueue();

  /** A handler that only carries a label, to identify what came out of the queue. */
  record Label(long value) implements EventHandler {
    @Override
    public void handle() {}
  }

  private static long drainNext(EventQueue queue) {
    return ((Label) queue.removeFirst()).value();
  }

  @Test
  void removesEventsInTimeOrder() {
    EventQueue queue = newQueue();
    long[] times = {50, 10, 40, 20, 30};
    for (long t : times) {
      queue.add(t, new Label(t));
    }
    List<Long> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      long firstTime = queue.firstTimeNs();
      long label = drainNext(queue);
      assertThat(label).isEqualTo(firstTime);
      out.add(label);
    }
    assertThat(out).containsExactly(10L, 20L, 30L, 40L, 50L);
  }

  @Test
  void equalTimesComeOutInInsertionOrder() {
    EventQueue queue = newQueue();
    for (int i = 0; i < 100; i++) {
      queue.add(7, new Label(i));
    }
    for (int i = 0; i < 100; i++) {
      assertThat(drainNext(queue)).isEqualTo(i);
    }
  }

  @Test
  void cancelledEventIsNeverRemoved() {
    EventQueue queue = newQueue();
    queue.add(1, new Label(1));
    long id = queue.add(2, new Label(2));
    queue.add(3, new Label(3));

    assertThat(queue.cancel(id)).isTrue();

    assertThat(queue.size()).isEqualTo(2);
    assertThat(drainNext(queue)).isEqualTo(1);
    assertThat(drainNext(queue)).isEqualTo(3);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void cancellingTheFirstEventExposesTheNext() {
    EventQueue queue = newQueue();
    long first = queue.add(1, new Label(1));
    queue.add(2, new Label(2));

    queue.cancel(first);

    assertThat(queue.firstTimeNs()).isEqualTo(2);
  }

  @Test
  void cancellingTwiceReturnsFalseTheSecondTime() {
    EventQueue queue = newQueue();
    long id = queue.add(5, new Label(5));

    assertThat(queue.cancel(id)).isTrue();
    assertThat(queue.cancel(id)).isFalse();
    assertThat(queue.size()).isZero();
  }

  @Test
  void cancellingARemovedEventReturnsFalseAndKeepsTheSlotsNewOwner() {
    EventQueue queue = newQueue();
    long id = queue.add(5, new Label(5));
    queue.removeFirst();
    long reused = queue.add(6, new Label(6));

    assertThat(queue.cancel(id)).isFalse();
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.cancel(reused)).isTrue();
  }

  @Test
  void cancellingAnUnknownIdReturnsFalse() {
    EventQueue queue = newQueue();
    queue.add(5, new Label(5));

    assertThat(queue.cancel(12345L)).isFalse();
    assertThat(queue.cancel(-1L)).isFalse();
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void negativeTimeIsRejected() {
    EventQueue queue = newQueue();

    assertThatThrownBy(() -> queue.add(-1, new Label(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void handlesTimesAcrossTheWholeLongRange() {
    EventQueue queue = newQueue();
    queue.add(Long.MAX_VALUE, new Label(3));
    queue.add(0, new Label(1));
    queue.add(1L << 40, new Label(2));

    assertThat(drainNext(queue)).isEqualTo(1);
    assertThat(drainNext(queue)).isEqualTo(2);
    assertThat(queue.firstTimeNs()).isEqualTo(Long.MAX_VALUE);
    assertThat(drainNext(queue)).isEqualTo(3);
  }

  @Test
  void manyEventsSpreadOverTheWholeLongRangeComeOutSorted() {
    EventQueue queue = newQueue();
    SplittableRandom random = new SplittableRandom(11);
    long[] times = new long[20_000];
    for (int i = 0; i < times.length; i++) {
      times[i] = i % 97 == 0 ? Long.MAX_VALUE : random.nextLong(Long.MAX_VALUE);
      queue.add(times[i], new Label(times[i]));
    }
    java.util.Arrays.sort(times);
    for (long expected : times) {
      assertThat(queue.firstTimeNs()).isEqualTo(expected);
      assertThat(drainNext(queue)).isEqualTo(expected);
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  /**
   * A random mix of adds (clustered, spread and far-future times, many ties), cancels and removals
   * gives the same sequence as a sorted reference map keyed by (time, insertion order).
   */
  @Test
  void randomOperationsMatchASortedReference() {
    SplittableRandom random = new SplittableRandom(42);
    EventQueue queue = newQueue();
    TreeMap<long[], Long> reference =
        new TreeMap<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<long[]> keys = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    long now = 0;
    long seq = 0;
    for (int step = 0; step < 200_000; step++) {
      int op = random.nextInt(10);
      if (op < 5 || reference.isEmpty()) {
        long delay =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(3); // ties
              case 1 -> random.nextLong(1_000);
              case 2 -> random.nextLong(1_000_000);
              default -> random.nextLong(1L << 40); // far-future timers
            };
        long[] key = {now + delay, seq++};
        long id = queue.add(key[0], new Label(key[1]));
        reference.put(key, id);
        keys.add(key);
        ids.add(id);
      } else if (op < 7) {
        int pick = random.nextInt(keys.size());
        boolean pending = reference.remove(keys.get(pick)) != null;
        assertThat(queue.cancel(ids.get(pick))).isEqualTo(pending);
      } else {
        long[] expected = reference.pollFirstEntry().getKey();
        assertThat(queue.firstTimeNs()).isEqualTo(expected[0]);
        now = expected[0];
        assertThat(drainNext(queue)).isEqualTo(expected[1]);
      }
      assertThat(queue.size()).isEqualTo(reference.size());
      if (keys.size() > 50_000) {
        keys.subList(0, 25_000).clear();
        ids.subList(0, 25_000).clear();
      }
    }
    while (!reference.isEmpty()) {
      assertThat(drainNext(queue)).isEqualTo(reference.pollFirstEntry().getKey()[1]);
    }
    assertThat(queue.isEmpty()).isTrue();
  }
}
