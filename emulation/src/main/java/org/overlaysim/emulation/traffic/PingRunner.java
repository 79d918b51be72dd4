package org.overlaysim.emulation.traffic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.overlaysim.emulation.PingResult;
import org.overlaysim.emulation.kernel.CommandResult;
import org.overlaysim.emulation.kernel.CommandRunner;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.overlay.traffic.EndpointPairing;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.Scenario;

/**
 * Runs a scenario's ping flows with iputils ping inside the source containers' namespaces, one
 * process per endpoint pair (paired as the simulator pairs them), every flow at once, each after
 * its start offset.
 */
public final class PingRunner {
  private final CommandRunner runner;
  private final Scenario scenario;
  private final Names names;

  public PingRunner(CommandRunner runner, Scenario scenario, Names names) {
    this.runner = runner;
    this.scenario = scenario;
    this.names = names;
  }

  /** The argument list of one ping process; the destination is a container's own address. */
  public List<String> argv(PingTraffic ping, int source, int destination) {
    long count = ping.count();
    if (count == 0) {
      count = Math.max(1, (ping.stopNs() - ping.startNs()) / ping.intervalNs());
    }
    double intervalS = ping.intervalNs() / 1e9;
    return List.of(
        "ip",
        "netns",
        "exec",
        names.container(source),
        "ping",
        "-n",
        "-c",
        Long.toString(count),
        "-i",
        String.format(Locale.ROOT, "%.3f", Math.max(intervalS, 0.002)),
        "-s",
        Integer.toString(ping.size()),
        "-M",
        ping.df() ? "do" : "dont",
        // No -w: with a deadline ping keeps sending until it has count replies.
        "-W",
        "1",
        scenario.containers().get(destination).ip().toString());
  }

  /**
   * Runs every flow, each from {@code originNanos} (a {@link System#nanoTime()}, the traffic's time
   * origin) plus its start offset.
   */
  public List<PingResult> run(List<PingTraffic> pings, long originNanos)
      throws IOException, InterruptedException {
    List<Future<PingResult>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      for (PingTraffic ping : pings) {
        futures.add(pool.submit(() -> flow(ping, originNanos)));
      }
      List<PingResult> results = new ArrayList<>();
      for (Future<PingResult> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("ping failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private PingResult flow(PingTraffic ping, long originNanos)
      throws IOException, InterruptedException {
    long wait = originNanos + ping.startNs() - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    List<int[]> pairs =
        EndpointPairing.pairs(
            indexes(scenario, ping.from().containers()), indexes(scenario, ping.to().containers()));
    long transmitted = 0;
    long received = 0;
    long errors = 0;
    int localMtu = -1;
    int fragNeeded = -1;
    List<Long> rtts = new ArrayList<>();
    List<Long> lost = new ArrayList<>();
    List<Future<CommandResult>> processes = new ArrayList<>();
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      for (int[] pair : pairs) {
        List<String> argv = argv(ping, pair[0], pair[1]);
        long timeoutMs = ping.intervalNs() / 1_000_000 * Long.parseLong(argv.get(7)) + 10_000;
        processes.add(pool.submit(() -> runner.run(argv, "", timeoutMs)));
      }
      for (Future<CommandResult> process : processes) {
        CommandResult result = process.get();
        PingOutput output = PingOutput.parse(result.stdout() + "\n" + result.stderr());
        if (output.transmitted() == 0 && result.exitStatus() > 1) {
          throw new IOException("ping did not run: " + result.describe());
        }
        transmitted += output.transmitted();
        received += output.received();
        errors += output.errors();
        rtts.addAll(output.rttNs());
        lost.addAll(output.lostSeqs());
        localMtu = Math.max(localMtu, output.localMtu());
        fragNeeded = Math.max(fragNeeded, output.fragNeededMtu());
      }
    } catch (ExecutionException e) {
      throw new IOException("ping failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new PingResult(
        ping.name(),
        ping.from().ref(),
        ping.to().ref(),
        transmitted,
        received,
        errors,
        rtts,
        lost,
        localMtu,
        fragNeeded);
  }

  /** The scenario's indexes of the named containers; -1 for an unknown name. */
  static int[] indexes(Scenario scenario, List<String> containerNames) {
    int[] indexes = new int[containerNames.size()];
    List<Container> containers = scenario.containers();
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = -1;
      for (int c = 0; c < containers.size(); c++) {
        if (containers.get(c).name().equals(containerNames.get(i))) {
          indexes[i] = c;
          break;
        }
      }
    }
    return indexes;
  }
}
