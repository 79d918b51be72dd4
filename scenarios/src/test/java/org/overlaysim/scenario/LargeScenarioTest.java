package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading stays O(n log n): a 5,000-host, 150,000-container cluster loads in seconds. */
class LargeScenarioTest {

  static String cluster(int racks, int hostsPerRack, int containersPerRack) {
    StringBuilder text =
        new StringBuilder(
            """
            name: big
            seed: 1
            duration: 1s
            sites: [{name: dc, location: {lat: 0, lon: 0}}]
            underlay:
              routers:
                - {name: spine, site: dc}
            """);
    for (int r = 1; r <= racks; r++) {
      text.append("    - {name: tor-").append(r).append(", site: dc}\n");
    }
    text.append("  links:\n");
    for (int r = 1; r <= racks; r++) {
      text.append("    - {a: tor-").append(r).append(", b: spine}\n");
    }
    text.append("hosts:\n");
    for (int r = 1; r <= racks; r++) {
      text.append("  - {name: rack")
          .append(r)
          .append(", router: tor-")
          .append(r)
          .append(", count: ")
          .append(hostsPerRack)
          .append(", ipRange: 10.")
          .append(r / 256)
          .append('.')
          .append(r % 256)
          .append(".0/24}\n");
    }
    text.append("overlays:\n  - {name: pods, vni: 1, subnet: 10.128.0.0/9}\n");
    text.append("containers:\n");
    for (int r = 1; r <= racks; r++) {
      text.append("  - {name: app")
          .append(r)
          .append(", host: 'rack")
          .append(r)
          .append("-*', overlay: pods, count: ")
          .append(containersPerRack)
          .append(", labels: {rack: r")
          .append(r)
          .append("}}\n");
    }
    return text.toString();
  }

  @Test
  void hundredFiftyThousandContainersLoadQuickly() throws Exception {
    String text = cluster(50, 100, 3000);
    long start = System.nanoTime();
    ScenarioSet set = ScenarioLoader.parse("big.yaml", text, List.of());
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(set.base().hosts()).hasSize(5000);
    assertThat(set.base().containers()).hasSize(150_000);
    assertThat(set.base().containers().get(149_999).ip().toString()).isEqualTo("10.130.73.241");
    assertThat(elapsedMs).as("load time in ms").isLessThan(20_000);
    System.out.println("150,000 containers loaded in " + elapsedMs + " ms");
  }
}
