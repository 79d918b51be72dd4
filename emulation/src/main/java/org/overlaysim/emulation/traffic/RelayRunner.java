package org.overlaysim.emulation.traffic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.overlaysim.emulation.EmulationSettings;
import org.overlaysim.emulation.kernel.CommandRunner;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.emulation.plan.DelayRelayPlan;
import org.overlaysim.emulation.relay.DelayRelay;

/**
 * Starts a {@link DelayRelay} in the namespace of every host that relays (as the probe servers are
 * started: {@code ip netns exec NS java ...}), waits for each to be ready, and stops them, asking
 * each first how late it sent. The relays exit when their input closes; the teardown ends any
 * process left in a namespace of ours, so none outlives the run, whatever ends it.
 */
public final class RelayRunner implements AutoCloseable {
  private static final long START_MS = 60_000;

  private final CommandRunner runner;
  private final Names names;
  private final EmulationSettings settings;
  private final List<Process> relays = new ArrayList<>();
  private final List<BufferedReader> outputs = new ArrayList<>();
  private final List<String> hostNames = new ArrayList<>();

  public RelayRunner(CommandRunner runner, Names names, EmulationSettings settings) {
    this.runner = runner;
    this.names = names;
    this.settings = settings;
  }

  /** The argument list of one host's relay. */
  public List<String> argv(DelayRelayPlan.HostRelay relay, long seed) {
    // A higher priority than the builds and tests that may share the machine: a relay that waits
    // for a core sends late.
    List<String> argv =
        new ArrayList<>(
            List.of("ip", "netns", "exec", names.host(relay.host()), "nice", "-n", "-10"));
    argv.addAll(settings.javaCommand());
    argv.addAll(List.of("-cp", settings.probeClasspath(), DelayRelay.class.getName()));
    argv.add(relay.bindIp());
    argv.add(Integer.toString(relay.sendPort()));
    argv.add(Long.toString(seed + relay.host()));
    relay.routes().forEach(r -> argv.add(r.argument()));
    return argv;
  }

  /** Starts every relay of the plan and waits until all are bound. */
  public void start(DelayRelayPlan plan, List<String> hosts, long seed)
      throws IOException, InterruptedException {
    List<CompletableFuture<String>> ready = new ArrayList<>();
    for (DelayRelayPlan.HostRelay relay : plan.relays()) {
      Process process = runner.start(argv(relay, seed));
      relays.add(process);
      hostNames.add(hosts.get(relay.host()));
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      outputs.add(out);
      ready.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  String line = out.readLine();
                  return line != null
                      ? line
                      : "exited: "
                          + new String(
                              process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return "unreadable: " + e.getMessage();
                }
              }));
    }
    long deadline = System.nanoTime() + START_MS * 1_000_000;
    for (int i = 0; i < ready.size(); i++) {
      try {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        String line = ready.get(i).get(left, TimeUnit.MILLISECONDS);
        if (!"READY".equals(line)) {
          throw new IOException(
              "delay relay of host " + hostNames.get(i) + " did not start: " + line);
        }
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException(
            "delay relay of host " + hostNames.get(i) + " did not start: " + e, e);
      }
    }
  }

  /** Per host: its relay's statistics line (relayed datagrams, lateness), asked for now. */
  public Map<String, String> statistics() {
    Map<String, String> stats = new LinkedHashMap<>();
    for (int i = 0; i < relays.size(); i++) {
      try {
        OutputStream in = relays.get(i).getOutputStream();
        in.write("STATS\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(readLine(outputs.get(i)));
        String answer = line.get(5, TimeUnit.SECONDS);
        if (answer != null && answer.startsWith("STATS ")) {
          stats.put(hostNames.get(i), answer.substring(6));
        }
      } catch (IOException | ExecutionException | TimeoutException e) {
        stats.put(hostNames.get(i), "no statistics: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return stats;
  }

  private static java.util.function.Supplier<String> readLine(BufferedReader reader) {
    return () -> {
      try {
        return reader.readLine();
      } catch (IOException e) {
        return null;
      }
    };
  }

  public int count() {
    return relays.size();
  }

  @Override
  public void close() {
    ProbeRunner.stop(relays);
  }
}
