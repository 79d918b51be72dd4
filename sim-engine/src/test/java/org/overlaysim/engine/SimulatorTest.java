package org.overlaysim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private final Simulator sim = new Simulator();
  private final List<String> trace = new ArrayList<>();

  /** Records its name and the clock when it runs. */
  private EventHandler record(String name) {
    return () -> trace.add(name + "@" + sim.nowNs());
  }

  @Test
  void runsEventsInTimeOrderWithTheClockAtEachEventsTime() {
    sim.schedule(300, record("c"));
    sim.schedule(100, record("a"));
    sim.schedule(200, record("b"));

    sim.run();

    assertThat(trace).containsExactly("a@100", "b@200", "c@300");
    assertThat(sim.eventsExecuted()).isEqualTo(3);
  }

  @Test
  void eventsAtTheSameTimeRunInSchedulingOrder() {
    for (String name : List.of("first", "second", "third", "fourth")) {
      sim.scheduleAt(500, record(name));
    }

    sim.run();

    assertThat(trace).containsExactly("first@500", "second@500", "third@500", "fourth@500");
  }

  @Test
  void zeroDelayEventScheduledByAnEventRunsAfterEventsAlreadyDueThen() {
    sim.scheduleAt(10, () -> sim.schedule(0, record("child")));
    sim.scheduleAt(10, record("sibling"));

    sim.run();

    assertThat(trace).containsExactly("sibling@10", "child@10");
  }

  @Test
  void delayIsRelativeToTheCurrentEventsTime() {
    sim.scheduleAt(1_000, () -> sim.schedule(250, record("later")));

    sim.run();

    assertThat(trace).containsExactly("later@1250");
  }

  @Test
  void cancelledEventDoesNotRun() {
    sim.schedule(1, record("kept"));
    long id = sim.schedule(2, record("cancelled"));

    assertThat(sim.cancel(id)).isTrue();
    sim.run();

    assertThat(trace).containsExactly("kept@1");
    assertThat(sim.eventsExecuted()).isEqualTo(1);
  }

  @Test
  void cancellingTwiceReturnsFalseTheSecondTime() {
    long id = sim.schedule(2, record("x"));

    assertThat(sim.cancel(id)).isTrue();
    assertThat(sim.cancel(id)).isFalse();
  }

  @Test
  void cancellingAnEventThatAlreadyRanReturnsFalseAndTouchesNoOtherEvent() {
    long ran = sim.schedule(1, record("ran"));
    sim.run();
    sim.schedule(5, record("next"));

    assertThat(sim.cancel(ran)).isFalse();
    sim.run();

    assertThat(trace).containsExactly("ran@1", "next@6");
  }

  @Test
  void anEventCanCancelALaterOne() {
    long[] timeout = new long[1];
    sim.schedule(10, () -> sim.cancel(timeout[0]));
    timeout[0] = sim.schedule(20, record("timeout"));

    sim.run();

    assertThat(trace).isEmpty();
    assertThat(sim.pendingEvents()).isZero();
  }

  @Test
  void runUntilLeavesLaterEventsQueuedAndSetsTheClockToUntil() {
    sim.scheduleAt(100, record("early"));
    sim.scheduleAt(200, record("atLimit"));
    sim.scheduleAt(201, record("late"));

    sim.run(200);

    assertThat(trace).containsExactly("early@100", "atLimit@200");
    assertThat(sim.nowNs()).isEqualTo(200);
    assertThat(sim.pendingEvents()).isEqualTo(1);
  }

  @Test
  void runUntilBeforeTheNextEventAdvancesTheClockToUntil() {
    sim.scheduleAt(1_000, record("late"));

    sim.run(400);

    assertThat(sim.nowNs()).isEqualTo(400);
    assertThat(trace).isEmpty();
  }

  @Test
  void runAfterRunUntilResumesWithTheQueuedEventsAndRelativeDelaysFromUntil() {
    sim.scheduleAt(100, record("a"));
    sim.scheduleAt(300, record("c"));
    sim.run(150);
    sim.schedule(50, record("b"));

    sim.run();

    assertThat(trace).containsExactly("a@100", "b@200", "c@300");
  }

  @Test
  void runUntilWithAnEmptyingQueueLeavesTheClockAtTheLastEvent() {
    sim.scheduleAt(100, record("only"));

    sim.run(1_000);

    assertThat(sim.nowNs()).isEqualTo(100);
  }

  @Test
  void stopEndsTheRunAfterTheCurrentEventAndRunResumes() {
    sim.scheduleAt(1, record("a"));
    sim.scheduleAt(2, sim::stop);
    sim.scheduleAt(3, record("c"));

    sim.run();
    assertThat(trace).containsExactly("a@1");
    assertThat(sim.nowNs()).isEqualTo(2);

    sim.run();
    assertThat(trace).containsExactly("a@1", "c@3");
  }

  @Test
  void schedulingInThePastIsRejected() {
    sim.scheduleAt(100, () -> {});
    sim.run();

    assertThatThrownBy(() -> sim.scheduleAt(99, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before now");
    assertThatThrownBy(() -> sim.schedule(-1, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative delay");
  }

  @Test
  void delayOverflowingTheClockIsRejected() {
    sim.scheduleAt(10, () -> {});
    sim.run();

    assertThatThrownBy(() -> sim.schedule(Long.MAX_VALUE, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overflows");
  }

  @Test
  void runFromInsideAnEventIsRejected() {
    sim.schedule(1, () -> sim.run());

    assertThatThrownBy(sim::run).isInstanceOf(IllegalStateException.class);
  }
}
