package org.overlaysim.benchmarks.topology;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.overlaysim.engine.RandomStream;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.topology.DropReason;
import org.overlaysim.topology.FlowHash;
import org.overlaysim.topology.HostNode;
import org.overlaysim.topology.Link;
import org.overlaysim.topology.LinkSink;
import org.overlaysim.topology.LinkTransmitter;
import org.overlaysim.topology.RoutingTable;
import org.overlaysim.topology.Transmittable;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayListener;
import org.overlaysim.topology.UnderlayNetwork;
import org.overlaysim.topology.UnderlayPacket;

/**
 * Per-packet cost of the underlay: a route lookup (one ECMP decision at one router), a host address
 * lookup plus route lookup (a router's whole forwarding decision), one packet through one link
 * transmitter (queue, serialization, arrival event), and one packet end to end across the routed
 * underlay.
 *
 * <p>The topology is the "large" case the routing is designed for: 50 routers in a 5 x 10 grid
 * (inside one site, so many equal-cost paths) and 5,000 hosts, 100 per router. Scores are ns per
 * packet (average time).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UnderlayBenchmark {
  static final int ROWS = 5;
  static final int COLUMNS = 10;
  static final int HOSTS = 5_000;
  static final int LOOKUPS = 4096;
  static final int BATCH = 1_000;

  /** An outer UDP packet with a resettable TTL, reused across invocations. */
  static final class BenchPacket implements UnderlayPacket {
    final int length;
    final int src;
    final int dst;
    final int srcPort;
    int ttl = 64;

    BenchPacket(int length, int src, int dst, int srcPort) {
      this.length = length;
      this.src = src;
      this.dst = dst;
      this.srcPort = srcPort;
    }

    @Override
    public int ipLength() {
      return length;
    }

    @Override
    public int srcIpv4() {
      return src;
    }

    @Override
    public int dstIpv4() {
      return dst;
    }

    @Override
    public int protocol() {
      return 17;
    }

    @Override
    public int srcPort() {
      return srcPort;
    }

    @Override
    public int dstPort() {
      return 4789;
    }

    @Override
    public int decrementTtl() {
      return --ttl;
    }
  }

  static UnderlayGraph grid() {
    UnderlayGraph.Builder b = UnderlayGraph.builder().site("dc", 40.4168, -3.7038);
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        String name = "r" + r + "-" + c;
        b.router(name, "dc");
        if (c > 0) {
          b.link("r" + r + "-" + (c - 1), name);
        }
        if (r > 0) {
          b.link("r" + (r - 1) + "-" + c, name);
        }
      }
    }
    int base = Ipv4.parse("10.0.0.0").bits();
    for (int h = 0; h < HOSTS; h++) {
      int router = h % (ROWS * COLUMNS);
      b.host(
          "h" + h,
          "dc",
          "r" + (router / COLUMNS) + "-" + (router % COLUMNS),
          Ipv4.format(base + h + 1));
    }
    return b.build();
  }

  /** Routing table lookups for pre-drawn (router, destination router, flow) triples. */
  @State(Scope.Thread)
  public static class Routes {
    RoutingTable routing;
    UnderlayGraph underlay;
    final int[] from = new int[LOOKUPS];
    final int[] to = new int[LOOKUPS];
    final int[] hash = new int[LOOKUPS];
    final int[] dstIp = new int[LOOKUPS];

    @Setup
    public void setUp() {
      underlay = grid();
      routing = underlay.routing();
      RandomStream random = new RandomStreams(2026, 0).stream("bench/routes");
      int routers = ROWS * COLUMNS;
      for (int i = 0; i < LOOKUPS; i++) {
        from[i] = random.nextInt(routers);
        to[i] = random.nextInt(routers);
        HostNode dst = underlay.hosts().get(random.nextInt(HOSTS));
        dstIp[i] = dst.ipv4();
        hash[i] = FlowHash.of(Ipv4.parse("10.0.0.1").bits(), dst.ipv4(), 17, 49152 + i, 4789);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public int routeLookup(Routes s) {
    int sum = 0;
    for (int i = 0; i < LOOKUPS; i++) {
      sum += s.routing.nextHop(s.from[i], s.to[i], s.hash[i]);
    }
    return sum;
  }

  /** What a router does per packet: find the destination host's router, then the next hop. */
  @Benchmark
  @OperationsPerInvocation(LOOKUPS)
  public int forwardingDecision(Routes s) {
    int sum = 0;
    for (int i = 0; i < LOOKUPS; i++) {
      int host = s.underlay.hostIndexByIpv4(s.dstIp[i]);
      int dstRouter = s.underlay.hostRouterIndex(host);
      sum += s.routing.nextHop(s.from[i], dstRouter, s.hash[i]);
    }
    return sum;
  }

  /** One 10 Gbit/s link direction: a burst of 1,000 full-sized packets queued, sent, delivered. */
  @State(Scope.Thread)
  public static class OneLink implements LinkSink {
    Simulator sim;
    LinkTransmitter transmitter;
    final BenchPacket[] packets = new BenchPacket[BATCH];
    long delivered;

    @Setup
    public void setUp() {
      sim = new Simulator();
      Link link = new Link("a--b", "a", "b", 10_000_000_000L, 50_000, 1500, 1L << 30, 0.0, 0);
      transmitter = new LinkTransmitter(sim, new RandomStreams(2026, 0), link, "a");
      transmitter.connect(this);
      for (int i = 0; i < BATCH; i++) {
        packets[i] = new BenchPacket(1500, 1, 2, 49152 + i);
      }
    }

    @Override
    public void delivered(Transmittable item, LinkTransmitter via) {
      delivered++;
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long linkTransmission(OneLink s) {
    for (int i = 0; i < BATCH; i++) {
      s.transmitter.send(s.packets[i]);
    }
    s.sim.run();
    return s.delivered;
  }

  /** The routed underlay: 1,000 packets between random host pairs, each over several links. */
  @State(Scope.Thread)
  public static class Network implements UnderlayListener {
    Simulator sim;
    UnderlayNetwork network;
    final BenchPacket[] packets = new BenchPacket[BATCH];
    final int[] srcHost = new int[BATCH];
    long delivered;
    long dropped;

    @Setup
    public void setUp() {
      UnderlayGraph underlay = grid();
      sim = new Simulator();
      network = new UnderlayNetwork(underlay, sim, new RandomStreams(2026, 0), this);
      RandomStream random = new RandomStreams(2026, 0).stream("bench/pairs");
      for (int i = 0; i < BATCH; i++) {
        int a = random.nextInt(HOSTS);
        int b = random.nextInt(HOSTS);
        srcHost[i] = a;
        packets[i] =
            new BenchPacket(
                200, underlay.hosts().get(a).ipv4(), underlay.hosts().get(b).ipv4(), 49152 + i);
      }
    }

    @Override
    public void delivered(HostNode host, UnderlayPacket packet) {
      delivered++;
    }

    @Override
    public void dropped(UnderlayPacket packet, DropReason reason, String node, Link link) {
      dropped++;
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long endToEnd(Network s) {
    for (int i = 0; i < BATCH; i++) {
      s.packets[i].ttl = 64;
      s.network.send(s.srcHost[i], s.packets[i]);
    }
    s.sim.run();
    return s.delivered + s.dropped;
  }
}
