package org.overlaysim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.EventQueue;
import org.overlaysim.engine.RandomStream;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.engine.queue.HeapEventQueue;
import org.overlaysim.engine.queue.LadderEventQueue;

/**
 * The hold model with the skew of a network simulation: of the {@code pending} events, one in ten
 * is a packet in flight that reschedules itself at now + Exp(mean 10 µs) (link arrivals), nine in
 * ten are timers that reschedule themselves at now + U(200 ms, 1 s) (TCP retransmission timers,
 * request arrivals). Almost every event executed is a packet; the timers decide how wide a bucket
 * sized from the whole pending set is, and the packets then crowd into the nearest one.
 *
 * <p>Why fixed classes rather than drawing each delay from the 90/10 mixture: with a mixture an
 * event stays near for only ~10 hops (100 µs) per 600 ms far, so only ~1/6000 of the pending set is
 * near and no queue sees any skew. In the k8s-max scenario thousands of packets are in flight at
 * once next to the timers; fixed classes reproduce that.
 *
 * <p>Every engine draws the same delays from the same stream; a score is events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SkewedHoldModelBenchmark {
  static final int EVENTS_PER_INVOCATION = 100_000;
  static final double PACKET_MEAN_NS = 10_000; // 10 µs
  static final double TIMER_LOW_NS = 200_000_000; // 200 ms
  static final double TIMER_HIGH_NS = 1_000_000_000; // 1 s
  static final int PACKET_EVERY = 10; // one pending event in ten is a packet

  static RandomStream delays() {
    return new RandomStreams(2026, 0).stream("skewed-hold-model");
  }

  /** Schedules events; implemented by our Simulator and by the PriorityQueue baseline. */
  interface Scheduler {
    void schedule(long delayNs, EventHandler handler);

    void stop();
  }

  /** The two classes of pending events, one handler object each (no allocation per event). */
  @State(Scope.Thread)
  public abstract static class SkewedState {
    @Param({"10000", "100000", "1000000"})
    int pending;

    private RandomStream delays;
    private int remaining;
    private Scheduler scheduler;

    private final EventHandler packet =
        new EventHandler() {
          @Override
          public void handle() {
            scheduler.schedule(packetDelay(), this);
            countDown();
          }
        };

    private final EventHandler timer =
        new EventHandler() {
          @Override
          public void handle() {
            scheduler.schedule(timerDelay(), this);
            countDown();
          }
        };

    abstract Scheduler newScheduler();

    abstract void run();

    @Setup
    public void setUp() {
      scheduler = newScheduler();
      delays = delays();
      for (int i = 0; i < pending; i++) {
        if (i % PACKET_EVERY == 0) {
          scheduler.schedule(packetDelay(), packet);
        } else {
          scheduler.schedule(timerDelay(), timer);
        }
      }
    }

    private long packetDelay() {
      return (long) delays.exponential(PACKET_MEAN_NS);
    }

    private long timerDelay() {
      return (long) delays.uniform(TIMER_LOW_NS, TIMER_HIGH_NS);
    }

    private void countDown() {
      if (--remaining == 0) {
        scheduler.stop();
      }
    }

    int runInvocation() {
      remaining = EVENTS_PER_INVOCATION;
      run();
      return remaining;
    }
  }

  /** Our Simulator on a given event queue. */
  public abstract static class OverlaysimState extends SkewedState {
    Simulator sim;

    abstract EventQueue newQueue();

    @Override
    Scheduler newScheduler() {
      sim = new Simulator(newQueue());
      return new Scheduler() {
        @Override
        public void schedule(long delayNs, EventHandler handler) {
          sim.schedule(delayNs, handler);
        }

        @Override
        public void stop() {
          sim.stop();
        }
      };
    }

    @Override
    void run() {
      sim.run();
    }
  }

  /** {@link LadderEventQueue}: the Simulator's default. */
  @State(Scope.Thread)
  public static class LadderState extends OverlaysimState {
    @Override
    EventQueue newQueue() {
      return new LadderEventQueue();
    }
  }

  /** {@link HeapEventQueue}: the 4-ary primitive heap. */
  @State(Scope.Thread)
  public static class HeapState extends OverlaysimState {
    @Override
    EventQueue newQueue() {
      return new HeapEventQueue();
    }
  }

  /** The baseline engine on {@link java.util.PriorityQueue}. */
  @State(Scope.Thread)
  public static class PriorityQueueState extends SkewedState {
    PriorityQueueEngine engine;

    @Override
    Scheduler newScheduler() {
      engine = new PriorityQueueEngine();
      return new Scheduler() {
        @Override
        public void schedule(long delayNs, EventHandler handler) {
          engine.schedule(delayNs, handler);
        }

        @Override
        public void stop() {
          engine.stop();
        }
      };
    }

    @Override
    void run() {
      engine.run();
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public int overlaysimLadder(LadderState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public int overlaysimHeap(HeapState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public int baselinePriorityQueue(PriorityQueueState state) {
    return state.runInvocation();
  }
}
