package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.topology.DropReason;

/**
 * Two overlays with the same subnet and addresses, different VNIs, on the same hosts
 * (scenario-format.md: containers in different overlays never reach each other; Linux vxlan_rcv
 * drops a VNI it has no device for).
 */
class VniIsolationTest {
  @Test
  void framesOfOneVniNeverReachContainersOfAnother() {
    ScenarioRun r = ScenarioRun.of("tenants.yaml");
    List<byte[]> redB = new ArrayList<>();
    List<byte[]> redA = new ArrayList<>();
    r.network.tapContainer("red-b", (now, frame) -> redB.add(frame));
    r.network.tapContainer("red-a", (now, frame) -> redA.add(frame));
    r.run();
    // blue-b has red-b's address: blue's echoes reach blue-b, and only it.
    assertThat(r.observer.samples(0)).isEqualTo(3);
    assertThat(redA).isEmpty();
    assertThat(redB).isEmpty();
  }

  @Test
  void anAddressThatExistsOnlyInAnotherOverlayIsUnknownInThisOne() {
    ScenarioRun r = ScenarioRun.of("tenants.yaml").run();
    // red-c's 172.20.0.12 is nobody in blue: the ARP proxy has no entry.
    assertThat(r.observer.samples(1)).isZero();
    assertThat(r.observer.drops)
        .hasSize(3)
        .allSatisfy(d -> assertThat(d.reason()).isEqualTo(DropReason.NO_FDB));
  }

  @Test
  void aFrameForcedOntoAVtepWithoutItsVniIsDroppedAsVniMismatch() {
    ScenarioRun r = ScenarioRun.of("tenants.yaml");
    Frame forged = new Frame();
    forged.srcIp = 0xac14000a;
    forged.dstIp = 0xac14000b;
    forged.icmp(8, 0, 1, 56);
    forged.tunneled = true;
    forged.tunnelKind = Frame.TUNNEL_VXLAN;
    forged.vni = 4099;
    forged.outerSrc = r.network.underlay().host("h1").ipv4();
    forged.outerDst = r.network.underlay().host("h2").ipv4();
    forged.outerProto = 17;
    forged.outerSrcPort = 50000;
    forged.outerDstPort = 4789;
    forged.outerLength = 20 + 8 + 8 + 14 + forged.ipLength;
    r.network.underlayNetwork().send(0, forged);
    r.runUntil(1_000_000_000L);
    assertThat(r.observer.drops)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo(DropReason.VNI_MISMATCH);
              assertThat(d.where()).isEqualTo("h2/vtep");
            });
  }
}
