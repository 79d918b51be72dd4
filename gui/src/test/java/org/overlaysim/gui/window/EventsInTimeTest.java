package org.overlaysim.gui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;

/** The time slider's words for failover.yaml's cut at 2 s and restoration at 6 s. */
class EventsInTimeTest {
  private static final long MS = 1_000_000L;

  @Test
  void aSliceNamesTheEventsInItAndWhatIsDownAtItsEnd() throws Exception {
    Scenario failover =
        ScenarioLoader.load(Path.of("..", "scenarios", "examples", "failover.yaml")).base();
    assertThat(EventsInTime.describe(failover, 1900 * MS, 2000 * MS)).isEmpty();
    assertThat(EventsInTime.describe(failover, 2000 * MS, 2100 * MS))
        .isEqualTo("link primary down; down: link primary");
    assertThat(EventsInTime.describe(failover, 4000 * MS, 4100 * MS))
        .isEqualTo("down: link primary");
    assertThat(EventsInTime.describe(failover, 5950 * MS, 6050 * MS)).isEqualTo("link primary up");
    assertThat(EventsInTime.describe(failover, 7000 * MS, 7100 * MS)).isEmpty();
  }
}
