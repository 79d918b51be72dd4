package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.scenario.Ipv4;

class UnderlayNetworkTest {
  private static final long GBPS = 1_000_000_000L;

  record Delivery(String host, int packet, long atNs) {}

  record Drop(int packet, DropReason reason, String node, Link link) {}

  private final Simulator sim = new Simulator();
  private final List<Delivery> deliveries = new ArrayList<>();
  private final List<Drop> drops = new ArrayList<>();

  private UnderlayNetwork network(UnderlayGraph u) {
    return new UnderlayNetwork(
        u,
        sim,
        new RandomStreams(7, 0),
        new UnderlayListener() {
          @Override
          public void delivered(HostNode host, UnderlayPacket packet) {
            deliveries.add(new Delivery(host.name(), ((TestPacket) packet).id, sim.nowNs()));
          }

          @Override
          public void dropped(UnderlayPacket packet, DropReason reason, String node, Link link) {
            drops.add(new Drop(((TestPacket) packet).id, reason, node, link));
          }
        });
  }

  /** h1 - r1 - r2 - r3 - h3, 1 Gbit/s, 1 ms between routers, 10 us access links. */
  private static UnderlayGraph chain(int middleMtu) {
    LinkDefaults defaults = LinkDefaults.STANDARD.withBandwidthBps(GBPS);
    LinkOverrides core = LinkOverrides.DEFAULTS.withDelayNs(1_000_000);
    return UnderlayGraph.builder()
        .defaults(defaults)
        .site("dc", 0, 0)
        .router("r1", "dc")
        .router("r2", "dc")
        .router("r3", "dc")
        .link("r1", "r2", core)
        .link("r2", "r3", core.withMtu(middleMtu))
        .host("h1", "dc", "r1", "10.0.0.1")
        .host("h3", "dc", "r3", "10.0.0.3")
        .build();
  }

  @Test
  void packetCrossesEveryLinkPayingSerializationAndPropagationEachTime() {
    UnderlayGraph u = chain(1500);
    UnderlayNetwork net = network(u);
    net.send(u.host("h1"), TestPacket.udp(1, 1500, "10.0.0.1", "10.0.0.3", 50000));
    sim.run();
    // 4 links store-and-forward: 4 x 12.304 us + 10 us + 1 ms + 1 ms + 10 us.
    assertThat(deliveries).containsExactly(new Delivery("h3", 1, 4 * 12_304 + 2_020_000));
  }

  @Test
  void routersDecrementTtlAndDropAtZero() {
    UnderlayGraph u = chain(1500);
    UnderlayNetwork net = network(u);
    // Routers r1, r2, r3 each decrement: TTL 3 arrives with 0... dropped at r3; TTL 4 arrives.
    net.send(
        u.host("h1"),
        new TestPacket(3, 100, Ipv4.parse("10.0.0.1").bits(), Ipv4.parse("10.0.0.3").bits(), 1, 3));
    net.send(
        u.host("h1"),
        new TestPacket(4, 100, Ipv4.parse("10.0.0.1").bits(), Ipv4.parse("10.0.0.3").bits(), 1, 4));
    sim.run();
    assertThat(drops).containsExactly(new Drop(3, DropReason.TTL_EXPIRED, "r3", null));
    assertThat(deliveries).extracting(Delivery::packet).containsExactly(4);
  }

  @Test
  void unknownDestinationIsDroppedAsNoRouteAtTheFirstRouter() {
    UnderlayGraph u = chain(1500);
    UnderlayNetwork net = network(u);
    net.send(u.host("h1"), TestPacket.udp(1, 100, "10.0.0.1", "10.9.9.9", 50000));
    sim.run();
    assertThat(drops).containsExactly(new Drop(1, DropReason.NO_ROUTE, "r1", null));
  }

  @Test
  void hostBeyondADisconnectedRouterIsNoRoute() {
    UnderlayGraph u =
        UnderlayGraph.builder()
            .site("dc", 0, 0)
            .router("r1", "dc")
            .router("r2", "dc")
            .host("h1", "dc", "r1", "10.0.0.1")
            .host("h2", "dc", "r2", "10.0.0.2")
            .build();
    UnderlayNetwork net = network(u);
    net.send(u.host("h1"), TestPacket.udp(1, 100, "10.0.0.1", "10.0.0.2", 50000));
    sim.run();
    assertThat(drops).containsExactly(new Drop(1, DropReason.NO_ROUTE, "r1", null));
  }

  @Test
  void packetOverTheNextHopMtuIsDroppedReportingThatMtu() {
    UnderlayGraph u = chain(1400);
    UnderlayNetwork net = network(u);
    net.send(u.host("h1"), TestPacket.udp(1, 1450, "10.0.0.1", "10.0.0.3", 50000));
    sim.run();
    assertThat(drops).hasSize(1);
    Drop drop = drops.get(0);
    assertThat(drop.reason()).isEqualTo(DropReason.MTU_EXCEEDED);
    assertThat(drop.node()).isEqualTo("r2");
    assertThat(drop.link().mtu()).isEqualTo(1400);
    assertThat(deliveries).isEmpty();
  }

  @Test
  void senderIsToldAtOnceWhenItsOwnAccessLinkRefusesThePacket() {
    UnderlayGraph u = chain(1500);
    UnderlayNetwork net = network(u);
    SendResult result = net.send(u.host("h1"), TestPacket.udp(1, 1501, "10.0.0.1", "10.0.0.3", 1));
    assertThat(result).isEqualTo(SendResult.MTU_EXCEEDED);
    assertThat(drops).containsExactly(new Drop(1, DropReason.MTU_EXCEEDED, "h1", u.link("h1--r1")));
  }

  @Test
  void countersCoverEveryLinkDirectionInLinkOrder() {
    UnderlayGraph u = chain(1500);
    UnderlayNetwork net = network(u);
    net.send(u.host("h1"), TestPacket.udp(1, 1000, "10.0.0.1", "10.0.0.3", 50000));
    sim.run();
    List<LinkCounters> rows = net.counters();
    assertThat(rows)
        .extracting(LinkCounters::direction)
        .containsExactly(
            "r1->r2", "r2->r1", "r2->r3", "r3->r2", "h1->r1", "r1->h1", "h3->r3", "r3->h3");
    assertThat(rows)
        .extracting(LinkCounters::bytes)
        .containsExactly(1000L, 0L, 1000L, 0L, 1000L, 0L, 0L, 1000L);
  }

  @Test
  void lossOnALinkIsReportedWhereThePacketWasSent() {
    UnderlayGraph u =
        UnderlayGraph.builder()
            .site("dc", 0, 0)
            .router("r1", "dc")
            .router("r2", "dc")
            .link("r1", "r2", LinkOverrides.DEFAULTS.withLoss(1.0))
            .host("h1", "dc", "r1", "10.0.0.1")
            .host("h2", "dc", "r2", "10.0.0.2")
            .build();
    UnderlayNetwork net = network(u);
    net.send(u.host("h1"), TestPacket.udp(1, 100, "10.0.0.1", "10.0.0.2", 50000));
    sim.run();
    assertThat(drops).containsExactly(new Drop(1, DropReason.LINK_LOSS, "r1", u.link("r1--r2")));
  }
}
