package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropReasonTest {
  @Test
  void reportNamesAreThoseOfTheScenarioFormat() {
    assertThat(Arrays.stream(DropReason.values()).map(DropReason::reportName))
        .containsExactly(
            "acl-deny",
            "policy-deny",
            "mtu-exceeded",
            "no-route",
            "no-fdb",
            "queue-full",
            "link-loss",
            "ttl-expired",
            "vni-mismatch",
            "link-down",
            "host-down");
  }

  @Test
  void reportNameLeadsBackToItsReason() {
    for (DropReason r : DropReason.values()) {
      assertThat(DropReason.fromReportName(r.reportName())).isSameAs(r);
    }
  }

  @Test
  void unknownReportNameIsRejected() {
    assertThatThrownBy(() -> DropReason.fromReportName("cosmic-ray"))
        .hasMessageContaining("cosmic-ray");
  }
}
