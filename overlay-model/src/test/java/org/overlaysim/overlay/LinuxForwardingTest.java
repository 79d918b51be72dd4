package org.overlaysim.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.dataplane.OuterDontFragment;
import org.overlaysim.overlay.dataplane.VtepSettings;
import org.overlaysim.overlay.observe.FrameTap;
import org.overlaysim.overlay.packet.EthernetHeader;
import org.overlaysim.overlay.packet.IcmpMessage;
import org.overlaysim.overlay.packet.Ipv4Header;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.topology.DropReason;

/**
 * Where the data plane follows Linux's code rather than a simplification (issue 20's differences
 * 1-5), each case checked against the kernel function that decides it. The scenario is wan.yaml:
 * containers a (host ha) and b (host hb), a 1400-byte WAN link between 1500-byte access links.
 */
class LinuxForwardingTest {
  /** One frame seen on a container's interface, decoded. */
  private record Seen(EthernetHeader ethernet, Ipv4Header ip, IcmpMessage icmp) {
    static Seen of(byte[] frame) {
      ByteBuffer b = ByteBuffer.wrap(frame);
      EthernetHeader ethernet = EthernetHeader.read(b);
      Ipv4Header ip = Ipv4Header.read(b);
      IcmpMessage icmp = ip.protocol() == 1 && !ip.isFragment() ? IcmpMessage.read(b) : null;
      return new Seen(ethernet, ip, icmp);
    }
  }

  private static List<Seen> tapContainer(ScenarioRun r, String container) {
    List<Seen> seen = new ArrayList<>();
    r.network.tapContainer(container, (now, frame) -> seen.add(Seen.of(frame)));
    return seen;
  }

  // 1. br_dev_queue_push_xmit checks is_skb_forwardable against the egress port's MTU.

  @Test
  void framesBetweenTwoMtu1500ContainersOfOneHostPassTheBridgeWhateverTheOverlayMtu() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                "containers.b.host=ha",
                "containers.a.mtu=1500",
                "containers.b.mtu=1500",
                "traffic.big.size=1472")
            .run();

    // 1500-byte DF packets through the bridge from veth to veth: the overlay's 1450 (the vxlan
    // port's MTU) is not on their way.
    assertThat(r.observer.samples(0)).isEqualTo(4);
    assertThat(r.observer.drops).isEmpty();
  }

  @Test
  void theSameFramesTowardsARemoteContainerStillVanishAtTheVxlanPort() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                "containers.a.mtu=1500",
                "containers.b.mtu=1500",
                "traffic.big.size=1472")
            .run();

    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::where)
        .containsExactly("ha/bridge", "ha/bridge", "ha/bridge", "ha/bridge");
  }

  // 2. icmp_sk_init: the kernel's ICMP socket uses IP_PMTUDISC_DONT.

  @Test
  void echoRepliesLeaveWithoutDfWhateverTheRequestSaid() {
    ScenarioRun r = ScenarioRun.of("wan.yaml");
    List<Seen> atA = tapContainer(r, "a");
    r.run();

    List<Seen> requests =
        atA.stream().filter(s -> s.icmp() != null && s.icmp().isEchoRequest()).toList();
    List<Seen> replies =
        atA.stream().filter(s -> s.icmp() != null && s.icmp().isEchoReply()).toList();
    // 4 + 3 pings with DF (the large ones pass: the WAN router fragments the outer datagrams).
    assertThat(requests).hasSize(7).allMatch(s -> s.ip().dontFragment());
    assertThat(replies).hasSize(7).noneMatch(s -> s.ip().dontFragment());
  }

  // 3. skb_tunnel_check_pmtu -> iptunnel_pmtud_check_icmp / iptunnel_pmtud_build_icmp.

  @Test
  void theVtepAnswersForTheDestinationWithA576ByteIcmpQuoting548Bytes() {
    ScenarioRun r =
        ScenarioRun.of("wan.yaml", VtepSettings.DEFAULT.withOuterDf(OuterDontFragment.INHERIT));
    List<Seen> atA = tapContainer(r, "a");
    r.run();

    Seen request = atA.get(0);
    Seen icmp =
        atA.stream()
            .filter(s -> s.icmp() != null && s.icmp().type() == 3 && s.icmp().code() == 4)
            .findFirst()
            .orElseThrow();
    // From the inner destination (b), to a, the request's TTL, DF set, id 0, MAC of b.
    assertThat(icmp.ip().source()).isEqualTo(request.ip().destination());
    assertThat(icmp.ip().destination()).isEqualTo(request.ip().source());
    assertThat(icmp.ip().ttl()).isEqualTo(request.ip().ttl());
    assertThat(icmp.ip().dontFragment()).isTrue();
    assertThat(icmp.ip().identification()).isZero();
    assertThat(icmp.ethernet().source()).isEqualTo(request.ethernet().destination());
    // The 1450-byte request trimmed to 576 - 20 - 8 = 548 bytes: 576 bytes in all.
    assertThat(icmp.ip().totalLength()).isEqualTo(576);
    assertThat(icmp.icmp().restOfHeader() & 0xffff).isEqualTo(1350);
  }

  @Test
  void belowAnMtuOf576TheVtepSendsNoIcmpAndItsDfOuterPacketDiesThere() {
    ScenarioRun r =
        ScenarioRun.of(
                "wan.yaml",
                VtepSettings.DEFAULT.withOuterDf(OuterDontFragment.INHERIT),
                "underlay.links.wan.mtu=600")
            .run();

    // 1st echo: the WAN router drops the 1500-byte outer packet, ICMP 600 teaches the VTEP; from
    // then on 600 - 50 = 550 < 576: no ICMP (iptunnel_pmtud_check_icmp), and an outer DF packet
    // larger than the path is not fragmented. The container never learns; the 1350-byte pings
    // (1400 outside) die the same way.
    assertThat(r.observer.samples(0)).isZero();
    assertThat(r.observer.samples(1)).isZero();
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::where)
        .containsExactly(
            "ra->rb", "ha/vtep", "ha/vtep", "ha/vtep", "ha/vtep", "ha/vtep", "ha/vtep");
    assertThat(r.observer.drops)
        .extracting(RecordingObserver.Drop::reason)
        .containsOnly(DropReason.MTU_EXCEEDED);
    assertThat(r.network.pathMtu("a", "b")).isEqualTo(1450);
  }

  // 4. ip_forward on the hosts of routed overlays decrements the inner TTL.

  @Test
  void onRoutedOverlaysEachHostForwardsAndTheInnerTtlDropsByTwoForIpip() {
    ScenarioRun r = ScenarioRun.of("wan.yaml", "overlays.net.encapsulation=ipip");
    List<Seen> atB = tapContainer(r, "b");
    List<Integer> outerTtls = new ArrayList<>();
    FrameTap tap =
        (now, frame) -> {
          ByteBuffer b = ByteBuffer.wrap(frame);
          EthernetHeader.read(b);
          Ipv4Header outer = Ipv4Header.read(b);
          if (outer.protocol() == 4 && outer.source().equals(Ipv4.parse("10.0.1.1"))) {
            outerTtls.add(outer.ttl());
          }
        };
    r.network.tapLink("ha--ra", tap, tap);
    r.run();

    Seen request =
        atB.stream()
            .filter(s -> s.icmp() != null && s.icmp().isEchoRequest())
            .findFirst()
            .orElseThrow();
    // 64, minus one at ha (into tunl0) and one at hb (out of it); the routers see only the outer.
    assertThat(request.ip().ttl()).isEqualTo(62);
    // ipip's outer TTL inherits the inner one after ha's decrement (ttl inherit, tunl0's default).
    assertThat(outerTtls).isNotEmpty().containsOnly(63);
  }

  @Test
  void withoutEncapsulationTheRoutersDecrementTooAndBridgedVxlanLeavesTheTtlAlone() {
    ScenarioRun none = ScenarioRun.of("wan.yaml", "overlays.net.encapsulation=none");
    List<Seen> atBNone = tapContainer(none, "b");
    none.run();
    ScenarioRun vxlan = ScenarioRun.of("wan.yaml");
    List<Seen> atBVxlan = tapContainer(vxlan, "b");
    vxlan.run();

    // ha, ra, rb and hb each forward the packet itself: 64 - 4.
    assertThat(firstEchoRequest(atBNone).ip().ttl()).isEqualTo(60);
    // A bridge forwards frames, not packets.
    assertThat(firstEchoRequest(atBVxlan).ip().ttl()).isEqualTo(64);
  }

  private static Seen firstEchoRequest(List<Seen> frames) {
    return frames.stream()
        .filter(s -> s.icmp() != null && s.icmp().isEchoRequest())
        .findFirst()
        .orElseThrow();
  }
}
