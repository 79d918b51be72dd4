package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.scenario.internal.Bounds;
import org.overlaysim.scenario.internal.KeyPath;

/**
 * The JSON Schema and the loader agree on every numeric bound ({@link Bounds}, their one source):
 * each refuses a value one beyond either end, and the schema takes both ends.
 */
class BoundsAgreementTest {
  /** A scenario with an entry for every bound. */
  static final String BASE =
      Yaml.HEAD
          + """
          hosts:
            - {name: h1, router: r1, ip: 10.0.0.1}
            - {name: h2, router: r2, ip: 10.0.0.2}
            - {name: node, router: r1, count: 2, ipRange: 10.0.1.0/24}
          overlays:
            - {name: o, vni: 10, subnet: 172.20.0.0/24, udpPort: 4789}
          containers:
            - {name: c1, host: h1, overlay: o}
            - {name: c2, host: h2, overlay: o}
            - {name: w, host: 'node-*', overlay: o, count: 2}
          acls:
            - host: h1
              direction: ingress
              default: allow
              rules:
                - {action: deny, protocol: udp, dstPort: 53}
          traffic:
            - {kind: ping, from: c1, to: c2, count: 3, size: 56}
            - {kind: udp, from: c1, to: c2, rate: 1Mbps, size: 1000}
            - {kind: probe, sample: 1, ports: [{protocol: TCP, port: 80}]}
          """;

  /** Where each bound is set in {@link #BASE}, in the --set key syntax. */
  static final Map<Bounds, String> KEYS =
      Map.ofEntries(
          Map.entry(Bounds.REPLICATIONS, "replications"),
          Map.entry(Bounds.LATITUDE, "sites.s1.location.lat"),
          Map.entry(Bounds.LONGITUDE, "sites.s1.location.lon"),
          Map.entry(Bounds.ROUTE_FACTOR, "underlay.defaults.routeFactor"),
          Map.entry(Bounds.MTU, "underlay.defaults.mtu"),
          Map.entry(Bounds.PORT, "overlays.o.udpPort"),
          Map.entry(Bounds.VNI, "overlays.o.vni"),
          Map.entry(Bounds.HOST_COUNT, "hosts.node.count"),
          Map.entry(Bounds.HOST_CORES, "hosts.h1.cores"),
          Map.entry(Bounds.CONTAINER_COUNT, "containers.w.count"),
          Map.entry(Bounds.PING_SIZE, "traffic[0].size"),
          Map.entry(Bounds.UDP_SIZE, "traffic[1].size"),
          Map.entry(Bounds.PING_COUNT, "traffic[0].count"),
          Map.entry(Bounds.PROBE_SAMPLE, "traffic[2].sample"),
          Map.entry(Bounds.ACL_PORT, "acls[0].rules[0].dstPort"));

  static Stream<Bounds> bounds() {
    return Bounds.ALL.stream();
  }

  @Test
  void theBaseIsValidForBothAndEveryBoundIsTested() throws Exception {
    assertThat(schemaProblems(BASE, null, 0)).isEmpty();
    assertThat(Yaml.load(BASE).runs()).hasSize(1);
    assertThat(KEYS.keySet()).containsExactlyInAnyOrderElementsOf(Bounds.ALL);
  }

  @ParameterizedTest
  @MethodSource("bounds")
  void bothRefuseAValueBeyondEitherEnd(Bounds bounds) throws Exception {
    String key = KEYS.get(bounds);
    for (long beyond : new long[] {bounds.min() - 1, bounds.max() + 1}) {
      assertThat(schemaProblems(BASE, key, beyond)).as("schema, %s=%d", key, beyond).isNotEmpty();
      assertThat(Yaml.problems(BASE, key + "=" + beyond))
          .as("loader, %s=%d", key, beyond)
          .extracting(Problem::path)
          .contains(key);
    }
    assertThat(Yaml.problems(BASE, key + "=" + (bounds.max() + 1)))
        .as("the loader's bound is this one")
        .anySatisfy(
            p ->
                assertThat(p.message())
                    .contains("outside " + bounds.min())
                    .contains(".." + bounds.max()));
  }

  @ParameterizedTest
  @MethodSource("bounds")
  void theSchemaTakesBothEnds(Bounds bounds) throws Exception {
    String key = KEYS.get(bounds);
    assertThat(schemaProblems(BASE, key, bounds.min())).as("%s=%d", key, bounds.min()).isEmpty();
    assertThat(schemaProblems(BASE, key, bounds.max())).as("%s=%d", key, bounds.max()).isEmpty();
  }

  @Test
  void aPingOf70000BytesIsRefusedByBoth() throws Exception {
    assertThat(schemaProblems(BASE, "traffic[0].size", 70_000)).isNotEmpty();
    assertThat(Yaml.problems(BASE, "traffic[0].size=70000"))
        .extracting(Problem::toString)
        .containsExactly("--set:1:1: traffic[0].size: 70000 bytes is outside 0..65507");
  }

  static List<?> schemaProblems(String text, String key, long value) throws Exception {
    JsonNode tree = ScenarioSchemaTest.YAML.readTree(text);
    if (key != null) {
      KeyPath.set(tree, key, LongNode.valueOf(value));
    }
    return List.copyOf(ScenarioSchemaTest.SCHEMA.validate(tree));
  }
}
