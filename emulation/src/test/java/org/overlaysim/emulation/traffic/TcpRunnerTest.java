package org.overlaysim.emulation.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.TcpTraffic;

/**
 * The kernel runs the congestion control the scenario names, CUBIC (Linux's) when it names none.
 */
class TcpRunnerTest {
  private static TcpTraffic bulk(String... overrides) throws Exception {
    Path file = Path.of(TcpRunnerTest.class.getResource("/emulation/tcp-bottleneck.yaml").toURI());
    return (TcpTraffic)
        ScenarioLoader.load(file, List.of(overrides)).runs().get(0).scenario().traffic().get(0);
  }

  @Test
  void aFlowThatNamesRenoRunsReno() throws Exception {
    assertThat(TcpRunner.congestionControl(bulk("traffic.bulk.congestionControl=reno")))
        .isEqualTo("reno");
  }

  @Test
  void aScenarioWideDefaultReachesTheFlow() throws Exception {
    assertThat(TcpRunner.congestionControl(bulk("tcp.congestionControl=reno"))).isEqualTo("reno");
  }

  @Test
  void aFlowThatNamesNoneRunsCubicWhateverTheMachinesDefault() throws Exception {
    assertThat(TcpRunner.congestionControl(bulk())).isEqualTo("cubic");
  }
}
