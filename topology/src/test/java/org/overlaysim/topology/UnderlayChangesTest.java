package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;

/** Links and routers going down and up, and the routers' convergence after it. */
class UnderlayChangesTest {
  private static final long MS = 1_000_000L;
  private static final long CONVERGENCE_NS = 250 * MS;

  record Drop(int packet, DropReason reason, String node) {}

  private final Simulator sim = new Simulator();
  private final List<Integer> delivered = new ArrayList<>();
  private final List<Drop> drops = new ArrayList<>();
  private final List<int[]> reroutes = new ArrayList<>();

  /**
   * h1 - r1 = r2 - h2: a primary r1--r2 of 10 ms, a backup r1--r3--r2 of 12 + 13 ms, and a parallel
   * pair r1--r4 (two links of 5 ms, an ECMP group) to a dead end r4.
   */
  private final UnderlayGraph underlay =
      UnderlayGraph.builder()
          .site("dc", 0, 0)
          .router("r1", "dc")
          .router("r2", "dc")
          .router("r3", "dc")
          .router("r4", "dc")
          .link("r1", "r2", LinkOverrides.DEFAULTS.withDelayNs(10 * MS).withName("primary"))
          .link("r1", "r3", LinkOverrides.DEFAULTS.withDelayNs(12 * MS))
          .link("r3", "r2", LinkOverrides.DEFAULTS.withDelayNs(13 * MS))
          .link("r1", "r4", LinkOverrides.DEFAULTS.withDelayNs(5 * MS).withName("left"))
          .link("r1", "r4", LinkOverrides.DEFAULTS.withDelayNs(5 * MS).withName("right"))
          .host("h1", "dc", "r1", "10.0.0.1")
          .host("h2", "dc", "r2", "10.0.0.2")
          .host("h4", "dc", "r4", "10.0.0.4")
          .build();

  private final UnderlayNetwork network =
      new UnderlayNetwork(
          underlay,
          sim,
          new RandomStreams(1, 0),
          new UnderlayListener() {
            @Override
            public void delivered(HostNode host, UnderlayPacket packet) {
              delivered.add(((TestPacket) packet).id);
            }

            @Override
            public void dropped(UnderlayPacket packet, DropReason reason, String node, Link link) {
              drops.add(new Drop(((TestPacket) packet).id, reason, node));
            }
          });

  private final UnderlayChanges changes =
      new UnderlayChanges(
          network,
          sim,
          CONVERGENCE_NS,
          (cause, changed) -> reroutes.add(new int[] {cause, changed}));

  private void sendAt(long atNs, int id, String dst) {
    sim.scheduleAt(
        atNs,
        () -> network.send(underlay.host("h1"), TestPacket.udp(id, 100, "10.0.0.1", dst, 5000)));
  }

  private int router(String name) {
    return underlay.routerIndex(name);
  }

  @Test
  void packetsFollowTheOldRouteIntoTheCutUntilTheRoutersConvergeOnTheBackup() {
    sim.scheduleAt(
        100 * MS,
        () -> {
          changes.linkDown("primary");
          changes.reconverge(0);
        });
    sendAt(95 * MS, 1, "10.0.0.2"); // on the primary when it is cut
    sendAt(200 * MS, 2, "10.0.0.2"); // old route, dead link
    sendAt(100 * MS + CONVERGENCE_NS + 1, 3, "10.0.0.2"); // after convergence: the backup
    sim.run(400 * MS);
    assertThat(drops)
        .containsExactly(
            new Drop(1, DropReason.LINK_DOWN, "r1"), new Drop(2, DropReason.LINK_DOWN, "r1"));
    assertThat(delivered).containsExactly(3);
    assertThat(network.transmitter("primary", "r1").counters().linkDownDrops()).isEqualTo(2);
    // Next hops that change: r1 -> r2 (primary, now r1--r3), r2 -> r1 and r2 -> r4 (primary, now
    // r3--r2). r4 -> r2 still leaves by r1, r3's direct links stay shortest: 3 entries.
    assertThat(reroutes).hasSize(1);
    assertThat(reroutes.get(0)[1]).isEqualTo(3);
    assertThat(network.routing().costNs(router("r1"), router("r2"))).isEqualTo(25 * MS + 2);
  }

  @Test
  void theRestoredLinkCarriesTrafficAgainOnlyAfterConvergence() {
    changes.linkDown("primary");
    changes.reconverge(0);
    sim.run(CONVERGENCE_NS + 1);
    changes.linkUp("primary");
    changes.reconverge(1);
    sim.run(CONVERGENCE_NS + 10 * MS);
    assertThat(network.routing().costNs(router("r1"), router("r2"))).isEqualTo(25 * MS + 2);
    sim.run(2 * CONVERGENCE_NS + 2);
    assertThat(network.routing().costNs(router("r1"), router("r2"))).isEqualTo(10 * MS + 1);
    assertThat(reroutes).extracting(r -> r[0]).containsExactly(0, 1);
  }

  @Test
  void aDestinationLeftWithoutAPathIsNoRouteOnceTheRoutersKnow() {
    changes.routerDown("r3");
    changes.linkDown("primary");
    changes.reconverge(0);
    sendAt(CONVERGENCE_NS + 1, 1, "10.0.0.2");
    sim.run(CONVERGENCE_NS + 100 * MS);
    assertThat(drops).containsExactly(new Drop(1, DropReason.NO_ROUTE, "r1"));
  }

  @Test
  void anEcmpGroupShrinksWhenOneOfItsLinksGoesDownAndGrowsWhenItComesBack() {
    int r1 = router("r1");
    int r4 = router("r4");
    assertThat(network.routing().nextHops(r1, r4)).hasSize(2);
    changes.linkDown("left");
    changes.reconverge(0);
    sim.run(CONVERGENCE_NS + 1);
    int right = 2 * underlay.linkIndex("right");
    assertThat(network.routing().nextHops(r1, r4)).containsExactly(right);
    changes.linkUp("left");
    changes.reconverge(1);
    sim.run(2 * CONVERGENCE_NS + 2);
    assertThat(network.routing().nextHops(r1, r4)).hasSize(2);
  }

  /** Whether the link's direction from {@code from} takes a packet now. */
  private boolean sends(String link, String from) {
    return network.transmitter(link, from).send(TestPacket.udp(9, 100, "10.0.0.1", "10.0.0.2", 1))
        == SendResult.SENT;
  }

  @Test
  void aRouterDownTakesItsLinksAndComesBackWithThem() {
    changes.routerDown("r2");
    assertThat(sends("primary", "r1")).isFalse();
    assertThat(sends("r3--r2", "r2")).isFalse();
    assertThat(sends("h2--r2", "h2")).isFalse();
    assertThat(sends("r1--r3", "r1")).isTrue();
    changes.linkDown("primary"); // down twice: it comes up only when both are undone
    changes.routerUp("r2");
    assertThat(sends("primary", "r1")).isFalse();
    assertThat(sends("r3--r2", "r3")).isTrue();
    changes.linkUp("primary");
    assertThat(sends("primary", "r2")).isTrue();
  }

  @Test
  void aLongerDelaySetOnALinkMovesTheRoutesOffItAfterConvergence() {
    sim.scheduleAt(
        0,
        () -> {
          changes.setLink("primary", -1, 40 * MS, -1);
          changes.reconverge(0);
        });
    sendAt(1 * MS, 1, "10.0.0.2"); // already at the new delay: 40 ms on the primary
    sim.run(CONVERGENCE_NS + 1);
    assertThat(network.routing().costNs(router("r1"), router("r2"))).isEqualTo(25 * MS + 2);
    assertThat(delivered).containsExactly(1);
    assertThat(network.transmitter("primary", "r1").link().delayNs()).isEqualTo(40 * MS);
  }
}
