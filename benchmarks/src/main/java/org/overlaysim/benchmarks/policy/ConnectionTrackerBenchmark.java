package org.overlaysim.benchmarks.policy;

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
import org.overlaysim.overlay.policy.ConnectionTracker;
import org.overlaysim.overlay.policy.CtInfo;
import org.overlaysim.overlay.policy.Transport;

/**
 * Connection-tracking lookups on one host's table holding {@code connections} established TCP
 * connections: replies of tracked connections (hits) and packets of unknown ones (misses).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ConnectionTrackerBenchmark {
  static final int PACKETS = 1 << 16;
  static final int CLIENT = 0x0A800001;
  static final long NOW_NS = 1_000_000_000L;

  @Param({"100000"})
  public int connections;

  ConnectionTracker tracker;
  int[] servers = new int[PACKETS];
  int[] ports = new int[PACKETS];
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    tracker = new ConnectionTracker();
    for (int c = 0; c < connections; c++) {
      tracker.confirm(1, CLIENT, server(c), Transport.TCP, port(c), 80, ConnectionTracker.ACK, 0);
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < PACKETS; i++) {
      int c = random.nextInt(connections);
      servers[i] = server(c);
      ports[i] = port(c);
    }
  }

  private static int server(int connection) {
    return 0x0A810000 + connection / 28_000;
  }

  private static int port(int connection) {
    return 32768 + connection % 28_000;
  }

  @Benchmark
  public CtInfo replyOfTrackedConnection() {
    int i = next++ & (PACKETS - 1);
    return tracker.lookup(
        1, servers[i], CLIENT, Transport.TCP, 80, ports[i], ConnectionTracker.ACK, NOW_NS);
  }

  @Benchmark
  public CtInfo packetOfUnknownConnection() {
    int i = next++ & (PACKETS - 1);
    return tracker.lookup(
        1, servers[i], CLIENT, Transport.TCP, 81, ports[i], ConnectionTracker.SYN, NOW_NS);
  }
}
