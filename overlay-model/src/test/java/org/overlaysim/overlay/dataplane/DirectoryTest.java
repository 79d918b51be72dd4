package org.overlaysim.overlay.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.overlaysim.overlay.fdb.Directory;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * Which hosts' VTEPs serve which overlay (head-end replication sends a BUM frame to every other
 * member): the hosts of the overlay's containers, each once, ascending, whatever the container
 * order.
 */
class DirectoryTest {
  private static final String SCENARIO =
      """
      name: membership
      seed: 1
      duration: 1s
      sites:
        - {name: dc, location: {lat: 50.1, lon: 8.7}}
      underlay:
        routers:
          - {name: r1, site: dc}
      hosts:
        - {name: h1, router: r1, ip: 10.0.0.1}
        - {name: h2, router: r1, ip: 10.0.0.2}
        - {name: h3, router: r1, ip: 10.0.0.3}
        - {name: h4, router: r1, ip: 10.0.0.4}
      overlays:
        - {name: blue, vni: 100, subnet: 172.20.0.0/24, encapsulation: vxlan}
        - {name: red, vni: 200, subnet: 172.21.0.0/24, encapsulation: geneve}
        - {name: green, vni: 300, subnet: 172.22.0.0/24, encapsulation: vxlan}
      containers:
        - {name: b3, host: h3, overlay: blue, ip: 172.20.0.13}
        - {name: b1, host: h1, overlay: blue, ip: 172.20.0.11}
        - {name: b1x, host: h1, overlay: blue, ip: 172.20.0.21}
        - {name: b2, host: h2, overlay: blue, ip: 172.20.0.12}
        - {name: r2, host: h2, overlay: red, ip: 172.21.0.12}
        - {name: r1, host: h1, overlay: red, ip: 172.21.0.11}
        - {name: g4, host: h4, overlay: green, ip: 172.22.0.14}
      """;

  private static Directory directory() throws Exception {
    Scenario s =
        ScenarioLoader.parse("membership.yaml", SCENARIO, List.of()).runs().get(0).scenario();
    return new Directory(s, Map.of("h1", 0, "h2", 1, "h3", 2, "h4", 3));
  }

  @Test
  void anOverlaysMembersAreTheHostsOfItsContainersEachOnceAscending() throws Exception {
    Directory d = directory();

    assertThat(d.memberHosts(d.overlayIndex("blue"))).containsExactly(0, 1, 2);
    assertThat(d.containerCount(d.overlayIndex("blue"))).isEqualTo(4);
    assertThat(d.containersOn(d.overlayIndex("blue"), 0)).isEqualTo(2);
  }

  @Test
  void hostsSharingTwoOverlaysAreMembersOfEach() throws Exception {
    Directory d = directory();

    assertThat(d.memberHosts(d.overlayIndex("red"))).containsExactly(0, 1);
    assertThat(d.memberHosts(d.overlayIndex("blue"))).contains(0, 1);
  }

  @Test
  void aHostOfAnotherOverlayOnlyIsNoMember() throws Exception {
    Directory d = directory();

    assertThat(d.memberHosts(d.overlayIndex("green"))).containsExactly(3);
    assertThat(d.memberHosts(d.overlayIndex("blue"))).doesNotContain(3);
    assertThat(d.containersOn(d.overlayIndex("red"), 2)).isZero();
  }
}
