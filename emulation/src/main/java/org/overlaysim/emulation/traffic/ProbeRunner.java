package org.overlaysim.emulation.traffic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.overlaysim.emulation.EmulationSettings;
import org.overlaysim.emulation.ProbeObservation;
import org.overlaysim.emulation.kernel.CommandResult;
import org.overlaysim.emulation.kernel.CommandRunner;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.emulation.probe.ProbeClient;
import org.overlaysim.emulation.probe.ProbeServer;
import org.overlaysim.emulation.probe.ProbeTarget;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.overlay.policy.Reachability;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;

/**
 * Runs reachability probes for real: a {@link ProbeServer} in every container listening on every
 * probed port, then per source container one {@link ProbeClient} trying all its pairs at once. The
 * pairs (sampled ones too) are those the simulator probes, drawn from the same random stream.
 */
public final class ProbeRunner implements AutoCloseable {
  private static final long SERVER_START_MS = 60_000;

  private final CommandRunner runner;
  private final Run run;
  private final Names names;
  private final EmulationSettings settings;
  private final List<Process> servers = new ArrayList<>();
  private final Scenario emulated;
  private final Map<String, Integer> emulatedIndex = new LinkedHashMap<>();

  public ProbeRunner(CommandRunner runner, Run run, Names names, EmulationSettings settings) {
    this(runner, run, names, settings, run.scenario());
  }

  /**
   * Pairs drawn from {@code run}'s whole scenario (as the simulator draws them), probed among the
   * containers of {@code emulated} (the part the kernel builds; a pair with an end outside it is
   * not probed).
   */
  public ProbeRunner(
      CommandRunner runner, Run run, Names names, EmulationSettings settings, Scenario emulated) {
    this.runner = runner;
    this.run = run;
    this.names = names;
    this.settings = settings;
    this.emulated = emulated;
    for (int c = 0; c < emulated.containers().size(); c++) {
      emulatedIndex.put(emulated.containers().get(c).name(), c);
    }
  }

  public List<ProbeObservation> run(List<ProbeTraffic> probes)
      throws IOException, InterruptedException {
    if (probes.isEmpty()) {
      return List.of();
    }
    startServers(probes);
    List<ProbeObservation> observations = new ArrayList<>();
    for (ProbeTraffic probe : probes) {
      Thread.sleep(Math.min(probe.startNs() / 1_000_000, 1_000));
      observations.addAll(probe(probe));
    }
    return observations;
  }

  private void startServers(List<ProbeTraffic> probes) throws IOException, InterruptedException {
    Set<String> ports = new LinkedHashSet<>();
    for (ProbeTraffic probe : probes) {
      for (ProbePort port : probe.ports()) {
        ports.add(port(port).toString());
      }
    }
    List<Container> containers = emulated.containers();
    List<CompletableFuture<String>> ready = new ArrayList<>();
    for (int c = 0; c < containers.size(); c++) {
      List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", names.container(c)));
      argv.addAll(settings.javaCommand());
      argv.addAll(List.of("-cp", settings.probeClasspath(), ProbeServer.class.getName()));
      argv.add(containers.get(c).name());
      argv.addAll(ports);
      Process server = runner.start(argv);
      servers.add(server);
      ready.add(firstLine(server));
    }
    long deadline = System.nanoTime() + SERVER_START_MS * 1_000_000;
    for (int c = 0; c < ready.size(); c++) {
      try {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        String line = ready.get(c).get(left, TimeUnit.MILLISECONDS);
        if (!"READY".equals(line)) {
          throw new IOException(
              "probe server in " + containers.get(c).name() + " did not start: " + line);
        }
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException(
            "probe server in " + containers.get(c).name() + " did not start: " + e, e);
      }
    }
  }

  private static CompletableFuture<String> firstLine(Process process) {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String first = in.readLine();
                line.complete(first == null ? readAll(process) : first);
              } catch (IOException e) {
                line.completeExceptionally(e);
              }
            },
            "probe-server-ready");
    reader.setDaemon(true);
    reader.start();
    return line;
  }

  private static String readAll(Process process) throws IOException {
    return "exited: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private List<ProbeObservation> probe(ProbeTraffic probe)
      throws IOException, InterruptedException {
    Reachability reachability = new Reachability(run.scenario());
    RandomStreams streams = new RandomStreams(run.seed(), run.replication());
    List<Container> containers = run.scenario().containers();
    Map<Integer, List<ProbeTarget>> bySource = new LinkedHashMap<>();
    List<int[]> pairs = new ArrayList<>();
    List<ProbePort> pairPorts = new ArrayList<>();
    reachability.probe(
        probe,
        streams.stream(Reachability.streamName(probe)),
        (src, dst, port, verdict) -> {
          Integer source = emulatedIndex.get(containers.get(src).name());
          if (source == null || !emulatedIndex.containsKey(containers.get(dst).name())) {
            return;
          }
          int id = pairs.size();
          pairs.add(new int[] {src, dst});
          pairPorts.add(port);
          Container to = containers.get(dst);
          bySource
              .computeIfAbsent(source, k -> new ArrayList<>())
              .add(new ProbeTarget(id, port(port), to.ip().toString(), to.name()));
        });
    long timeoutMs =
        Math.max(100, Math.min(settings.probeTimeoutCapMs(), probe.timeoutNs() / 1_000_000));
    Map<Integer, CompletableFuture<CommandResult>> clients = new LinkedHashMap<>();
    for (Map.Entry<Integer, List<ProbeTarget>> entry : bySource.entrySet()) {
      List<String> argv =
          new ArrayList<>(List.of("ip", "netns", "exec", names.container(entry.getKey())));
      argv.addAll(settings.javaCommand());
      argv.addAll(List.of("-cp", settings.probeClasspath(), ProbeClient.class.getName()));
      argv.add(Long.toString(timeoutMs));
      argv.add(Integer.toString(Reachability.PROBE_SOURCE_PORT));
      entry.getValue().forEach(t -> argv.add(t.toString()));
      clients.put(
          entry.getKey(),
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return runner.run(argv, "", 120_000);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              },
              command -> {
                Thread thread = new Thread(command, "probe-client");
                thread.setDaemon(true);
                thread.start();
              }));
    }
    String[] details = new String[pairs.size()];
    for (Map.Entry<Integer, CompletableFuture<CommandResult>> client : clients.entrySet()) {
      CommandResult result;
      try {
        result = client.getValue().get();
      } catch (ExecutionException e) {
        throw new IOException("probe client failed: " + e.getCause(), e.getCause());
      }
      if (!result.succeeded()) {
        throw new IOException("probe client failed: " + result.describe());
      }
      for (String line : result.stdout().split("\n")) {
        String[] fields = line.strip().split(" ");
        if (fields.length == 4 && fields[0].matches("[0-9]+")) {
          details[Integer.parseInt(fields[0])] = fields[2];
        }
      }
    }
    List<ProbeObservation> observations = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      String detail = details[i] == null ? "no-result" : details[i];
      ProbePort port = pairPorts.get(i);
      observations.add(
          new ProbeObservation(
              containers.get(pairs.get(i)[0]).name(),
              containers.get(pairs.get(i)[1]).name(),
              port.protocol(),
              port.port(),
              detail.equals("reply"),
              detail));
    }
    return observations;
  }

  private static ProbeTarget.Port port(ProbePort port) {
    if (port.protocol() == Protocol.SCTP) {
      throw new IllegalArgumentException("SCTP probes are not emulated");
    }
    return new ProbeTarget.Port(port.protocol() == Protocol.TCP, port.port());
  }

  /** Closes the servers' input (they exit on it) and ends any that lingers. */
  @Override
  public void close() {
    stop(servers);
  }

  /**
   * Closes the input of programs that exit on it (probe servers, tcp receivers), ends any that
   * lingers past two seconds, and forgets them.
   */
  static void stop(List<Process> processes) {
    for (Process process : processes) {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // Already gone.
      }
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
  }
}
