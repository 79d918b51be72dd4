package org.overlaysim.scenario;

import java.util.List;

/** Test helpers: a minimal valid scenario to which tests add or change parts. */
final class Yaml {
  private Yaml() {}

  static final String HEAD =
      """
      name: t
      seed: 1
      duration: 10s
      sites:
        - {name: s1, location: {lat: 40.0, lon: -3.0}}
        - {name: s2, location: {lat: 50.0, lon: 8.0}}
      underlay:
        defaults: {bandwidth: 10Gbps, mtu: 1500, queue: 1MiB}
        routers:
          - {name: r1, site: s1}
          - {name: r2, site: s2}
        links:
          - {a: r1, b: r2}
      """;

  static final String HOSTS =
      """
      hosts:
        - {name: h1, router: r1, ip: 10.0.0.1}
        - {name: h2, router: r2, ip: 10.0.0.2}
      """;

  static final String OVERLAYS =
      """
      overlays:
        - {name: o, vni: 10, subnet: 172.20.0.0/24}
      """;

  static final String CONTAINERS =
      """
      containers:
        - {name: c1, host: h1, overlay: o}
        - {name: c2, host: h2, overlay: o}
      """;

  static String minimal() {
    return HEAD + HOSTS + OVERLAYS + CONTAINERS;
  }

  static ScenarioSet load(String text, String... overrides) throws ScenarioException {
    return ScenarioLoader.parse("test.yaml", text, List.of(overrides));
  }

  static Scenario scenario(String text) throws ScenarioException {
    return load(text).base();
  }

  static List<Problem> problems(String text, String... overrides) {
    try {
      load(text, overrides);
    } catch (ScenarioException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems, the scenario loaded");
  }
}
