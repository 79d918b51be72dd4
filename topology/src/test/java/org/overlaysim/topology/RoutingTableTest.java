package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class RoutingTableTest {
  /** s and t joined through four middle routers, all links in one site: four equal paths. */
  private static UnderlayGraph fourEqualPaths() {
    UnderlayGraph.Builder b =
        UnderlayGraph.builder().site("dc", 0, 0).router("s", "dc").router("t", "dc");
    for (int i = 1; i <= 4; i++) {
      b.router("m" + i, "dc").link("s", "m" + i).link("m" + i, "t");
    }
    return b.build();
  }

  @Test
  void allFourEqualCostNextHopsAreKept() {
    UnderlayGraph u = fourEqualPaths();
    RoutingTable rt = u.routing();
    int[] hops = rt.nextHops(u.routerIndex("s"), u.routerIndex("t"));
    assertThat(hops).hasSize(4);
    assertThat(rt.costNs(u.routerIndex("s"), u.routerIndex("t"))).isEqualTo(2 * (50_000 + 1));
  }

  @Test
  void ecmpSpreadsTenThousandFlowsWithinTenPercentOfEven() {
    UnderlayGraph u = fourEqualPaths();
    RoutingTable rt = u.routing();
    int s = u.routerIndex("s");
    int t = u.routerIndex("t");
    int[] hops = rt.nextHops(s, t);
    int[] count = new int[hops.length];
    int src = Ipv4.parse("10.0.0.1").bits();
    int dst = Ipv4.parse("10.0.0.2").bits();
    for (int flow = 0; flow < 10_000; flow++) {
      // One VTEP pair; flows differ only by the VXLAN source port (RFC 7348: 49152-65535).
      int hash = FlowHash.of(src, dst, 17, 49152 + flow % 16384, 4789);
      int chosen = rt.nextHop(s, t, hash);
      for (int i = 0; i < hops.length; i++) {
        if (hops[i] == chosen) {
          count[i]++;
        }
      }
    }
    for (int c : count) {
      assertThat(c).isBetween(2250, 2750);
    }
  }

  @Test
  void singleNextHopNamesTheOnlyPathAndDefersToTheHashWhenThereAreSeveral() {
    UnderlayGraph u = fourEqualPaths();
    RoutingTable rt = u.routing();
    int s = u.routerIndex("s");
    int m1 = u.routerIndex("m1");
    assertThat(rt.singleNextHop(s, m1)).isEqualTo(rt.nextHops(s, m1)[0]);
    assertThat(rt.singleNextHop(s, u.routerIndex("t"))).isEqualTo(RoutingTable.SEVERAL);
  }

  @Test
  void sameFlowAlwaysTakesTheSamePath() {
    UnderlayGraph u = fourEqualPaths();
    int hash = FlowHash.of(1, 2, 17, 50000, 4789);
    int first = u.routing().nextHop(0, 1, hash);
    for (int i = 0; i < 100; i++) {
      assertThat(u.routing().nextHop(0, 1, hash)).isEqualTo(first);
    }
  }

  @Test
  void lowerDelayPathWinsOverFewerHops() {
    UnderlayGraph u =
        UnderlayGraph.builder()
            .site("dc", 0, 0)
            .router("a", "dc")
            .router("b", "dc")
            .router("c", "dc")
            .link("a", "b", LinkOverrides.DEFAULTS.withDelayNs(10_000_000))
            .link("a", "c", LinkOverrides.DEFAULTS.withDelayNs(1_000_000))
            .link("c", "b", LinkOverrides.DEFAULTS.withDelayNs(1_000_000))
            .build();
    int[] hops = u.routing().nextHops(u.routerIndex("a"), u.routerIndex("b"));
    assertThat(hops).containsExactly(2 * u.linkIndex("a--c"));
  }

  @Test
  void disconnectedRoutersHaveNoRoute() {
    UnderlayGraph u =
        UnderlayGraph.builder()
            .site("dc", 0, 0)
            .router("a", "dc")
            .router("b", "dc")
            .router("island", "dc")
            .link("a", "b")
            .build();
    RoutingTable rt = u.routing();
    assertThat(rt.nextHop(u.routerIndex("a"), u.routerIndex("island"), 12345)).isEqualTo(-1);
    assertThat(rt.costNs(u.routerIndex("a"), u.routerIndex("island"))).isEqualTo(-1);
  }

  @Test
  void parallelLinksShareTheLoad() {
    UnderlayGraph u =
        UnderlayGraph.builder()
            .site("dc", 0, 0)
            .router("a", "dc")
            .router("b", "dc")
            .link("a", "b")
            .link("a", "b")
            .build();
    assertThat(u.routing().nextHops(0, 1)).containsExactly(0, 2);
    assertThat(u.routing().nextHops(1, 0)).containsExactly(1, 3);
  }

  @Test
  void fiveThousandHostsOnFiftyRoutersKeepARouterSizedTable() {
    UnderlayGraph.Builder b = UnderlayGraph.builder().site("dc", 0, 0);
    for (int r = 0; r < 50; r++) {
      b.router("r" + r, "dc");
      if (r > 0) {
        b.link("r" + (r - 1), "r" + r);
      }
    }
    for (int h = 0; h < 5000; h++) {
      b.host("h" + h, "dc", "r" + (h % 50), Ipv4.format(Ipv4.parse("10.0.0.0").bits() + h + 1));
    }
    UnderlayGraph u = b.build();
    assertThat(u.routing().routerCount()).isEqualTo(50);
    assertThat(u.links()).hasSize(49 + 5000);
    // End to end along the chain: 49 hops of 50 us + 1 ns.
    assertThat(u.routing().costNs(0, 49)).isEqualTo(49 * 50_001L);
  }
}
