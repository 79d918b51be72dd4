package org.overlaysim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.engine.queue.CalendarEventQueue;
import org.overlaysim.engine.queue.HeapEventQueue;
import org.overlaysim.engine.queue.LadderEventQueue;

/**
 * Ten million events run without growing memory: a hold model (each event schedules the next of its
 * chain) with 1,000 chains, where every event also re-arms a timeout by cancelling the previous
 * one, as a retransmission timer does. Pending events stay at 2,000, so the queue's arrays must
 * stop growing and the live heap after GC must be the same at a tenth of the run and at its end:
 * 10M events on the default queue, 2M on the others (to keep the suite short).
 */
class TenMillionEventsTest {
  private static final int CHAINS = 1_000;
  private static final long LEAK_LIMIT_BYTES = 32L << 20; // a leak of 9M events is >= 250 MB

  /** One chain of the hold model: fires, re-arms its timeout, schedules its next firing. */
  private static final class Chain implements EventHandler {
    private final Simulator sim;
    private final RandomStream delays;
    private final EventHandler onTimeout;
    private long timeoutId = -1;

    Chain(Simulator sim, RandomStream delays, EventHandler onTimeout) {
      this.sim = sim;
      this.delays = delays;
      this.onTimeout = onTimeout;
    }

    @Override
    public void handle() {
      if (timeoutId >= 0) {
        sim.cancel(timeoutId);
      }
      timeoutId = sim.schedule(1_000_000_000L, onTimeout);
      sim.schedule(1 + (long) delays.exponential(1_000_000), this);
    }
  }

  static Stream<Arguments> queues() {
    LadderEventQueue ladder = new LadderEventQueue();
    HeapEventQueue heap = new HeapEventQueue();
    CalendarEventQueue calendar = new CalendarEventQueue();
    return Stream.of(
        Arguments.of("ladder (the default)", ladder, (IntSupplier) ladder::capacity, 10_000_000L),
        Arguments.of("heap", heap, (IntSupplier) heap::capacity, 2_000_000L),
        Arguments.of("calendar", calendar, (IntSupplier) calendar::capacity, 2_000_000L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void tenMillionEventsRunWithoutGrowingMemory(
      String name, EventQueue queue, IntSupplier capacity, long events) {
    Simulator sim = new Simulator(queue);
    RandomStream delays = new RandomStreams(1, 0).stream("hold");
    EventHandler timeoutFired =
        () -> {
          throw new AssertionError("a re-armed timeout must never fire");
        };
    for (int i = 0; i < CHAINS; i++) {
      sim.schedule(i, new Chain(sim, delays, timeoutFired));
    }

    runUntilExecuted(sim, events / 10);
    int capacityAt1M = capacity.getAsInt();
    long heapAt1M = usedHeapAfterGc();

    runUntilExecuted(sim, events);
    int capacityAt10M = capacity.getAsInt();
    long heapAt10M = usedHeapAfterGc();

    assertThat(sim.eventsExecuted()).isGreaterThanOrEqualTo(events);
    assertThat(sim.pendingEvents()).isEqualTo(2 * CHAINS);
    assertThat(capacityAt10M).isEqualTo(capacityAt1M).isLessThanOrEqualTo(8 * CHAINS);
    assertThat(heapAt10M - heapAt1M).isLessThan(LEAK_LIMIT_BYTES);
  }

  private static void runUntilExecuted(Simulator sim, long events) {
    while (sim.eventsExecuted() < events) {
      // each chain fires every 1 ms on average, so 1 ms of simulated time is ~CHAINS events
      long remainingMs = (events - sim.eventsExecuted()) / CHAINS + 1;
      sim.run(sim.nowNs() + remainingMs * 1_000_000L);
    }
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    // The smallest of a few collections: one System.gc() may leave floating garbage behind.
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
