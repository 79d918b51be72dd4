package org.overlaysim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes random valid scenario YAML, using every part of the format: mass definitions, every
 * encapsulation and control plane, policies with every selector form, ACLs, every traffic kind,
 * captures and sweeps. Deterministic per seed.
 */
final class RandomScenarios {
  private final SplittableRandom random;
  private final StringBuilder y = new StringBuilder();

  private RandomScenarios(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static String generate(long seed) {
    return new RandomScenarios(seed).scenario();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private boolean maybe() {
    return random.nextBoolean();
  }

  private String duration(long maxMs) {
    long ms = 1 + random.nextLong(maxMs);
    return pick(List.of(ms + "ms", ms * 1000 + "us", ms * 1_000_000 + "ns", (ms / 1000.0) + "s"));
  }

  private String scenario() {
    y.append("name: random-").append(random.nextInt(1000)).append('\n');
    if (maybe()) {
      y.append("description: 'generated: ").append(random.nextInt()).append("'\n");
    }
    y.append("seed: ").append(random.nextLong()).append('\n');
    y.append("duration: 60s\n");
    y.append("replications: ").append(1 + random.nextInt(3)).append('\n');
    int sites = 1 + random.nextInt(3);
    y.append("sites:\n");
    for (int s = 0; s < sites; s++) {
      y.append("  - {name: site")
          .append(s)
          .append(", location: {lat: ")
          .append(random.nextDouble(-90, 90))
          .append(", lon: ")
          .append(random.nextDouble(-180, 180))
          .append("}}\n");
    }
    y.append("underlay:\n");
    if (maybe()) {
      y.append("  defaults: {bandwidth: ")
          .append(pick(List.of("1Gbps", "10Gbps", "25Gbit/s", "400Mbps")))
          .append(", mtu: ")
          .append(pick(List.of(1500, 9000, 1400)))
          .append(", queue: ")
          .append(pick(List.of("1MiB", "512KiB", "100000", "2MB")));
      if (maybe()) {
        y.append(", fiberSpeed: 200000km/s, routeFactor: ").append(1 + random.nextDouble());
      }
      y.append("}\n");
    }
    y.append("  routers:\n");
    List<String> routers = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      int n = 1 + random.nextInt(2);
      for (int r = 0; r < n; r++) {
        String name = "r" + s + "-" + r;
        routers.add(name);
        y.append("    - {name: ").append(name).append(", site: site").append(s).append("}\n");
      }
    }
    y.append("  links:\n");
    List<String> linkNames = new ArrayList<>();
    for (int i = 1; i < routers.size(); i++) {
      String a = routers.get(random.nextInt(i));
      String b = routers.get(i);
      y.append("    - {a: ").append(a).append(", b: ").append(b);
      String name = a + "--" + b;
      if (maybe()) {
        y.append(", bandwidth: ").append(1 + random.nextInt(100)).append("Gbps");
      }
      if (maybe()) {
        y.append(", delay: ").append(duration(50));
      }
      if (maybe()) {
        y.append(", loss: ")
            .append(random.nextDouble() / 100)
            .append(", jitter: ")
            .append(duration(2));
      }
      if (maybe()) {
        y.append(", mtu: ").append(1300 + random.nextInt(200));
      }
      if (random.nextInt(4) == 0) {
        name = "wan" + i;
        y.append(", name: ").append(name);
      }
      linkNames.add(name);
      y.append("}\n");
    }
    if (linkNames.isEmpty()) {
      y.append("    []\n");
      y.setLength(y.length() - "    []\n".length() - "  links:\n".length());
    }
    y.append("hosts:\n");
    List<String> hosts = new ArrayList<>();
    int explicit = 1 + random.nextInt(3);
    for (int h = 0; h < explicit; h++) {
      String router = pick(routers);
      hosts.add("h" + h);
      y.append("  - {name: h")
          .append(h)
          .append(", router: ")
          .append(router)
          .append(", ip: 10.0.0.")
          .append(10 + h);
      if (maybe()) {
        y.append(", bandwidth: ").append(pick(List.of("1Gbps", "25Gbps")));
      }
      y.append("}\n");
    }
    boolean mass = maybe();
    if (mass) {
      int count = 2 + random.nextInt(6);
      y.append("  - {name: w, router: ")
          .append(pick(routers))
          .append(", count: ")
          .append(count)
          .append(", ipRange: 10.9.0.0/24}\n");
      for (int i = 1; i <= count; i++) {
        hosts.add("w-" + i);
      }
    }
    y.append("overlays:\n");
    int overlays = 1 + random.nextInt(3);
    List<String> overlayNames = new ArrayList<>();
    for (int o = 0; o < overlays; o++) {
      String encapsulation = pick(List.of("vxlan", "geneve", "ipip", "none"));
      boolean tunnelled = encapsulation.equals("vxlan") || encapsulation.equals("geneve");
      // Tenants in VNIs may share a subnet; routed overlays need their own.
      String subnet = tunnelled && maybe() ? "172.20.0.0/24" : "172." + (21 + o) + ".0.0/24";
      overlayNames.add("ov" + o);
      y.append("  - {name: ov")
          .append(o)
          .append(", subnet: ")
          .append(subnet)
          .append(", encapsulation: ")
          .append(encapsulation);
      if (tunnelled || maybe()) {
        y.append(", vni: ").append(100 + o);
      }
      y.append(", controlPlane: ").append(pick(List.of("static", "flood-and-learn", "evpn")));
      y.append(", mtu: ").append(maybe() ? "auto" : String.valueOf(1200 + random.nextInt(300)));
      if (tunnelled && maybe()) {
        y.append(", udpPort: 8472");
      }
      y.append("}\n");
    }
    y.append("namespaces:\n  - {name: team-a, labels: {team: a}}\n  - {name: team-b}\n");
    y.append("containers:\n");
    List<String> containers = new ArrayList<>();
    int singles = 2 + random.nextInt(4);
    for (int c = 0; c < singles; c++) {
      containers.add("c" + c);
      y.append("  - {name: c")
          .append(c)
          .append(", host: ")
          .append(pick(hosts))
          .append(", overlay: ")
          .append(pick(overlayNames))
          .append(", namespace: ")
          .append(pick(List.of("default", "team-a", "team-b")))
          .append(", labels: {app: ")
          .append(pick(List.of("web", "db", "cache")))
          .append("}");
      if (c == 0) {
        y.append(", ports: [{name: http, containerPort: 80}, {containerPort: 53, protocol: UDP}]");
      }
      if (maybe()) {
        y.append(", mtu: ").append(1400 + random.nextInt(100));
      }
      y.append("}\n");
    }
    boolean group = mass || maybe();
    if (group) {
      y.append("  - {name: g, host: '")
          .append(mass ? "w-*" : "h*")
          .append("', overlay: ")
          .append(overlayNames.get(0))
          .append(", count: ")
          .append(2 + random.nextInt(10))
          .append(", labels: {app: worker, tier: '")
          .append(random.nextInt(3))
          .append("'}}\n");
    }
    y.append("policies:\n");
    y.append(
        """
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p1, namespace: team-a}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress:
                - from:
                    - podSelector: {matchExpressions: [{key: app, operator: In, values: [web, cache]}]}
                      namespaceSelector: {matchLabels: {team: a}}
                    - ipBlock: {cidr: 172.16.0.0/12, except: [172.20.0.0/16]}
                  ports: [{protocol: TCP, port: 5432}, {port: http}, {protocol: UDP, port: 1000, endPort: 2000}]
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-egress}
            spec:
              podSelector: {matchExpressions: [{key: app, operator: Exists}]}
              policyTypes: [Egress]
        """);
    y.append("acls:\n  - {host: '")
        .append(pick(hosts))
        .append("', direction: ")
        .append(pick(List.of("ingress", "egress")))
        .append(", default: ")
        .append(pick(List.of("allow", "deny")))
        .append(
            ", rules: [{action: deny, protocol: udp, src: 172.20.0.0/24, dstPort: 53}, {action: allow, protocol: tcp, dstPort: 1000-2000}, {action: allow}]}\n");
    y.append("traffic:\n");
    String a = containers.get(0);
    String b = containers.get(1);
    y.append("  - {kind: ping, from: ")
        .append(a)
        .append(", to: ")
        .append(b)
        .append(", interval: ")
        .append(duration(500))
        .append(", count: ")
        .append(random.nextInt(100))
        .append(", size: ")
        .append(random.nextInt(1500))
        .append(", df: ")
        .append(maybe())
        .append("}\n");
    y.append("  - {kind: udp, from: ")
        .append(b)
        .append(", to: ")
        .append(a)
        .append(", rate: ")
        .append(1 + random.nextInt(1000))
        .append("Mbps, start: 1s, stop: 5s}\n");
    y.append("  - {kind: tcp, name: bulk, from: ")
        .append(a)
        .append(", to: ")
        .append(b)
        .append(", bytes: ")
        .append(pick(List.of("50MB", "1GiB", "123456")))
        .append(maybe() ? ", window: 64KiB" : "")
        .append("}\n");
    y.append("  - {kind: request-response, from: ")
        .append(group ? "g" : a)
        .append(", to: ")
        .append(b)
        .append(", requestSize: 300, responseSize: 4KiB, rate: ")
        .append(pick(List.of("1000/s", "2.5/ms", "30/min")))
        .append("}\n");
    y.append("  - {kind: probe, sample: ")
        .append(random.nextInt(50))
        .append(", ports: [{protocol: TCP, port: 80}]}\n");
    y.append("capture:\n  - {container: ")
        .append(a)
        .append("}\n  - {host: ")
        .append(pick(hosts))
        .append("}\n");
    if (!linkNames.isEmpty()) {
      y.append("  - {link: ").append(pick(linkNames)).append("}\n");
    }
    if (maybe()) {
      y.append("sweep:\n  underlay.defaults.mtu: [1500, 9000]\n");
      if (maybe()) {
        y.append("  traffic.bulk.port: [5001, 5002]\n");
      }
    }
    return y.toString();
  }
}
