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
import org.overlaysim.engine.queue.CalendarEventQueue;
import org.overlaysim.engine.queue.HeapEventQueue;
import org.overlaysim.engine.queue.LadderEventQueue;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;

/**
 * The classic hold model (Jones, "An empirical comparison of priority-queue and event-set
 * implementations", CACM 1986): {@code pending} events are queued; each event, when it fires,
 * schedules one more at now + Exp(mean 1 ms). The pending set stays at its size, so the score is
 * the cost of one remove-first plus one insert at that size.
 *
 * <p>Every engine draws its delays from the same generator ({@link RandomStream#exponential}),
 * truncated to whole nanoseconds, so the ratios between engines compare their event queues. A score
 * is events per second (throughput mode, one operation per event).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoldModelBenchmark {
  static final int EVENTS_PER_INVOCATION = 100_000;
  static final double MEAN_DELAY_NS = 1_000_000; // 1 ms

  static RandomStream delays() {
    return new RandomStreams(2026, 0).stream("hold-model");
  }

  /** Our engine on a given event queue; one handler object serves every pending event. */
  @State(Scope.Thread)
  public abstract static class OverlaysimState implements EventHandler {
    @Param({"1000", "100000", "1000000"})
    int pending;

    Simulator sim;
    private RandomStream delays;
    private int remaining;

    abstract EventQueue newQueue();

    @Setup
    public void setUp() {
      sim = new Simulator(newQueue());
      delays = delays();
      for (int i = 0; i < pending; i++) {
        sim.schedule((long) delays.exponential(MEAN_DELAY_NS), this);
      }
    }

    @Override
    public void handle() {
      sim.schedule((long) delays.exponential(MEAN_DELAY_NS), this);
      if (--remaining == 0) {
        sim.stop();
      }
    }

    long runInvocation() {
      remaining = EVENTS_PER_INVOCATION;
      sim.run();
      return sim.nowNs();
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

  /** {@link LadderEventQueue}: the Simulator's default. */
  @State(Scope.Thread)
  public static class LadderState extends OverlaysimState {
    @Override
    EventQueue newQueue() {
      return new LadderEventQueue();
    }
  }

  /** {@link CalendarEventQueue}: Brown's calendar queue with an adaptive bucket width. */
  @State(Scope.Thread)
  public static class CalendarState extends OverlaysimState {
    @Override
    EventQueue newQueue() {
      return new CalendarEventQueue();
    }
  }

  /** The baseline engine on {@link java.util.PriorityQueue}. */
  @State(Scope.Thread)
  public static class PriorityQueueState implements EventHandler {
    @Param({"1000", "100000", "1000000"})
    int pending;

    PriorityQueueEngine engine;
    private RandomStream delays;
    private int remaining;

    @Setup
    public void setUp() {
      engine = new PriorityQueueEngine();
      delays = delays();
      for (int i = 0; i < pending; i++) {
        engine.schedule((long) delays.exponential(MEAN_DELAY_NS), this);
      }
    }

    @Override
    public void handle() {
      engine.schedule((long) delays.exponential(MEAN_DELAY_NS), this);
      if (--remaining == 0) {
        engine.stop();
      }
    }

    long runInvocation() {
      remaining = EVENTS_PER_INVOCATION;
      engine.run();
      return engine.nowNs();
    }
  }

  /**
   * SSJ's {@code umontreal.ssj.simevents.Simulator}: one {@link Event} object per pending event,
   * each rescheduling itself when it fires (SSJ's idiom; no allocation per event).
   */
  @State(Scope.Thread)
  public abstract static class SsjState {
    @Param({"1000", "100000", "1000000"})
    int pending;

    umontreal.ssj.simevents.Simulator sim;
    private RandomStream delays;
    private int remaining;

    abstract EventList newEventList();

    @Setup
    public void setUp() {
      EventList list = newEventList();
      sim =
          list == null
              ? new umontreal.ssj.simevents.Simulator()
              : new umontreal.ssj.simevents.Simulator(list);
      sim.init();
      delays = delays();
      for (int i = 0; i < pending; i++) {
        new HoldEvent(this).schedule((long) delays.exponential(MEAN_DELAY_NS));
      }
    }

    private static final class HoldEvent extends Event {
      private final SsjState state;

      HoldEvent(SsjState state) {
        super(state.sim);
        this.state = state;
      }

      @Override
      public void actions() {
        schedule((long) state.delays.exponential(MEAN_DELAY_NS));
        if (--state.remaining == 0) {
          state.sim.stop();
        }
      }
    }

    double runInvocation() {
      remaining = EVENTS_PER_INVOCATION;
      sim.start();
      return sim.time();
    }
  }

  /** SSJ's default event list (a splay tree). */
  @State(Scope.Thread)
  public static class SsjDefaultState extends SsjState {
    @Override
    EventList newEventList() {
      return null;
    }
  }

  /** SSJ's binary search tree event list. */
  @State(Scope.Thread)
  public static class SsjBinaryTreeState extends SsjState {
    @Override
    EventList newEventList() {
      return new BinaryTree();
    }
  }

  /** SSJ's Henriksen event list (an indexed linked list). */
  @State(Scope.Thread)
  public static class SsjHenriksenState extends SsjState {
    @Override
    EventList newEventList() {
      return new Henriksen();
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public long overlaysimLadder(LadderState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public long overlaysimHeap(HeapState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public long overlaysimCalendar(CalendarState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public long baselinePriorityQueue(PriorityQueueState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public double ssjDefaultSplayTree(SsjDefaultState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public double ssjBinaryTree(SsjBinaryTreeState state) {
    return state.runInvocation();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_INVOCATION)
  public double ssjHenriksen(SsjHenriksenState state) {
    return state.runInvocation();
  }
}
