package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.fdb.EvpnForwardingTable;
import org.overlaysim.topology.DropReason;

/**
 * Four VTEPs of one VNI; c-1 on node-1 pings c-3 on node-3 (overlay-reference.md, "VXLAN and the
 * Linux driver": head-end replication to the all-zeros remotes, learning from decapsulated frames,
 * ageing; "Systems users run": Docker and Flannel push static entries, nothing floods).
 */
class ControlPlaneTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void floodAndLearnReplicatesTheFirstFrameToEveryOtherVtepOfTheVni() {
    ScenarioRun r = ScenarioRun.of("control-planes.yaml");
    r.network.start();
    r.simulator.run(50_000_000L);
    // The ARP request for c-3 is broadcast: one copy per other VTEP (4 - 1), counted one by one.
    assertThat(r.observer.bum("net")).isEqualTo(3);
    // Each copy: outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 + ARP 28 = 78 bytes.
    assertThat(r.observer.bumBytes.get("net")).isEqualTo(3L * 78);
  }

  @Test
  void floodAndLearnSendsOnlyToTheLearntVtepOnceBothEndsHaveLearnt() {
    ScenarioRun r = ScenarioRun.of("control-planes.yaml");
    r.network.start();
    r.simulator.run(SECOND);
    assertThat(r.observer.samples(0)).isEqualTo(3);
    assertThat(r.observer.bum("net")).isEqualTo(3);
    // node-1 learnt c-3 from the ARP reply; every other VTEP learnt c-1 from the flooded request.
    assertThat(r.network.fdbEntries("net")).isEqualTo(4);
  }

  @Test
  void floodAndLearnFloodsAgainOnceTheEntryHasAged() {
    ScenarioRun r = ScenarioRun.of("control-planes.yaml").run();
    // fdbAgeing 10 s: at 20 s node-1 no longer knows c-3, the echo request is unknown unicast,
    // replicated to the 3 other VTEPs again; the reply finds c-1 learnt from that copy.
    assertThat(r.observer.samples(1)).isEqualTo(1);
    assertThat(r.observer.bum("net")).isEqualTo(3 + 3);
  }

  @Test
  void staticControlPlaneNeverFloods() {
    ScenarioRun r = ScenarioRun.of("control-planes.yaml", "overlays.net.controlPlane=static").run();
    assertThat(r.observer.samples(0)).isEqualTo(3);
    assertThat(r.observer.samples(1)).isEqualTo(1);
    assertThat(r.observer.bumFrames).isEmpty();
    // Every VTEP holds an entry for each of the 3 remote containers.
    assertThat(r.network.fdbEntries("net")).isEqualTo(4 * 3);
  }

  @Test
  void evpnDropsTrafficAsNoFdbUntilRoutesConvergeThenDelivers() {
    ScenarioRun r =
        ScenarioRun.of(
                "control-planes.yaml",
                "overlays.net.controlPlane=evpn",
                "traffic.first.count=10",
                "traffic.first.interval=200ms")
            .run();
    // convergence 1 s: echoes at 0, 0.2, ..., 0.8 s find no entry; from 1.0 s on they pass.
    assertThat(r.observer.drops)
        .hasSize(5)
        .allSatisfy(
            d -> {
              assertThat(d.reason()).isEqualTo(DropReason.NO_FDB);
              assertThat(d.where()).isEqualTo("node-1/vtep");
            });
    assertThat(r.observer.samples(0)).isEqualTo(5);
    assertThat(r.observer.bumFrames).isEmpty();
    // One type-2 route per container to each of the 3 other VTEPs.
    assertThat(r.observer.controlFrames.get("net")).isEqualTo(4 * 3);
    assertThat(r.observer.controlBytes.get("net"))
        .isEqualTo(4L * 3 * EvpnForwardingTable.TYPE_2_UPDATE_IP_BYTES);
  }
}
