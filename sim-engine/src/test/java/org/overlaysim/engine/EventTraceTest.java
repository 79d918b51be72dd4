package org.overlaysim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTraceTest {
  /** A handler kind of its own, to tell from lambdas of this test class. */
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
  void anEventOfAnotherKindAtTheSameTimeChangesTheFingerprint() {
    Simulator simulator = new Simulator();
    EventTrace trace = simulator.trace();
    simulator.scheduleAt(5, () -> {});
    simulator.scheduleAt(10, new Tick());
    simulator.run();

    assertThat(trace.digest()).isNotEqualTo(run(5, 10).digest());
    assertThat(trace.events()).isEqualTo(2);
  }

  @Test
  void lambdasCountAsTheirEnclosingClassWhateverTheJvmNamesThem() {
    Simulator simulator = new Simulator();
    EventTrace trace = simulator.trace();
    EventHandler first = () -> {};
    EventHandler second = () -> {}; // another hidden class, another JVM-chosen suffix
    simulator.scheduleAt(5, first);
    simulator.scheduleAt(10, second);
    simulator.run();

    assertThat(first.getClass()).isNotEqualTo(second.getClass());
    assertThat(trace.digest()).isEqualTo(run(5, 10).digest());
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
}
