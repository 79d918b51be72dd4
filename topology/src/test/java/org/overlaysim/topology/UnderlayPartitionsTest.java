package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.PartitionedSimulator;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;

class UnderlayPartitionsTest {
  private static final LinkOverrides WAN = LinkOverrides.DEFAULTS.withDelayNs(5_000_000);

  @Test
  void sitesJoinedByLongLinksBecomePartitionsWhileAFabricStaysWhole() {
    UnderlayGraph u =
        UnderlayGraph.builder()
            .site("a", 0, 0)
            .site("b", 10, 10)
            .router("a1", "a")
            .router("a2", "a")
            .router("b1", "b")
            .router("c1", "b")
            // a site's fabric: 10 us, never cut
            .link("a1", "a2", LinkOverrides.DEFAULTS.withDelayNs(10_000))
            .link("a2", "b1", WAN)
            .link("b1", "c1", LinkOverrides.DEFAULTS.withDelayNs(3_000_000))
            // 150 us of delay but 100 us of jitter: a packet may take 50 us, too little to cut
            .link("a1", "c1", LinkOverrides.DEFAULTS.withDelayNs(150_000).withJitterNs(100_000))
            .host("ha", "a", "a1", "10.0.0.1")
            .host("hb", "b", "b1", "10.0.0.2")
            .host("hc", "b", "c1", "10.0.0.3")
            .build();

    UnderlayPartitions p = UnderlayPartitions.of(u);

    assertThat(p.count()).isEqualTo(2);
    int a = p.ofNode(u, "a1");
    assertThat(a).isZero(); // numbered by first router
    assertThat(p.ofNode(u, "a2")).isEqualTo(a);
    assertThat(p.ofNode(u, "c1")).isEqualTo(a);
    assertThat(p.ofNode(u, "b1")).isEqualTo(1);
    assertThat(p.ofHost(u.hostIndex("hb"))).isEqualTo(1);
    assertThat(p.ofHost(u.hostIndex("hc"))).isEqualTo(a);
    assertThat(p.crossingLinks()).containsExactly(u.linkIndex("a2--b1"), u.linkIndex("b1--c1"));
    assertThat(UnderlayPartitions.whole(u).count()).isEqualTo(1);
  }

  record Arrival(String host, int packet, long atNs) {}

  /**
   * h1 - r1 - r2 - r3 - h3 with 1 ms between routers (200 us of jitter, 1% loss): three partitions.
   * Cut or whole, on one thread or three, every packet arrives at the same nanosecond or is lost on
   * the same link: the cut moves no event.
   */
  @Test
  void aCutNetworkDeliversEveryPacketWhenAndWhereTheWholeOneDoes() {
    LinkOverrides core =
        LinkOverrides.DEFAULTS.withDelayNs(1_000_000).withJitterNs(200_000).withLoss(0.01);
    UnderlayGraph u =
        UnderlayGraph.builder()
            .site("dc", 0, 0)
            .router("r1", "dc")
            .router("r2", "dc")
            .router("r3", "dc")
            .link("r1", "r2", core)
            .link("r2", "r3", core)
            .host("h1", "dc", "r1", "10.0.0.1")
            .host("h3", "dc", "r3", "10.0.0.3")
            .build();
    assertThat(UnderlayPartitions.of(u).count()).isEqualTo(3);

    List<String> whole = run(u, UnderlayPartitions.whole(u), 1);
    assertThat(whole).hasSizeGreaterThan(3_000);
    assertThat(whole).anyMatch(line -> line.contains("link-loss"));
    assertThat(run(u, UnderlayPartitions.of(u), 1)).isEqualTo(whole);
    assertThat(run(u, UnderlayPartitions.of(u), 3)).isEqualTo(whole);
  }

  /** Both hosts send 2,000 packets to each other; every arrival and drop, sorted by time. */
  private static List<String> run(UnderlayGraph u, UnderlayPartitions partitions, int threads) {
    PartitionedSimulator sim =
        partitions.count() == 1
            ? PartitionedSimulator.of(new Simulator())
            : new PartitionedSimulator(partitions.count());
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    UnderlayNetwork[] net = new UnderlayNetwork[1];
    net[0] =
        new UnderlayNetwork(
            u,
            sim,
            partitions,
            new RandomStreams(11, 0),
            new UnderlayListener() {
              @Override
              public void delivered(HostNode host, UnderlayPacket packet) {
                Simulator clock = sim.partition(partitions.ofHost(u.hostIndex(host.name())));
                events.add(line(clock.nowNs(), host.name() + " got " + packet));
              }

              @Override
              public void dropped(
                  UnderlayPacket packet, DropReason reason, String node, Link link) {
                Simulator clock = sim.partition(partitions.ofNode(u, node));
                events.add(line(clock.nowNs(), node + " dropped " + packet + " " + reason));
              }

              @Override
              public void lostInFlight(
                  UnderlayPacket packet, DropReason reason, String node, Link link, String at) {
                Simulator clock = sim.partition(partitions.ofNode(u, at));
                events.add(line(clock.nowNs(), node + " lost " + packet + " " + reason));
              }
            });
    for (String[] pair : new String[][] {{"h1", "10.0.0.3"}, {"h3", "10.0.0.1"}}) {
      int host = u.hostIndex(pair[0]);
      Simulator clock = sim.partition(partitions.ofHost(host));
      String from = pair[0].equals("h1") ? "10.0.0.1" : "10.0.0.3";
      for (int i = 0; i < 2_000; i++) {
        int id = i + (pair[0].equals("h1") ? 0 : 100_000);
        clock.scheduleAt(
            i * 7_919L, () -> net[0].send(host, TestPacket.udp(id, 1_000, from, pair[1], 40_000)));
      }
    }
    sim.run(1_000_000_000L, threads);
    List<String> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.naturalOrder());
    return sorted;
  }

  private static String line(long nowNs, String what) {
    return String.format("%015d %s", nowNs, what);
  }
}
