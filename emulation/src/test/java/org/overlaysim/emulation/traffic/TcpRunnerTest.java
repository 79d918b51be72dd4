package org.overlaysim.emulation.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The hook for the scenario key {@code congestionControl} (issue 16, added to the scenario format
 * on another branch): read from the traffic entry's record when it has the component, CUBIC
 * (Linux's default) otherwise.
 */
class TcpRunnerTest {
  enum Algorithm {
    CUBIC,
    RENO
  }

  record WithEnum(String name, Algorithm congestionControl) {}

  record WithString(String name, String congestionControl) {}

  record Without(String name) {}

  @Test
  void aFlowThatNamesRenoRunsReno() {
    assertThat(TcpRunner.congestionControlOf(new WithEnum("bulk", Algorithm.RENO)))
        .isEqualTo("reno");
    assertThat(TcpRunner.congestionControlOf(new WithString("bulk", "reno"))).isEqualTo("reno");
  }

  @Test
  void aFlowThatNamesNoneRunsCubicWhateverTheMachinesDefault() {
    assertThat(TcpRunner.congestionControlOf(new Without("bulk"))).isEqualTo("cubic");
    assertThat(TcpRunner.congestionControlOf(new WithEnum("bulk", null))).isEqualTo("cubic");
  }
}
