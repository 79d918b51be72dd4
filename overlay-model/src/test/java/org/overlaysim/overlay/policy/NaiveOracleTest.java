package org.overlaysim.overlay.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ContainerPort;
import org.overlaysim.scenario.LabelSelector;
import org.overlaysim.scenario.Namespace;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.PolicyPeer;
import org.overlaysim.scenario.PolicyPort;
import org.overlaysim.scenario.PolicyRule;
import org.overlaysim.scenario.PolicyType;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * The indexed engine (pod classes, label postings, compiled peer sets, caches) against a naive
 * reading of the Kubernetes rules that scans every policy, on random clusters and policies.
 */
class NaiveOracleTest {
  private static final String[] APPS = {"a", "b", "c", "d"};
  private static final Protocol[] PROTOCOLS = {Protocol.TCP, Protocol.UDP, Protocol.SCTP};
  private static final int[] PORTS = {53, 80, 81, 8080};

  static IntStream seeds() {
    return IntStream.range(1, 16);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theEngineAgreesWithANaiveScanOfEveryPolicy(int seed) throws ScenarioException {
    Scenario scenario =
        ScenarioLoader.parse(
                "random-" + seed + ".yaml", randomScenario(new Random(seed)), List.of())
            .base();
    PolicyEngine engine = new PolicyEngine(scenario, 64);
    List<String> differences = new ArrayList<>();
    int n = scenario.containers().size();
    for (int s = 0; s < n; s++) {
      for (int d = 0; d < n; d++) {
        for (Protocol protocol : PROTOCOLS) {
          for (int port : PORTS) {
            String egress = naive(scenario, s, d, protocol, port, PolicyType.Egress);
            String ingress = naive(scenario, s, d, protocol, port, PolicyType.Ingress);
            String actualEgress = describe(engine.egress(s, d, Transport.of(protocol), port));
            String actualIngress = describe(engine.ingress(s, d, Transport.of(protocol), port));
            if (!egress.equals(actualEgress) || !ingress.equals(actualIngress)) {
              differences.add(
                  String.format(
                      "%d->%d %s/%d: naive %s/%s, engine %s/%s",
                      s, d, protocol, port, egress, ingress, actualEgress, actualIngress));
            }
          }
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  private static String describe(Verdict verdict) {
    return switch (verdict.reason()) {
      case NOT_ISOLATED -> "open";
      case POLICY_DENY -> "deny";
      default -> verdict.policy();
    };
  }

  /** "open", "deny" or the first allowing policy, scanning every policy as the docs read. */
  private static String naive(
      Scenario scenario, int src, int dst, Protocol protocol, int port, PolicyType direction) {
    Container source = scenario.containers().get(src);
    Container destination = scenario.containers().get(dst);
    Container subject = direction == PolicyType.Ingress ? destination : source;
    Container peer = direction == PolicyType.Ingress ? source : destination;
    boolean isolated = false;
    for (NetworkPolicy policy : scenario.policies()) {
      if (!policy.namespace().equals(subject.namespace())
          || !policy.podSelector().matches(subject.labels())
          || !policy.policyTypes().contains(direction)) {
        continue;
      }
      isolated = true;
      List<PolicyRule> rules = direction == PolicyType.Ingress ? policy.ingress() : policy.egress();
      for (PolicyRule rule : rules) {
        boolean portOk = rule.ports().isEmpty();
        for (PolicyPort p : rule.ports()) {
          portOk |= p.matchesNumber(protocol, port) || namedMatch(p, destination, protocol, port);
        }
        boolean peerOk = rule.peers().isEmpty();
        for (PolicyPeer candidate : rule.peers()) {
          peerOk |= peerMatches(scenario, policy, candidate, peer);
        }
        if (portOk && peerOk) {
          return policy.namespace() + "/" + policy.name();
        }
      }
    }
    return isolated ? "deny" : "open";
  }

  private static boolean namedMatch(PolicyPort p, Container pod, Protocol protocol, int port) {
    if (p.namedPort().isEmpty() || p.protocol() != protocol) {
      return false;
    }
    for (ContainerPort declared : pod.ports()) {
      if (declared.name().equals(p.namedPort().get())
          && declared.protocol() == protocol
          && declared.containerPort() == port) {
        return true;
      }
    }
    return false;
  }

  private static boolean peerMatches(
      Scenario scenario, NetworkPolicy policy, PolicyPeer peer, Container pod) {
    if (peer.ipBlock().isPresent()) {
      return peer.ipBlock().get().contains(pod.ip());
    }
    boolean namespaceOk;
    if (peer.namespaceSelector().isPresent()) {
      Map<String, String> labels =
          scenario.namespaces().stream()
              .filter(ns -> ns.name().equals(pod.namespace()))
              .findFirst()
              .map(Namespace::labels)
              .orElseThrow();
      namespaceOk = peer.namespaceSelector().get().matches(labels);
    } else {
      namespaceOk = pod.namespace().equals(policy.namespace());
    }
    return namespaceOk && peer.podSelector().orElse(LabelSelector.ALL).matches(pod.labels());
  }

  private static String randomScenario(Random random) {
    StringBuilder y = new StringBuilder();
    y.append(
        """
        name: random
        seed: 1
        duration: 1s
        sites:
          - {name: lab, location: {lat: 0, lon: 0}}
        underlay:
          routers:
            - {name: r1, site: lab}
        hosts:
          - {name: h, router: r1, count: 3, ipRange: 10.0.0.0/24}
        overlays:
          - {name: net, vni: 1, subnet: 10.128.0.0/24, encapsulation: vxlan, controlPlane: static}
        namespaces:
        """);
    for (int ns = 0; ns < 4; ns++) {
      y.append("  - {name: n").append(ns).append(", labels: {");
      y.append("env: ").append(random.nextBoolean() ? "prod" : "dev");
      if (random.nextBoolean()) {
        y.append(", team: t").append(random.nextInt(3));
      }
      y.append("}}\n");
    }
    y.append("containers:\n");
    for (int c = 0; c < 24; c++) {
      y.append("  - {name: c").append(c).append(", host: h-").append(1 + c % 3);
      y.append(", overlay: net, namespace: n");
      y.append(random.nextInt(4)).append(", labels: {app: ").append(APPS[random.nextInt(4)]);
      if (random.nextBoolean()) {
        y.append(", tier: ").append(random.nextBoolean() ? "fe" : "be");
      }
      y.append("}, ports: [{name: web, containerPort: ").append(random.nextBoolean() ? 80 : 8080);
      y.append(random.nextBoolean() ? ", protocol: UDP" : "").append("}]}\n");
    }
    y.append("policies:\n");
    for (int p = 0; p < 8; p++) {
      y.append("  - apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n");
      y.append("    metadata: {name: p").append(p).append(", namespace: n");
      y.append(random.nextInt(4)).append("}\n    spec:\n");
      y.append("      podSelector: ").append(selector(random, "app", APPS)).append('\n');
      int types = random.nextInt(4);
      if (types > 0) {
        y.append("      policyTypes: ")
            .append(types == 1 ? "[Ingress]" : types == 2 ? "[Egress]" : "[Ingress, Egress]")
            .append('\n');
      }
      for (String section : new String[] {"ingress", "egress"}) {
        int rules = random.nextInt(4) - 1;
        if (rules < 0) {
          continue;
        }
        y.append("      ").append(section).append(":").append(rules == 0 ? " []\n" : "\n");
        for (int r = 0; r < rules; r++) {
          y.append("        - ").append(section.equals("ingress") ? "from" : "to").append(": [");
          int peers = random.nextInt(3);
          for (int i = 0; i < peers; i++) {
            y.append(i > 0 ? ", " : "").append(peer(random));
          }
          y.append("]\n          ports: [");
          int ports = random.nextInt(3);
          for (int i = 0; i < ports; i++) {
            y.append(i > 0 ? ", " : "").append(port(random));
          }
          y.append("]\n");
        }
      }
    }
    return y.toString();
  }

  private static String selector(Random random, String key, String[] values) {
    return switch (random.nextInt(6)) {
      case 0 -> "{}";
      case 1 -> "{matchLabels: {" + key + ": " + values[random.nextInt(values.length)] + "}}";
      case 2 ->
          "{matchExpressions: [{key: "
              + key
              + ", operator: In, values: ["
              + values[0]
              + ", "
              + values[random.nextInt(values.length)]
              + "]}]}";
      case 3 ->
          "{matchExpressions: [{key: "
              + key
              + ", operator: NotIn, values: ["
              + values[random.nextInt(values.length)]
              + "]}]}";
      case 4 -> "{matchExpressions: [{key: tier, operator: Exists}]}";
      default ->
          "{matchLabels: {"
              + key
              + ": "
              + values[random.nextInt(values.length)]
              + "}, matchExpressions: [{key: tier, operator: DoesNotExist}]}";
    };
  }

  private static String peer(Random random) {
    String[] envs = {"prod", "dev"};
    return switch (random.nextInt(4)) {
      case 0 -> "{podSelector: " + selector(random, "app", APPS) + "}";
      case 1 -> "{namespaceSelector: " + selector(random, "env", envs) + "}";
      case 2 ->
          "{namespaceSelector: "
              + selector(random, "env", envs)
              + ", podSelector: "
              + selector(random, "app", APPS)
              + "}";
      default ->
          "{ipBlock: {cidr: 10.128.0.0/"
              + (25 + random.nextInt(3))
              + ", except: [10.128.0."
              + (4 * random.nextInt(4))
              + "/30]}}";
    };
  }

  private static String port(Random random) {
    String protocol = PROTOCOLS[random.nextInt(3)].name();
    return switch (random.nextInt(4)) {
      case 0 -> "{protocol: " + protocol + "}";
      case 1 -> "{protocol: " + protocol + ", port: " + PORTS[random.nextInt(4)] + "}";
      case 2 -> "{protocol: " + protocol + ", port: 80, endPort: " + (80 + random.nextInt(2)) + "}";
      default -> "{protocol: " + protocol + ", port: web}";
    };
  }
}
