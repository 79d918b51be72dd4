package org.overlaysim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionedSimulatorTest {
  private static final int NODES = 4;
  private static final long END_NS = 20_000_000;

  /** How a node hands an item to another node at a time: a channel, or one shared clock. */
  private interface Post {
    void post(int from, int to, long timeNs, long item);
  }

  /**
   * A node of a random message-passing model: local events at random gaps, some of which send an
   * item to a random other node at least that pair's lookahead later (more, at random); an item's
   * arrival schedules a local event. Every node draws from its own stream, so a node's log depends
   * only on the order of its own events.
   */
  private static final class Node {
    final int id;
    final Simulator clock;
    final RandomStream random;
    final List<String> log = new ArrayList<>();
    final long[] lastSent = new long[NODES];
    Post post;

    Node(int id, Simulator clock, RandomStreams streams) {
      this.id = id;
      this.clock = clock;
      this.random = streams.stream("node/" + id);
    }

    void start() {
      for (int i = 0; i < 20; i++) {
        clock.scheduleAt(random.nextLong(1_000_000), this::tick);
      }
    }

    void tick() {
      log.add(clock.nowNs() + " tick");
      maybeSend(0.5);
      long gap = 1 + random.nextLong(200_000);
      if (clock.nowNs() + gap < END_NS) {
        clock.schedule(gap, this::tick);
      }
    }

    private void maybeSend(double probability) {
      if (random.nextDouble() < probability) {
        int to = (id + 1 + (int) random.nextLong(NODES - 1)) % NODES;
        long earliest = clock.nowNs() + lookahead(id, to) + random.nextLong(50_000);
        long at = Math.max(lastSent[to], earliest);
        lastSent[to] = at;
        post.post(id, to, at, clock.nowNs() * 31 + id);
      }
    }

    /** An arrival answers, after a while, with one event that may pass an item on. */
    void arrive(long item) {
      log.add(clock.nowNs() + " got " + item);
      clock.schedule(
          random.nextLong(30_000),
          () -> {
            log.add(clock.nowNs() + " answer");
            maybeSend(0.3);
          });
    }
  }

  /** Lookaheads differ per ordered pair, as sites' distances do. */
  private static long lookahead(int from, int to) {
    return 100_000 + 37_000L * ((from * 3 + to * 5) % 7);
  }

  /** Each node's log, then the run's event fingerprint. */
  private static List<List<String>> partitioned(int threads) {
    RandomStreams streams = new RandomStreams(7, 0);
    PartitionedSimulator sim = new PartitionedSimulator(NODES);
    sim.trace();
    Node[] nodes = new Node[NODES];
    for (int n = 0; n < NODES; n++) {
      nodes[n] = new Node(n, sim.partition(n), streams);
    }
    Channel[][] channels = new Channel[NODES][NODES];
    for (int a = 0; a < NODES; a++) {
      for (int b = 0; b < NODES; b++) {
        if (a != b) {
          Node to = nodes[b];
          channels[a][b] =
              sim.channel(a, b, lookahead(a, b), (item, word) -> to.arrive((Long) item));
        }
      }
    }
    for (Node n : nodes) {
      n.post = (from, to, timeNs, item) -> channels[from][to].post(timeNs, item, 0);
      n.start();
    }
    sim.run(END_NS, threads);
    List<List<String>> logs = new ArrayList<>();
    for (Node n : nodes) {
      logs.add(n.log);
    }
    logs.add(List.of(sim.traceHex() + " over " + sim.eventsExecuted()));
    return logs;
  }

  /** The same model on one clock, items scheduled as ordinary events: the oracle. */
  private static List<List<String>> sequential() {
    RandomStreams streams = new RandomStreams(7, 0);
    Simulator sim = new Simulator();
    sim.trace();
    Node[] nodes = new Node[NODES];
    for (int n = 0; n < NODES; n++) {
      nodes[n] = new Node(n, sim, streams);
    }
    for (Node n : nodes) {
      n.post = (from, to, timeNs, item) -> sim.scheduleAt(timeNs, () -> nodes[to].arrive(item));
      n.start();
    }
    sim.run(END_NS);
    List<List<String>> logs = new ArrayList<>();
    for (Node n : nodes) {
      logs.add(n.log);
    }
    logs.add(List.of(sim.trace().hex() + " over " + sim.eventsExecuted()));
    return logs;
  }

  @Test
  void partitionsRunEveryEventAtTheTimeAndInTheOrderOfOneSequentialClock() {
    // Times are drawn from ranges of 10^5 ns and more, so equal times (where the two may order
    // differently by design) do not occur in this model: each node must see exactly the sequence
    // the single clock gives it, which a partition running ahead of an arrival would break; and the
    // run's fingerprint (the last line) is the single clock's: the same events at the same times.
    List<List<String>> oracle = sequential();
    assertThat(oracle.stream().mapToInt(List::size).sum()).isGreaterThan(2_000);
    assertThat(oracle.stream().flatMap(List::stream).filter(l -> l.contains("got")).count())
        .isGreaterThan(500);
    assertThat(partitioned(1)).isEqualTo(oracle);
  }

  @Test
  void theRunIsTheSameForEveryThreadCountAndEveryRepetition() {
    List<List<String>> one = partitioned(1);
    for (int repeat = 0; repeat < 5; repeat++) {
      assertThat(partitioned(2)).isEqualTo(one);
      assertThat(partitioned(4)).isEqualTo(one);
    }
  }

  @Test
  void anArrivalRunsBeforeLocalEventsAtTheSameInstant() {
    PartitionedSimulator sim = new PartitionedSimulator(2);
    List<String> log = new ArrayList<>();
    Channel c = sim.channel(0, 1, 1_000, (item, word) -> log.add("arrival " + item));
    sim.partition(0).scheduleAt(0, () -> c.post(5_000, "x", 0));
    sim.partition(1).scheduleAt(5_000, () -> log.add("local"));
    sim.partition(1)
        .scheduleAt(4_000, () -> sim.partition(1).scheduleAt(5_000, () -> log.add("late local")));

    sim.run(10_000, 2);

    assertThat(log).containsExactly("arrival x", "local", "late local");
    assertThat(sim.eventsExecuted()).isEqualTo(5);
  }

  @Test
  void aSendThatBreaksItsLookaheadIsCaughtNotRunInThePast() {
    PartitionedSimulator sim = new PartitionedSimulator(2);
    Channel c = sim.channel(0, 1, 1_000, (item, word) -> {});
    sim.channel(1, 0, 1_000, (item, word) -> {});
    // Partition 1 runs up to 4 us while partition 0 is at 3 us, trusting the 1 us lookahead.
    sim.partition(0).scheduleAt(3_000, () -> c.post(3_100, "too soon", 0));
    sim.partition(1).scheduleAt(3_500, () -> {});

    assertThatThrownBy(() -> sim.run(10_000, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lookahead was broken");
  }

  @Test
  void oneThreadAndSeveralReachTheEndWithEveryClockThere() {
    PartitionedSimulator sim = new PartitionedSimulator(3);
    sim.channel(0, 1, 500, (item, word) -> {});
    sim.channel(1, 2, 700, (item, word) -> {});
    sim.channel(2, 0, 900, (item, word) -> {});
    sim.partition(2).scheduleAt(9_999, () -> {});

    sim.run(10_000, 3);

    for (int p = 0; p < 3; p++) {
      assertThat(sim.partition(p).nowNs()).as("partition %d's clock", p).isEqualTo(10_000);
    }
    assertThat(sim.eventsExecuted()).isEqualTo(1);
    assertThat(sim.profile().partitions()).hasSize(3);
  }

  @Test
  void aSinglePartitionIsThePlainSimulator() {
    Simulator only = new Simulator();
    PartitionedSimulator sim = PartitionedSimulator.of(only);
    only.trace();
    only.scheduleAt(42, () -> {});

    sim.run(100, 4);

    assertThat(only.eventsExecuted()).isEqualTo(1);
    assertThat(sim.traceHex()).isEqualTo(only.trace().hex());
  }

  @Test
  void aStopAskedForBetweenStepsEndsTheRunEarlyAndSaysSo() {
    PartitionedSimulator sim = new PartitionedSimulator(2);
    sim.channel(0, 1, 1_000, (item, word) -> {});
    sim.channel(1, 0, 1_000, (item, word) -> {});
    long[] asked = {0};

    boolean complete = sim.run(1_000_000_000, 2, () -> ++asked[0] > 10);

    assertThat(complete).isFalse();
    assertThat(
            sim.profile().partitions().stream()
                .mapToLong(PartitionedSimulator.PartitionProfile::steps)
                .sum())
        .isLessThan(20);
    assertThat(new PartitionedSimulator(2).run(5_000, 2, () -> false)).isTrue();
  }

  @Test
  void aFailingEventOnAnyThreadEndsTheRunWithItsOwnException() {
    for (int threads : new int[] {1, 3}) {
      PartitionedSimulator sim = new PartitionedSimulator(3);
      sim.channel(0, 1, 500, (item, word) -> {});
      sim.channel(1, 2, 500, (item, word) -> {});
      sim.channel(2, 0, 500, (item, word) -> {});
      for (int p = 0; p < 3; p++) {
        Simulator clock = sim.partition(p);
        for (long t = 0; t < 10_000; t += 100) {
          clock.scheduleAt(t, () -> {});
        }
      }
      sim.partition(2)
          .scheduleAt(
              5_000,
              () -> {
                throw new ArithmeticException("a model bug");
              });

      assertThatThrownBy(() -> sim.run(1_000_000, threads))
          .as("on %d threads", threads)
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("a model bug");
    }
  }
}
