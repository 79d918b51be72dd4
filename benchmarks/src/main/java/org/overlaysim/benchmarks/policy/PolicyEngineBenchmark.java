package org.overlaysim.benchmarks.policy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.overlaysim.overlay.policy.PolicyEngine;
import org.overlaysim.overlay.policy.Transport;
import org.overlaysim.overlay.policy.Verdict;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * NetworkPolicy verdict lookups on a cluster of 10,000 containers and 1,000 policies: 100
 * namespaces with 10 apps of 10 replicas each ({@code -p replicas=150}: 150,000 containers); per
 * namespace 10 policies, each selecting one app and allowing ingress from the next app of its
 * namespace, from one tier of namespaces, and from an ipBlock, on TCP 80-81 and a named port; every
 * tenth policy also isolates egress.
 *
 * <ul>
 *   <li>{@code uncached}: every lookup evaluates the rules (cache of one entry): the cold cost.
 *   <li>{@code randomPairs}: the default bounded cache over random pairs of 10^8 (mostly misses).
 *   <li>{@code hotPairs}: 4,096 pairs looked up again and again (all hits): the warm cost.
 *   <li>{@code build}: compiling the engine from the scenario, once per iteration.
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PolicyEngineBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PolicyEngineBenchmark {
  static final int NAMESPACES = 100;
  static final int APPS = 10;
  static final int LOOKUPS = 1 << 16;
  static final int HOT = 1 << 12;

  /** Replicas per app: 10 gives 10,000 containers, 150 the 150,000 of a large cluster. */
  @Param({"10"})
  public int replicas;

  Scenario scenario;
  PolicyEngine uncached;
  PolicyEngine cached;
  PolicyEngine hot;
  int[] src = new int[LOOKUPS];
  int[] dst = new int[LOOKUPS];
  int[] port = new int[LOOKUPS];
  int next;

  @Setup(Level.Trial)
  public void setUp() throws ScenarioException {
    scenario = ScenarioLoader.parse("policy-benchmark.yaml", yaml(replicas), List.of()).base();
    uncached = new PolicyEngine(scenario, 1);
    cached = new PolicyEngine(scenario);
    hot = new PolicyEngine(scenario);
    SplittableRandom random = new SplittableRandom(42);
    int n = scenario.containers().size();
    for (int i = 0; i < LOOKUPS; i++) {
      src[i] = random.nextInt(n);
      // Half the lookups stay in the source's namespace, where the rules of its policies bite.
      dst[i] =
          random.nextBoolean()
              ? (src[i] / (APPS * replicas)) * APPS * replicas + random.nextInt(APPS * replicas)
              : random.nextInt(n);
      port[i] = 79 + random.nextInt(4);
    }
  }

  @Benchmark
  public Verdict uncached() {
    int i = next++ & (LOOKUPS - 1);
    return uncached.connection(src[i], dst[i], Transport.TCP, port[i]);
  }

  @Benchmark
  public Verdict randomPairs() {
    int i = next++ & (LOOKUPS - 1);
    return cached.connection(src[i], dst[i], Transport.TCP, port[i]);
  }

  @Benchmark
  public Verdict hotPairs() {
    int i = next++ & (HOT - 1);
    return hot.connection(src[i], dst[i], Transport.TCP, port[i]);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public PolicyEngine build() {
    return new PolicyEngine(scenario);
  }

  static String yaml(int replicas) {
    StringBuilder y = new StringBuilder();
    y.append(
        """
        name: policy-benchmark
        seed: 1
        duration: 1s
        sites:
          - {name: dc, location: {lat: 50.1109, lon: 8.6821}}
        underlay:
          routers:
            - {name: r1, site: dc}
        hosts:
          - {name: node, router: r1, count: 100, ipRange: 10.0.0.0/24}
        overlays:
          - {name: pods, vni: 1, subnet: 10.128.0.0/14, encapsulation: vxlan, controlPlane: static}
        namespaces:
        """);
    for (int ns = 0; ns < NAMESPACES; ns++) {
      y.append("  - {name: ns-").append(ns).append(", labels: {tier: t").append(ns % 5);
      y.append("}}\n");
    }
    y.append("containers:\n");
    for (int ns = 0; ns < NAMESPACES; ns++) {
      for (int app = 0; app < APPS; app++) {
        y.append("  - {name: ns-").append(ns).append("-app-").append(app);
        y.append(", host: \"node-*\", overlay: pods, count: ").append(replicas);
        y.append(", namespace: ns-").append(ns);
        y.append(", labels: {app: app-").append(app).append(", version: v").append(app % 3);
        y.append("}, ports: [{name: http, containerPort: ").append(8080 + app % 2).append("}]}\n");
      }
    }
    y.append("policies:\n");
    for (int ns = 0; ns < NAMESPACES; ns++) {
      for (int app = 0; app < APPS; app++) {
        y.append(
            """
              - apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: app-%d, namespace: ns-%d}
                spec:
                  podSelector: {matchLabels: {app: app-%d}}
                  policyTypes: [%s]
                  ingress:
                    - from:
                        - podSelector: {matchLabels: {app: app-%d}}
                        - namespaceSelector: {matchLabels: {tier: t%d}}
                          podSelector:
                            matchExpressions: [{key: version, operator: In, values: [v0, v1]}]
                        - ipBlock: {cidr: 10.128.%d.0/24, except: [10.128.%d.0/28]}
                      ports: [{protocol: TCP, port: 80, endPort: 81}, {port: http}]
                  egress:
                    - to: [{namespaceSelector: {}}]
                      ports: [{protocol: TCP, port: 80}, {protocol: UDP, port: 53}]
            """
                .formatted(
                    app,
                    ns,
                    app,
                    app == 0 ? "Ingress, Egress" : "Ingress",
                    (app + 1) % APPS,
                    (ns + 1) % 5,
                    ns % 39,
                    ns % 39));
      }
    }
    return y.toString();
  }
}
