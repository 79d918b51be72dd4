package org.overlaysim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioLoader;

/** A stored run is reused only while its inputs are the same (what resuming a batch relies on). */
class RunFingerprintTest {
  static final Path SCENARIO = Path.of("src", "test", "resources", "two-site-captures.yaml");

  private static Run load(String... overrides) throws Exception {
    return ScenarioLoader.load(SCENARIO, List.of(overrides)).runs().get(0);
  }

  @Test
  void theSameInputsGiveTheSameFingerprint() throws Exception {
    assertThat(RunStore.fingerprint(load())).isEqualTo(RunStore.fingerprint(load()));
  }

  @Test
  void aChangedContainerChangesIt() throws Exception {
    assertThat(RunStore.fingerprint(load("containers[1].ip=172.20.0.21")))
        .isNotEqualTo(RunStore.fingerprint(load()));
  }

  @Test
  void aChangedHostChangesIt() throws Exception {
    assertThat(RunStore.fingerprint(load("hosts[0].bandwidth=1Gbps")))
        .isNotEqualTo(RunStore.fingerprint(load()));
  }

  @Test
  void aChangedDurationChangesIt() throws Exception {
    assertThat(RunStore.fingerprint(load("duration=7s")))
        .isNotEqualTo(RunStore.fingerprint(load()));
  }
}
