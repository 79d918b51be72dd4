package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.observe.FrameTap;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.overlay.packet.UdpHeader;
import org.overlaysim.topology.DropReason;

/** The ping and udp generators over the data plane. */
class TrafficTest {
  @Test
  void aPingFromAGroupToItselfPairsEachMemberWithTheNext() {
    ScenarioRun r =
        ScenarioRun.of(
                "control-planes.yaml",
                "overlays.net.controlPlane=static",
                "traffic.first.from=c",
                "traffic.first.to=c")
            .run();
    // c-1 -> c-2, c-2 -> c-3, c-3 -> c-4, c-4 -> c-1: four ping processes of 3 echoes each.
    assertThat(r.observer.samples(0)).isEqualTo(4 * 3);
  }

  @Test
  void arpForAnAddressNobodyHasIsFloodedThreeTimesThenThePacketIsDropped() {
    ScenarioRun r = ScenarioRun.of("control-planes.yaml");
    // Linux resolves with 3 broadcast requests 1 s apart (mcast_solicit, retrans_time), each
    // replicated to the 3 other VTEPs; then the waiting packet is dropped. (The scenario's first
    // ping floods its own ARP request once: 3 copies.)
    r.network.start();
    r.simulator.run(1_000_000L);
    r.network.dataPlane().container(0).send(echoTo(0xac1e00fe));
    r.simulator.run(10_000_000_000L);
    assertThat(r.observer.bum("net")).isEqualTo(3 + 3 * 3);
    assertThat(r.observer.drops)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.where()).isEqualTo("c-1");
              assertThat(d.reason()).isEqualTo(DropReason.NO_FDB);
            });
  }

  private static Frame echoTo(int ip) {
    Frame f = new Frame();
    f.dstIp = ip;
    f.icmp(8, 0, 7 << 16 | 1, 56);
    return f;
  }

  @Test
  void udpDatagramsWithoutDfAboveTheMtuArriveReassembledAndCountTheirPayloadOnce() {
    ScenarioRun r =
        ScenarioRun.of(
                "latency.yaml",
                "traffic.cbr.size=4000",
                "traffic.cbr.df=false",
                "traffic.cbr.rate=32Mbps")
            .run();
    // 32 Mbit/s of 4000-byte datagrams: one per ms from 500 to 510 ms, 10 datagrams of 3 fragments.
    assertThat(r.observer.payload.get(2)).isEqualTo(10L * 4000);
    assertThat(r.observer.samples(2)).isEqualTo(10);
    assertThat(r.observer.fragments.get(2)).isEqualTo(10 * 3);
    assertThat(r.observer.wire.get(2)).hasSize(30);
  }

  @Test
  void twoFlowsBetweenTheSameContainersLeaveWithDifferentOuterSourcePorts() {
    ScenarioRun r = ScenarioRun.of("latency.yaml");
    List<Integer> ports = new ArrayList<>();
    FrameTap tap =
        (now, frame) -> {
          ByteBuffer b = ByteBuffer.wrap(frame);
          EthernetHeader.read(b);
          if (Ipv4Header.read(b).source().toString().equals("10.1.0.1")) {
            ports.add(UdpHeader.read(b).sourcePort());
          }
        };
    r.network.tapLink("ha--ra", tap, tap);
    r.network.start();
    r.simulator.run(600_000_000L);
    // The udp flow (inner ports 5001) and the ping flow hash differently: RFC 7348 section 5.
    assertThat(ports).hasSize(88 + 2);
    assertThat(ports.stream().distinct().count()).isEqualTo(2);
  }
}
