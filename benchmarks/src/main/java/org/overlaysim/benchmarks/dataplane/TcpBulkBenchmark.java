package org.overlaysim.benchmarks.dataplane;

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
import org.overlaysim.overlay.NetworkObserver;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.scenario.Scenario;

/**
 * Simulated TCP data segments per second through the whole path: one bulk transfer of {@value
 * #BYTES} bytes over vxlan between two sites, 10 Gbit/s hosts and a 1 Gbit/s WAN (10 ms RTT, 4 MiB
 * queue), with its ACKs, timers and (with {@code loss}) SACK recovery. One operation is one full
 * data segment's worth of payload delivered (1398 bytes), so old and new TCP models compare on the
 * same work whatever ACKs and retransmissions they need.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TcpBulkBenchmark {
  static final long BYTES = 50_000_000;
  static final int SEGMENTS = (int) (BYTES / 1398);

  /** Random loss on the WAN, each way. */
  @Param({"0", "0.001"})
  public String loss;

  private Scenario scenario;
  private Simulator simulator;
  private OverlayNetwork network;
  private final Payload payload = new Payload();

  /** Counts payload delivered; everything else an observer sees is ignored. */
  static final class Payload implements NetworkObserver {
    long bytes;

    @Override
    public void payloadDelivered(int flow, long delivered) {
      bytes += delivered;
    }
  }

  @Setup(Level.Trial)
  public void loadScenario() throws Exception {
    scenario = YamlScenario.load(scenarioYaml(loss));
  }

  /** A fresh network per invocation: the build is not timed, only the transfer. */
  @Setup(Level.Invocation)
  public void build() {
    simulator = new Simulator();
    payload.bytes = 0;
    network = OverlayNetwork.build(scenario, simulator, new RandomStreams(1, 0), payload);
  }

  @Benchmark
  @OperationsPerInvocation(SEGMENTS)
  public long transfer() {
    network.start();
    simulator.run();
    return payload.bytes;
  }

  @TearDown(Level.Invocation)
  public void everyByteArrived() {
    if (payload.bytes != BYTES) {
      throw new IllegalStateException("delivered " + payload.bytes + " of " + BYTES);
    }
  }

  static String scenarioYaml(String loss) {
    return """
        name: tcp-bulk
        seed: 1
        duration: 30s
        sites:
          - {name: madrid, location: {lat: 40.4168, lon: -3.7038}}
          - {name: frankfurt, location: {lat: 50.1109, lon: 8.6821}}
        underlay:
          defaults: {bandwidth: 10Gbps, mtu: 1500, queue: 4MiB}
          routers:
            - {name: r-mad, site: madrid}
            - {name: r-fra, site: frankfurt}
          links:
            - {a: r-mad, b: r-fra, bandwidth: 1Gbps, delay: 5ms, loss: %s}
        hosts:
          - {name: mad, router: r-mad, ip: 10.1.0.1}
          - {name: fra, router: r-fra, ip: 10.2.0.1}
        overlays:
          - {name: pods, vni: 4096, subnet: 10.244.0.0/16, encapsulation: vxlan}
        containers:
          - {name: client, host: mad, overlay: pods}
          - {name: server, host: fra, overlay: pods}
        traffic:
          - {name: bulk, kind: tcp, from: client, to: server, bytes: %d}
        """
        .formatted(loss, BYTES);
  }
}
