package org.overlaysim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTraceTest {
  /** A handler in a class of its own, as code moved out of this test class would be. */
  private static final class Tick implements EventHandler {
    @Override
    public void handle() {}
  }

  private static EventTrace run(long... timesNs) {
    Simulator simulator = new Simulator();
    EventTrace trace = simulator.trace();
    for (long t : timesNs) {
      simulator.scheduleAt(t, () -> {});
    }
    simulator.run();
    return trace;
  }

  @Test
  void theSameEventsGiveTheSameFingerprint() {
    EventTrace a = run(5, 10, 10, 2_000_000_000L);
    EventTrace b = run(5, 10, 10, 2_000_000_000L);

    assertThat(a.hex()).isEqualTo(b.hex()).hasSize(16);
    assertThat(a.events()).isEqualTo(4);
  }

  @Test
  void oneEventOneNanosecondLaterChangesTheFingerprint() {
    assertThat(run(5, 10, 11).digest()).isNotEqualTo(run(5, 10, 10).digest());
  }

  @Test
  void oneEventMoreChangesTheFingerprint() {
    assertThat(run(5, 10, 10, 10).digest()).isNotEqualTo(run(5, 10, 10).digest());
  }

  @Test
  void handlersMovedToAnotherClassLeaveTheFingerprintAlone() {
    Simulator simulator = new Simulator();
    EventTrace trace = simulator.trace();
    simulator.scheduleAt(5, () -> {});
    simulator.scheduleAt(10, new Tick()); // the same event, its code now in another class
    simulator.run();

    assertThat(trace.digest()).isEqualTo(run(5, 10).digest());
    assertThat(trace.events()).isEqualTo(2);
  }

  @Test
  void cancelledEventsAreNotTraced() {
    Simulator simulator = new Simulator();
    EventTrace trace = simulator.trace();
    simulator.scheduleAt(5, () -> {});
    long cancelled = simulator.scheduleAt(7, () -> {});
    simulator.scheduleAt(10, () -> {});
    simulator.cancel(cancelled);
    simulator.run();

    assertThat(trace.digest()).isEqualTo(run(5, 10).digest());
  }

  @Test
  void partitionsTracesAddUpToTheTraceOfTheSameEventsOnOneClock() {
    EventTrace first = run(5, 10, 2_000_000_000L);
    EventTrace second = run(7, 10);
    EventTrace both = new EventTrace();
    both.add(first);
    both.add(second);

    assertThat(both.digest()).isEqualTo(run(5, 7, 10, 10, 2_000_000_000L).digest());
    assertThat(both.events()).isEqualTo(5);
  }
}
