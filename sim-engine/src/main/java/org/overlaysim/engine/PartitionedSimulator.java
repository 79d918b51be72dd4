package org.overlaysim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One simulation cut into partitions that run on several threads with conservative synchronization
 * (Chandy-Misra-Bryant, with the lookaheads known up front instead of null messages). Each
 * partition has its own {@link Simulator}; partitions meet only through {@link Channel}s, whose
 * items arrive at least a lookahead after they were sent. A partition may therefore run every event
 * earlier than its <em>safe time</em>: the least, over the channels into it, of how far the sender
 * has run plus the channel's lookahead. Nothing it has not seen yet can arrive before that.
 *
 * <p>The result does not depend on the number of threads, nor on how they interleave: a partition
 * runs its own events in its own order, and takes in channel items only by arrival time and then
 * channel order ({@link Inbox}), never by when a sender happened to publish them. One thread and
 * four give byte-identical runs. With a single partition this is a plain {@link Simulator}.
 *
 * <p>Threads pick the runnable partition that is furthest behind, run it up to its safe time (one
 * <em>step</em>), publish what it sent and record how far it got; the lock that guards this
 * bookkeeping also orders a sender's writes before the receiver's reads.
 */
public final class PartitionedSimulator {
  private final Simulator[] partitions;
  private final List<Channel> channels = new ArrayList<>();
  private Inbox[] inboxes;
  private List<List<Channel>> outgoing;
  private List<List<Channel>> incoming;

  // Every event earlier than doneNs[p] has run in partition p.
  private long[] doneNs;
  private boolean[] busy;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Set once: a partition threw, or the caller's stop was seen. The run is not to be continued.
  private boolean failed;
  private boolean stopped;

  // Profile (wall clock only for --profile, never for the model).
  private final long[] steps;
  private final long[] busyWallNs;
  private long idleWallNs;
  private int threadsUsed = 1;

  /** {@code count} partitions, each on a fresh {@link Simulator} with the default queue. */
  public PartitionedSimulator(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one partition, got " + count);
    }
    partitions = new Simulator[count];
    for (int p = 0; p < count; p++) {
      partitions[p] = new Simulator();
    }
    steps = new long[count];
    busyWallNs = new long[count];
  }

  /** A single partition on {@code simulator}: the sequential case, as it always was. */
  public static PartitionedSimulator of(Simulator simulator) {
    return new PartitionedSimulator(simulator);
  }

  private PartitionedSimulator(Simulator only) {
    partitions = new Simulator[] {only};
    steps = new long[1];
    busyWallNs = new long[1];
  }

  public int partitions() {
    return partitions.length;
  }

  public Simulator partition(int p) {
    return partitions[p];
  }

  /**
   * A channel from partition {@code from} to {@code to} whose items arrive at least {@code
   * lookaheadNs} (> 0) after they are sent, handed to {@code receiver} on arrival. Make every
   * channel before the first {@link #run}; channels made earlier win ties of arrival time.
   */
  public Channel channel(int from, int to, long lookaheadNs, ChannelReceiver receiver) {
    return channel(from, to, lookaheadNs, receiver, true);
  }

  /**
   * A channel as {@link #channel(int, int, long, ChannelReceiver)}, whose arrivals are counted and
   * fingerprinted as events only if {@code countsAsEvent}: false for items that stand for a call
   * within another event of a sequential run, so that both count the same events.
   */
  public Channel channel(
      int from, int to, long lookaheadNs, ChannelReceiver receiver, boolean countsAsEvent) {
    if (inboxes != null) {
      throw new IllegalStateException("channels must be made before the run starts");
    }
    if (from == to || from < 0 || to < 0 || from >= partitions.length || to >= partitions.length) {
      throw new IllegalArgumentException("a channel joins two partitions: " + from + "->" + to);
    }
    if (lookaheadNs <= 0) {
      throw new IllegalArgumentException("a channel needs a positive lookahead: " + lookaheadNs);
    }
    Channel c = new Channel(from, to, lookaheadNs, receiver, countsAsEvent);
    channels.add(c);
    return c;
  }

  private void wire() {
    int n = partitions.length;
    outgoing = new ArrayList<>();
    incoming = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      outgoing.add(new ArrayList<>());
      incoming.add(new ArrayList<>());
    }
    for (Channel c : channels) {
      outgoing.get(c.from()).add(c);
      incoming.get(c.to()).add(c);
    }
    inboxes = new Inbox[n];
    for (int p = 0; p < n; p++) {
      if (!incoming.get(p).isEmpty()) {
        inboxes[p] = new Inbox(incoming.get(p));
        partitions[p].inbox(inboxes[p]);
      }
    }
    doneNs = new long[n];
    busy = new boolean[n];
  }

  /**
   * Runs every partition through {@code untilNs} (inclusive, as {@link Simulator#run(long)}) on up
   * to {@code threads} threads, the calling one among them.
   */
  public void run(long untilNs, int threads) {
    run(untilNs, threads, () -> false);
  }

  /**
   * As {@link #run(long, int)}, giving up soon after {@code stop} turns true (it is asked between
   * steps): returns whether every partition reached {@code untilNs}. A run given up is not to be
   * continued.
   */
  public boolean run(long untilNs, int threads, BooleanSupplier stop) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    if (partitions.length == 1) {
      long start = System.nanoTime();
      partitions[0].run(untilNs);
      steps[0]++;
      busyWallNs[0] += System.nanoTime() - start;
      return true;
    }
    if (inboxes == null) {
      wire();
    }
    long target = untilNs == Long.MAX_VALUE ? Long.MAX_VALUE : untilNs + 1;
    int workers = Math.min(threads, partitions.length);
    threadsUsed = Math.max(threadsUsed, workers);
    List<Thread> helpers = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    for (int w = 1; w < workers; w++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  work(target, stop);
                } catch (RuntimeException | Error e) {
                  fail(failure, e);
                }
              },
              "partition-worker-" + w);
      t.setDaemon(true);
      t.start();
      helpers.add(t);
    }
    try {
      work(target, stop);
    } catch (RuntimeException | Error e) {
      fail(failure, e);
    }
    for (Thread t : helpers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while partitions ran", e);
      }
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e; // the model's own exception, as a sequential run would throw it
    }
    if (failure[0] instanceof Error e) {
      throw e; // e.g. OutOfMemoryError, unwrapped
    }
    if (stopped) {
      return false;
    }
    // Every partition ran everything up to the end: each clock is at the end, as a single
    // simulator's is when it has events left (one that ran dry may have stopped earlier).
    if (untilNs != Long.MAX_VALUE) {
      for (Simulator p : partitions) {
        p.advanceTo(untilNs);
      }
    }
    return true;
  }

  private void fail(Throwable[] failure, Throwable e) {
    lock.lock();
    try {
      if (failure[0] == null) {
        failure[0] = e;
      }
      failed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** One thread's loop: step runnable partitions until all reached the target. */
  private void work(long target, BooleanSupplier stop) {
    lock.lock();
    try {
      while (!failed && !stopped) {
        if (stop.getAsBoolean()) {
          stopped = true;
          changed.signalAll();
          return;
        }
        int chosen = -1;
        long chosenSafe = 0;
        boolean allDone = true;
        for (int p = 0; p < partitions.length; p++) {
          if (doneNs[p] < target) {
            allDone = false;
          }
          if (busy[p] || doneNs[p] >= target) {
            continue;
          }
          long safe = safeNs(p, target);
          if (safe > doneNs[p] && (chosen < 0 || doneNs[p] < doneNs[chosen])) {
            chosen = p;
            chosenSafe = safe;
          }
        }
        if (allDone) {
          changed.signalAll();
          return;
        }
        if (chosen < 0) {
          long idleFrom = System.nanoTime();
          changed.awaitUninterruptibly();
          idleWallNs += System.nanoTime() - idleFrom;
          continue;
        }
        busy[chosen] = true;
        if (inboxes[chosen] != null) {
          inboxes[chosen].snapshot();
        }
        lock.unlock();
        long start = System.nanoTime();
        try {
          partitions[chosen].run(chosenSafe - 1);
        } finally {
          long spent = System.nanoTime() - start;
          lock.lock();
          busyWallNs[chosen] += spent;
          steps[chosen]++;
          for (Channel c : outgoing.get(chosen)) {
            c.publish();
          }
          doneNs[chosen] = chosenSafe;
          busy[chosen] = false;
          changed.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** How far partition {@code p} may run: nothing can arrive before this. */
  private long safeNs(int p, long target) {
    long safe = target;
    for (Channel c : incoming.get(p)) {
      long done = doneNs[c.from()];
      long bound =
          done >= Long.MAX_VALUE - c.lookaheadNs() ? Long.MAX_VALUE : done + c.lookaheadNs();
      safe = Math.min(safe, bound);
    }
    return safe;
  }

  /** Events executed over all partitions. */
  public long eventsExecuted() {
    long sum = 0;
    for (Simulator s : partitions) {
      sum += s.eventsExecuted();
    }
    return sum;
  }

  /**
   * Starts fingerprinting every partition (see {@link EventTrace}); {@link #traceHex()} reads it.
   */
  public void trace() {
    for (Simulator s : partitions) {
      s.trace();
    }
  }

  /**
   * The run's event fingerprint: the partitions' fingerprints added up, which is the fingerprint
   * the same events would have on one clock ({@link EventTrace}).
   */
  public String traceHex() {
    if (partitions.length == 1) {
      return partitions[0].trace().hex();
    }
    EventTrace combined = new EventTrace();
    for (Simulator s : partitions) {
      combined.add(s.trace());
    }
    return combined.hex();
  }

  /** What each partition did and how the threads spent their time, for {@code --profile}. */
  public Profile profile() {
    List<PartitionProfile> rows = new ArrayList<>();
    for (int p = 0; p < partitions.length; p++) {
      rows.add(
          new PartitionProfile(p, steps[p], partitions[p].eventsExecuted(), busyWallNs[p] / 1e9));
    }
    return new Profile(threadsUsed, rows, idleWallNs / 1e9);
  }

  /** One partition's share of a run. */
  public record PartitionProfile(int partition, long steps, long events, double busySeconds) {}

  /** The partitions' shares and the threads' total idle time (waiting for a runnable partition). */
  public record Profile(int threads, List<PartitionProfile> partitions, double idleSeconds) {}
}
