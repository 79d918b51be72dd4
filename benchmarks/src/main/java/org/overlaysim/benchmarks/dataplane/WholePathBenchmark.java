package org.overlaysim.benchmarks.dataplane;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.DropReason;

/**
 * Simulated packets per second through the whole path: a container's stack, its host's bridge,
 * egress policy and connection tracking, VTEP encapsulation, three underlay hops (access link,
 * Madrid–Frankfurt WAN, access link), decapsulation, VNI check, ingress policy and conntrack, and
 * the receiving container's stack and measurement (one-way delay sample per datagram). Everything
 * an {@code overlaysim run} does per packet, with the engine's own event queue.
 *
 * <p>64 UDP flows (1,000-byte datagrams) from 64 client containers on 16 hosts in Madrid to 64
 * servers on 16 hosts in Frankfurt send {@value #PACKETS} datagrams in 100 simulated ms; one
 * operation is one datagram delivered, so the score is delivered packets per second. The
 * invocation's teardown checks that every datagram arrived (no queue, no policy drop).
 *
 * <p>Baselines side by side: {@code policies=off} (no NetworkPolicy: no classification and no
 * connection tracking) and {@code encapsulation=none} (no tunnel header, same hops). {@code -p
 * encryption=none,wireguard,ipsec} adds the encrypted overlays (sealing, the hosts' crypto stage;
 * the default rates leave the cores far from busy at 512 Mbit/s a host).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class WholePathBenchmark {
  static final int FLOWS = 64;
  static final int PACKETS_PER_FLOW = 1_600;
  static final int PACKETS = FLOWS * PACKETS_PER_FLOW;

  @Param({"vxlan", "geneve", "ipip", "none"})
  public String encapsulation;

  @Param({"on", "off"})
  public String policies;

  @Param({"none"})
  public String encryption;

  private Scenario scenario;
  private Simulator simulator;
  private OverlayNetwork network;
  private final DeliveryCount count = new DeliveryCount();

  /** Counts what the benchmark needs; everything else an observer sees is ignored. */
  static final class DeliveryCount implements NetworkObserver {
    long delivered;
    long dropped;
    String firstDrop;

    @Override
    public void packetDelivered(int flow, int ipBytes) {
      delivered++;
    }

    @Override
    public void dropped(int flow, String where, DropReason reason, int ipBytes) {
      if (dropped++ == 0) {
        firstDrop = where + " " + reason;
      }
    }
  }

  @Setup(Level.Trial)
  public void loadScenario() throws Exception {
    scenario =
        load(
            scenarioYaml(encapsulation, policies.equals("on"), UDP_STREAM, "UDP"),
            List.of("overlays.pods.encryption=" + encryption));
  }

  /** The scenario of {@code yaml} with {@code overrides} (the loader reads files only). */
  static Scenario load(String yaml, List<String> overrides) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("whole-path", ".yaml");
    try {
      java.nio.file.Files.writeString(file, yaml);
      return ScenarioLoader.load(file, overrides).runs().get(0).scenario();
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  /** A fresh network per invocation: the build is not timed, only the packets. */
  @Setup(Level.Invocation)
  public void build() {
    simulator = new Simulator();
    count.delivered = 0;
    count.dropped = 0;
    network = OverlayNetwork.build(scenario, simulator, new RandomStreams(1, 0), count);
  }

  @Benchmark
  @OperationsPerInvocation(PACKETS)
  public long deliverDatagrams() {
    network.start();
    simulator.run();
    return count.delivered;
  }

  @TearDown(Level.Invocation)
  public void everyDatagramArrived() {
    if (count.delivered != PACKETS || count.dropped != 0) {
      throw new IllegalStateException(
          "delivered "
              + count.delivered
              + " of "
              + PACKETS
              + ", dropped "
              + count.dropped
              + " (first: "
              + count.firstDrop
              + ")");
    }
  }

  /**
   * 1,000-byte datagrams every 62.5 us per flow: 1,600 in 100 ms, 128 Mbit/s a flow, four flows a
   * host (well under 10 Gbit/s), 8.2 Gbit/s on the 100 Gbit/s WAN: no queue drops.
   */
  static final String UDP_STREAM =
      """
          - {name: stream, kind: udp, from: client, to: server, port: 9000, size: 1000,
             rate: 128Mbps, stop: 100ms}
      """;

  /**
   * The path between 64 client and 64 server containers, {@code traffic} (YAML list entries under
   * {@code traffic:}) on port 9000 of {@code protocol}, policies allowing exactly that.
   */
  static String scenarioYaml(
      String encapsulation, boolean policies, String traffic, String protocol) {
    String yaml =
        """
        name: whole-path
        seed: 1
        duration: 200ms
        sites:
          - {name: madrid, location: {lat: 40.4168, lon: -3.7038}}
          - {name: frankfurt, location: {lat: 50.1109, lon: 8.6821}}
        underlay:
          defaults: {bandwidth: 10Gbps, mtu: 9000, queue: 4MiB}
          routers:
            - {name: r-mad, site: madrid}
            - {name: r-fra, site: frankfurt}
          links:
            - {a: r-mad, b: r-fra, bandwidth: 100Gbps}
        hosts:
          - {name: mad, router: r-mad, count: 16, ipRange: 10.1.0.0/24}
          - {name: fra, router: r-fra, count: 16, ipRange: 10.2.0.0/24}
        namespaces:
          - {name: shop}
        overlays:
          - {name: pods, vni: 4096, subnet: 10.244.0.0/16, encapsulation: %s}
        containers:
          - {name: client, host: "mad-*", overlay: pods, namespace: shop, count: 64,
             labels: {app: client}}
          - {name: server, host: "fra-*", overlay: pods, namespace: shop, count: 64,
             labels: {app: server}}
        traffic:
        """
                .formatted(encapsulation)
            + traffic;
    if (!policies) {
      return yaml;
    }
    return yaml
        + """
        policies:
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: shop}
            spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: server-from-client, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: server}}
              ingress:
                - from: [{podSelector: {matchLabels: {app: client}}}]
                  ports: [{protocol: %1$s, port: 9000}]
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: client-to-server, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: client}}
              egress:
                - to: [{podSelector: {matchLabels: {app: server}}}]
                  ports: [{protocol: %1$s, port: 9000}]
        """
            .formatted(protocol);
  }
}
