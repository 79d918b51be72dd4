package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DESIGN.md convention 5: the same scenario and seed give the same run, event for event. */
class DeterminismTest {
  @Test
  void twoRunsOfOneScenarioReportTheSameMeasurementsAndEventCount() {
    ScenarioRun first = ScenarioRun.of("control-planes.yaml").run();
    ScenarioRun second = ScenarioRun.of("control-planes.yaml").run();
    assertThat(second.simulator.eventsExecuted()).isEqualTo(first.simulator.eventsExecuted());
    assertThat(second.observer.latencies).isEqualTo(first.observer.latencies);
    assertThat(second.observer.wire).isEqualTo(first.observer.wire);
    assertThat(second.observer.bumFrames).isEqualTo(first.observer.bumFrames);
    assertThat(second.network.linkCounters()).isEqualTo(first.network.linkCounters());
  }
}
