package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.topology.DropReason;

/**
 * NetworkPolicy and VTEP ACLs on the packet path (scenario-format.md "Required behaviour": isolated
 * for ingress once a policy selects the pod; replies of an allowed connection pass; ACLs are
 * stateless and per host VTEP).
 */
class SegmentationTest {
  private final ScenarioRun run = ScenarioRun.of("segmentation.yaml").run();

  @Test
  void aPodNotAllowedByTheIngressPolicyIsDroppedAtTheDestinationsVtep() {
    assertThat(run.observer.samples(0)).isZero();
    assertThat(run.observer.drops)
        .filteredOn(d -> d.flow() == 0)
        .hasSize(3)
        .allSatisfy(
            d -> {
              assertThat(d.reason()).isEqualTo(DropReason.POLICY_DENY);
              assertThat(d.where()).isEqualTo("h2/vtep/ingress");
            });
  }

  @Test
  void anAllowedPodGetsItsRepliesBackThroughConnectionTracking() {
    assertThat(run.observer.samples(1)).isEqualTo(3);
    assertThat(run.observer.drops).filteredOn(d -> d.flow() == 1).isEmpty();
  }

  @Test
  void theVtepAclDropsTheUdpPortItDeniesEvenForAnAllowedPod() {
    assertThat(run.observer.samples(2)).isZero();
    assertThat(run.observer.drops)
        .filteredOn(d -> d.flow() == 2)
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.reason()).isEqualTo(DropReason.ACL_DENY));
  }
}
