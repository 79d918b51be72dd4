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

/**
 * The whole path of {@link WholePathBenchmark} carrying TCP: 64 bulk transfers of {@value
 * #MEGABYTES_PER_FLOW} MB from the Madrid clients to the Frankfurt servers, each to its end
 * (handshake, slow start, every data segment and ACK through both stacks, policies and conntrack,
 * VTEPs and three hops each way). One operation is one megabyte of payload delivered, so the score
 * is simulated TCP megabytes per wall second: what a TCP scenario costs a user, whatever the
 * congestion control does with its segments. The invocation's teardown checks that every byte
 * arrived.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TcpWholePathBenchmark {
  static final int FLOWS = 64;
  static final int MEGABYTES_PER_FLOW = 2;
  static final long BYTES = (long) FLOWS * MEGABYTES_PER_FLOW * 1_000_000;

  @Param({"vxlan"})
  public String encapsulation;

  @Param({"on", "off"})
  public String policies;

  /** Random loss on the WAN link, each way: 0, or enough to keep SACK recovery busy. */
  @Param({"0", "0.001"})
  public String loss;

  private Scenario scenario;
  private Simulator simulator;
  private OverlayNetwork network;
  private final PayloadCount count = new PayloadCount();

  /** Payload bytes delivered in order to the applications. */
  static final class PayloadCount implements NetworkObserver {
    long payload;

    @Override
    public void payloadDelivered(int flow, long bytes) {
      payload += bytes;
    }
  }

  @Setup(Level.Trial)
  public void loadScenario() throws Exception {
    String bulk =
        """
            - {name: bulk, kind: tcp, from: client, to: server, port: 9000, bytes: %dMB}
        """
            .formatted(MEGABYTES_PER_FLOW);
    // Ethernet-sized segments, and queues deep enough for 64 initial windows at once: the
    // benchmark times the packet path, not loss recovery.
    scenario =
        WholePathBenchmark.load(
            WholePathBenchmark.scenarioYaml(encapsulation, policies.equals("on"), bulk, "TCP"),
            List.of(
                "underlay.defaults.mtu=1500",
                "underlay.defaults.queue=64MiB",
                "underlay.links[0].loss=" + loss));
  }

  /** A fresh network per invocation: the build is not timed, only the transfers. */
  @Setup(Level.Invocation)
  public void build() {
    simulator = new Simulator();
    count.payload = 0;
    network = OverlayNetwork.build(scenario, simulator, new RandomStreams(1, 0), count);
  }

  @Benchmark
  @OperationsPerInvocation(FLOWS * MEGABYTES_PER_FLOW)
  public long transferMegabytes() {
    network.start();
    simulator.run();
    return count.payload;
  }

  @TearDown(Level.Invocation)
  public void everyByteArrived() {
    if (count.payload != BYTES) {
      throw new IllegalStateException("delivered " + count.payload + " of " + BYTES + " bytes");
    }
  }
}
