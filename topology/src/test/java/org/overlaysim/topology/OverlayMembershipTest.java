package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.junit.jupiter.api.Test;

class OverlayMembershipTest {
  private static final Site DC = new Site("dc", 0, 0);

  private static Host host(String name, int n) {
    return new Host(name, DC, "r", n);
  }

  @Test
  void eachVniIsAFullMeshOfItsVteps() {
    Map<Host, List<Integer>> vnis = new LinkedHashMap<>();
    for (int i = 1; i <= 4; i++) {
      vnis.put(host("h" + i, i), List.of(100));
    }
    OverlayMembership m = OverlayMembership.of(vnis);
    assertThat(m.graph().edgeSet()).hasSize(4 * 3 / 2);
    assertThat(m.members(100)).extracting(Host::name).containsExactly("h1", "h2", "h3", "h4");
  }

  @Test
  void hostsSharingTwoVnisHaveOneTunnelPerVni() {
    Host a = host("a", 1);
    Host b = host("b", 2);
    OverlayMembership m = OverlayMembership.of(Map.of(a, Set.of(100, 200), b, Set.of(200, 100)));
    assertThat(m.graph().getAllEdges(a, b))
        .extracting(VtepTunnel::vni)
        .containsExactlyInAnyOrder(100, 200);
    assertThat(m.vnisOf(a)).containsExactly(100, 200);
  }

  @Test
  void hostsOfDifferentVnisAreNotConnected() {
    Host a = host("a", 1);
    Host b = host("b", 2);
    Host c = host("c", 3);
    Map<Host, List<Integer>> vnis = new LinkedHashMap<>();
    vnis.put(a, List.of(100));
    vnis.put(b, List.of(100));
    vnis.put(c, List.of(200));
    OverlayMembership m = OverlayMembership.of(vnis);
    assertThat(new ConnectivityInspector<>(m.graph()).pathExists(a, c)).isFalse();
    assertThat(m.graph().containsVertex(c)).isTrue();
    assertThat(m.vnis()).containsExactly(100, 200);
  }

  @Test
  void graphIsReadOnly() {
    OverlayMembership m = OverlayMembership.of(Map.of(host("a", 1), List.of(1)));
    assertThatThrownBy(() -> m.graph().addVertex(host("x", 9)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void vniBeyond24BitsIsRejected() {
    assertThatThrownBy(() -> OverlayMembership.of(Map.of(host("a", 1), List.of(1 << 24))))
        .hasMessageContaining("VNI 16777216");
  }
}
