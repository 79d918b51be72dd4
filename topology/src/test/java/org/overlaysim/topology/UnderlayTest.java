package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.Ipv4;

class UnderlayTest {
  private static UnderlayGraph.Builder twoSites() {
    return UnderlayGraph.builder()
        .site("madrid", 40.4168, -3.7038)
        .site("frankfurt", 50.1109, 8.6821)
        .router("r-mad", "madrid")
        .router("r-fra", "frankfurt");
  }

  @Test
  void graphIsARoutersAndHostsMultigraphWeightedByDelay() {
    UnderlayGraph u =
        twoSites()
            .link("r-mad", "r-fra")
            .link("r-mad", "r-fra", LinkOverrides.DEFAULTS.withDelayNs(20_000_000))
            .host("mad-1", "madrid", "r-mad", "10.1.0.11")
            .build();
    assertThat(u.graph().vertexSet())
        .extracting(Node::name)
        .containsExactly("r-mad", "r-fra", "mad-1");
    assertThat(u.graph().getAllEdges(u.node("r-mad"), u.node("r-fra")))
        .extracting(Link::name)
        .containsExactlyInAnyOrder("r-mad--r-fra", "r-mad--r-fra#2");
    Link second = u.link("r-mad--r-fra#2");
    assertThat(u.graph().getEdgeWeight(second)).isEqualTo(20_000_000.0);
  }

  @Test
  void graphIsReadOnly() {
    UnderlayGraph u = twoSites().link("r-mad", "r-fra").build();
    assertThatThrownBy(() -> u.graph().addVertex(new RouterNode("x", u.site("madrid"))))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void linkDelayComesFromGeographyWhenNotGiven() {
    UnderlayGraph u = twoSites().link("r-mad", "r-fra").build();
    assertThat(u.link("r-mad--r-fra").delayNs())
        .isEqualTo(GeoLatencyModel.DEFAULT.oneWayDelayNs(u.site("madrid"), u.site("frankfurt")));
  }

  @Test
  void latencyModelAndDefaultsApplyToLinksAddedBeforeThem() {
    UnderlayGraph u =
        twoSites()
            .link("r-mad", "r-fra")
            .latencyModel(
                GeoLatencyModel.DEFAULT
                    .withRouteFactor(1.0)
                    .withPerLinkOverheadNs(0)
                    .withMeasuredRoutes(null))
            .defaults(LinkDefaults.STANDARD.withMtu(9000))
            .build();
    Link link = u.link("r-mad--r-fra");
    double km = u.site("madrid").distanceKm(u.site("frankfurt"));
    assertThat(link.delayNs()).isEqualTo(Math.round(km / 204_000 * 1e9));
    assertThat(link.mtu()).isEqualTo(9000);
  }

  @Test
  void accessLinkTakesTheHostBandwidthAndTheShortAccessDelay() {
    UnderlayGraph u =
        twoSites()
            .host(
                "fra-1",
                "frankfurt",
                "r-fra",
                "10.2.0.11",
                LinkOverrides.DEFAULTS.withBandwidthBps(25_000_000_000L))
            .build();
    Link access = u.accessLink(u.host("fra-1"));
    assertThat(access.name()).isEqualTo("fra-1--r-fra");
    assertThat(access.a()).isEqualTo("fra-1");
    assertThat(access.bandwidthBps()).isEqualTo(25_000_000_000L);
    assertThat(access.delayNs()).isEqualTo(10_000);
  }

  @Test
  void hostIsFoundByItsAddress() {
    UnderlayGraph u =
        twoSites()
            .host("b", "madrid", "r-mad", "10.0.0.2")
            .host("a", "madrid", "r-mad", "10.0.0.1")
            .build();
    assertThat(u.hostIndexByIpv4(Ipv4.parse("10.0.0.1").bits())).isEqualTo(u.hostIndex("a"));
    assertThat(u.hostIndexByIpv4(Ipv4.parse("10.0.0.2").bits())).isEqualTo(u.hostIndex("b"));
    assertThat(u.hostIndexByIpv4(Ipv4.parse("10.0.0.3").bits())).isEqualTo(-1);
  }

  @Test
  void duplicateAddressIsRejectedNamingBothHosts() {
    assertThatThrownBy(
            () ->
                twoSites()
                    .host("a", "madrid", "r-mad", "10.0.0.1")
                    .host("b", "madrid", "r-mad", "10.0.0.1"))
        .hasMessageContaining("10.0.0.1")
        .hasMessageContaining("a's");
  }

  @Test
  void linkToAHostIsRejected() {
    assertThatThrownBy(() -> twoSites().host("a", "madrid", "r-mad", "10.0.0.1").link("a", "r-fra"))
        .hasMessageContaining("'a' is a host");
  }

  @Test
  void unknownSiteIsRejected() {
    assertThatThrownBy(() -> twoSites().router("r-par", "paris"))
        .hasMessageContaining("no site named 'paris'");
  }

  @Test
  void connectivityAndShortestPathComeFromTheGraph() {
    UnderlayGraph u = twoSites().router("r-lonely", "madrid").link("r-mad", "r-fra").build();
    assertThat(u.isConnected()).isFalse();
    assertThat(u.shortestPath(u.node("r-mad"), u.node("r-lonely"))).isNull();
    assertThat(u.shortestPath(u.node("r-mad"), u.node("r-fra")).getEdgeList())
        .extracting(Link::name)
        .containsExactly("r-mad--r-fra");
  }
}
