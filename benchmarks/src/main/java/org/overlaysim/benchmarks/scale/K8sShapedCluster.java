package org.overlaysim.benchmarks.scale;

/**
 * A scenario of the shape of {@code scenarios/examples/k8s-max.yaml} at any size: 5 sites in a full
 * mesh of routers, 30 containers per host, 10 overlays (static control plane) in 10 namespaces,
 * each overlay 80% web clients and 20% api servers, one NetworkPolicy per 300 containers (500 at
 * 150,000), a request-response flow and a probe of 1,000 sampled pairs.
 *
 * <p>Everything that grows with a real cluster grows with {@code containers}: hosts, pods and
 * policies alike (a cluster 150 times bigger runs more apps, which bring their policies), so that a
 * cost in pods times policies shows as the square it is instead of hiding behind a fixed count.
 * Sites, overlays and namespaces stay fixed. Unlike k8s-max, api servers spread over every host:
 * the smallest cluster has no host whose name ends in 0.
 */
final class K8sShapedCluster {
  static final String[] SITES = {"madrid", "frankfurt", "virginia", "oregon", "tokyo"};
  static final double[][] LOCATIONS = {
    {40.4168, -3.7038},
    {50.1109, 8.6821},
    {38.9072, -77.0369},
    {45.5152, -122.6784},
    {35.6762, 139.6503}
  };
  static final int OVERLAYS = 10;
  static final int CONTAINERS_PER_HOST = 30;
  static final int CONTAINERS_PER_POLICY = 300;

  private K8sShapedCluster() {}

  /** Hosts per site: about one host per 30 containers in all, at least one per site. */
  static int hostsPerSite(int containers) {
    return Math.max(1, containers / CONTAINERS_PER_HOST / SITES.length);
  }

  static int policies(int containers) {
    return Math.max(1, containers / CONTAINERS_PER_POLICY);
  }

  /** The scenario's YAML for {@code containers} containers (a multiple of 50). */
  static String yaml(int containers) {
    if (containers <= 0 || containers % 50 != 0) {
      throw new IllegalArgumentException("containers must be a positive multiple of 50");
    }
    int perOverlay = containers / OVERLAYS;
    int web = perOverlay * 4 / 5;
    int api = perOverlay - web;
    StringBuilder y = new StringBuilder();
    y.append("name: k8s-shaped-").append(containers).append('\n');
    y.append("seed: 1\nduration: 1s\nsites:\n");
    for (int s = 0; s < SITES.length; s++) {
      y.append("  - {name: ").append(SITES[s]).append(", location: {lat: ");
      y.append(LOCATIONS[s][0]).append(", lon: ").append(LOCATIONS[s][1]).append("}}\n");
    }
    y.append("underlay:\n  routers:\n");
    for (String site : SITES) {
      y.append("    - {name: r-").append(site).append(", site: ").append(site).append("}\n");
    }
    y.append("  links:\n");
    for (int a = 0; a < SITES.length; a++) {
      for (int b = a + 1; b < SITES.length; b++) {
        y.append("    - {a: r-").append(SITES[a]).append(", b: r-").append(SITES[b]);
        y.append("}\n");
      }
    }
    y.append("hosts:\n");
    for (int s = 0; s < SITES.length; s++) {
      y.append("  - {name: ").append(SITES[s]).append(", router: r-").append(SITES[s]);
      y.append(", count: ").append(hostsPerSite(containers));
      y.append(", ipRange: 10.").append(s).append(".0.0/16}\n");
    }
    y.append("namespaces:\n");
    for (int i = 0; i < OVERLAYS; i++) {
      y.append("  - {name: ns").append(i).append(", labels: {team: t").append(i).append("}}\n");
    }
    y.append("overlays:\n");
    for (int i = 0; i < OVERLAYS; i++) {
      y.append("  - {name: o").append(i).append(", vni: ").append(100 + i);
      y.append(", subnet: 10.").append(100 + i).append(".0.0/16");
      y.append(", encapsulation: vxlan, controlPlane: static}\n");
    }
    y.append("containers:\n");
    for (int i = 0; i < OVERLAYS; i++) {
      y.append("  - {name: web").append(i).append(", host: '*', overlay: o").append(i);
      y.append(", namespace: ns").append(i).append(", count: ").append(web);
      y.append(", labels: {app: web, tier: t").append(i % 5).append("}}\n");
      y.append("  - {name: api").append(i).append(", host: '*', overlay: o").append(i);
      y.append(", namespace: ns").append(i).append(", count: ").append(api);
      y.append(", labels: {app: api}}\n");
    }
    y.append("policies:\n");
    for (int p = 0; p < policies(containers); p++) {
      int ns = p % OVERLAYS;
      y.append("  - apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n");
      y.append("    metadata: {name: p").append(p).append(", namespace: ns").append(ns);
      y.append("}\n    spec:\n      podSelector: {matchLabels: {app: api}}\n");
      y.append("      ingress:\n        - from: [{podSelector: {matchLabels: {tier: t");
      y.append(ns % 5).append("}}}]\n          ports: [{protocol: TCP, port: ");
      y.append(8000 + p).append("}]\n");
    }
    y.append("traffic:\n");
    y.append("  - {name: web-api, kind: request-response, from: web0, to: api0, port: 8000,");
    y.append(" requestSize: 300, responseSize: 4KiB, rate: 500/min}\n");
    y.append("  - {name: sampled, kind: probe, sample: 1000,");
    y.append(" ports: [{protocol: TCP, port: 8000}]}\n");
    return y.toString();
  }
}
