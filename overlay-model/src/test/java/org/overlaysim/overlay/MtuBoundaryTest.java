package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.topology.DropReason;

/**
 * The exact MTU boundaries of each encapsulation on an IPv4 underlay (overlay-reference.md,
 * "VXLAN", "Geneve, IP-in-IP", "Oversized packets"): ping -s N -M do passes when N + 8 (ICMP) + 20
 * (IPv4) fits the container MTU (underlay MTU - overhead), and the sender's own stack refuses N + 1
 * ("message too long"): nothing leaves the container.
 */
class MtuBoundaryTest {
  private static ScenarioRun ping(String encapsulation, int underlayMtu, int size) {
    return ScenarioRun.of(
            "two-hosts.yaml",
            "overlays.net.encapsulation=" + encapsulation,
            "underlay.defaults.mtu=" + underlayMtu,
            "traffic.ping.size=" + size)
        .run();
  }

  static void passes(ScenarioRun r) {
    assertThat(r.observer.samples(0)).isEqualTo(3);
    assertThat(r.observer.drops).isEmpty();
  }

  /** Refused by container a's own stack: three drops there, nothing on the wire. */
  static void refusedLocally(ScenarioRun r) {
    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.drops)
        .hasSize(3)
        .allSatisfy(
            d -> {
              assertThat(d.reason()).isEqualTo(DropReason.MTU_EXCEEDED);
              assertThat(d.where()).isEqualTo("a");
            });
    assertThat(r.observer.wire).isEmpty();
  }

  @Test
  void vxlanOn1500PassesPayload1422AndRefuses1423() {
    passes(ping("vxlan", 1500, 1422));
    refusedLocally(ping("vxlan", 1500, 1423));
  }

  @Test
  void geneveOn1500PassesPayload1422AndRefuses1423() {
    passes(ping("geneve", 1500, 1422));
    refusedLocally(ping("geneve", 1500, 1423));
  }

  @Test
  void ipipOn1500PassesPayload1452AndRefuses1453() {
    passes(ping("ipip", 1500, 1452));
    refusedLocally(ping("ipip", 1500, 1453));
  }

  @Test
  void noEncapsulationOn1500PassesPayload1472AndRefuses1473() {
    passes(ping("none", 1500, 1472));
    refusedLocally(ping("none", 1500, 1473));
  }

  @Test
  void vxlanOn9000PassesPayload8922AndRefuses8923() {
    passes(ping("vxlan", 9000, 8922));
    refusedLocally(ping("vxlan", 9000, 8923));
  }

  @Test
  void fullSizeVxlanPacketFillsTheUnderlayMtuExactly() {
    ScenarioRun r = ping("vxlan", 1500, 1422);
    // 1422 + 8 + 20 = 1450 inner, + 50 = 1500 outer: 1538 byte-times on the wire.
    assertThat(r.observer.wire.get(0)).containsOnly(1538L);
  }
}
