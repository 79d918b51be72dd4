package org.overlaysim.emulation.traffic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.overlaysim.emulation.EmulationSettings;
import org.overlaysim.emulation.TcpResult;
import org.overlaysim.emulation.kernel.CommandResult;
import org.overlaysim.emulation.kernel.CommandRunner;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.emulation.plan.AddressPlan;
import org.overlaysim.emulation.probe.BulkReceiver;
import org.overlaysim.emulation.probe.BulkSender;
import org.overlaysim.overlay.traffic.EndpointPairing;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TcpTraffic;

/**
 * Runs a scenario's {@code tcp} bulk flows with the kernel's own TCP: a {@link BulkReceiver} in
 * each destination container per port, then per endpoint pair (paired as the simulator pairs them)
 * a {@link BulkSender} in the source container, each after its flow's start offset, all at once.
 * The sending namespaces get the flow's congestion control (CUBIC unless the flow says otherwise:
 * Linux's default, whatever the machine's own namespace uses).
 */
public final class TcpRunner implements AutoCloseable {

  /** IP (20) and TCP (20 + 12 of timestamps) header of every segment. */
  static final int SEGMENT_HEADERS = 52;

  /** Outer Ethernet header, FCS, preamble and inter-frame gap (the simulator's wire bytes). */
  static final int ETHERNET_WIRE = 14 + 4 + 8 + 12;

  private static final long START_MS = 60_000;

  private final CommandRunner runner;
  private final Scenario scenario;
  private final Names names;
  private final EmulationSettings settings;
  private final List<Process> receivers = new ArrayList<>();

  /** One receiving process: its output lines as they come. */
  private record Receiver(String name, Process process, BlockingQueue<String> lines) {}

  /** One connection of a flow. */
  private record Pair(int flow, int src, int dst) {}

  public TcpRunner(
      CommandRunner runner, Scenario scenario, Names names, EmulationSettings settings) {
    this.runner = runner;
    this.scenario = scenario;
    this.names = names;
    this.settings = settings;
  }

  /** The congestion control a flow asks for, as the kernel names it (cubic, reno). */
  public static String congestionControl(TcpTraffic tcp) {
    return tcp.congestionControl().yamlName();
  }

  /**
   * Pairs of containers between which flows of different congestion controls run: the emulation
   * sets it per route (source to destination), so such a scenario is refused (one line each).
   */
  public static List<String> congestionConflicts(Scenario scenario) {
    Map<String, String> byContainer = new LinkedHashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (var spec : scenario.traffic()) {
      if (spec instanceof TcpTraffic tcp) {
        String cc = congestionControl(tcp);
        for (String source : tcp.from().containers()) {
          for (String destination : tcp.to().containers()) {
            String before = byContainer.putIfAbsent(source + " to " + destination, cc);
            if (before != null && !before.equals(cc)) {
              conflicts.add(
                  "container "
                      + source
                      + " sends tcp flows to "
                      + destination
                      + " with "
                      + before
                      + " and "
                      + cc
                      + " (traffic "
                      + tcp.name()
                      + "); the emulation sets congestion control per route");
            }
          }
        }
      }
    }
    return conflicts;
  }

  /** {@link #run} on a thread of its own, so that pings run beside the bulk flows. */
  public CompletableFuture<List<TcpResult>> start(List<TcpTraffic> flows) {
    CompletableFuture<List<TcpResult>> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(run(flows));
              } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
              } catch (InterruptedException e) {
                result.completeExceptionally(e);
                Thread.currentThread().interrupt();
              }
            },
            "tcp-flows");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** The results of {@link #start}, its failure as thrown by {@link #run}. */
  public static List<TcpResult> join(CompletableFuture<List<TcpResult>> started)
      throws IOException, InterruptedException {
    try {
      return started.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IOException("tcp flows failed: " + e.getCause(), e.getCause());
    }
  }

  public List<TcpResult> run(List<TcpTraffic> flows) throws IOException, InterruptedException {
    if (flows.isEmpty()) {
      return List.of();
    }
    List<Pair> pairs = new ArrayList<>();
    Set<String> receivers = new LinkedHashSet<>();
    for (int f = 0; f < flows.size(); f++) {
      TcpTraffic tcp = flows.get(f);
      for (int[] pair :
          EndpointPairing.pairs(
              PingRunner.indexes(scenario, tcp.from().containers()),
              PingRunner.indexes(scenario, tcp.to().containers()))) {
        pairs.add(new Pair(f, pair[0], pair[1]));
        receivers.add(receiverKey(pair[1], tcp.port()));
        setCongestionControl(pair[0], pair[1], congestionControl(tcp));
      }
    }
    Map<String, Receiver> receiving = startReceivers(receivers);
    long begin = System.nanoTime();
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Future<CommandResult>> senders = new ArrayList<>();
    try {
      for (Pair pair : pairs) {
        TcpTraffic tcp = flows.get(pair.flow());
        List<String> argv =
            new ArrayList<>(List.of("ip", "netns", "exec", names.container(pair.src())));
        argv.addAll(settings.javaCommand());
        argv.addAll(List.of("-cp", settings.probeClasspath(), BulkSender.class.getName()));
        argv.add(scenario.containers().get(pair.dst()).ip().toString());
        argv.add(Integer.toString(tcp.port()));
        argv.add(Long.toString(tcp.bytes()));
        long durationMs = tcp.bytes() > 0 ? 0 : (tcp.stopNs() - tcp.startNs()) / 1_000_000;
        argv.add(Long.toString(durationMs));
        // Bulk transfers of the sizes emulated take seconds; a stalled one is cut off.
        long timeoutMs = 180_000 + durationMs;
        senders.add(
            pool.submit(
                () -> {
                  long wait = begin + tcp.startNs() - System.nanoTime();
                  if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                  }
                  return runner.run(argv, "", timeoutMs);
                }));
      }
      List<String[]> sent = new ArrayList<>();
      Map<String, Integer> connected = new LinkedHashMap<>();
      for (int p = 0; p < pairs.size(); p++) {
        CommandResult result = senders.get(p).get();
        String[] fields = lastLine(result.stdout(), "SENT ");
        if (!result.succeeded() || fields == null || fields.length != 9) {
          throw new IOException("tcp sender failed: " + result.describe());
        }
        sent.add(fields);
        if (!fields[8].equals("0")) {
          Pair pair = pairs.get(p);
          connected.merge(receiverKey(pair.dst(), flows.get(pair.flow()).port()), 1, Integer::sum);
        }
      }
      Map<String, String[]> received = new LinkedHashMap<>();
      for (Map.Entry<String, Receiver> entry : receiving.entrySet()) {
        Receiver receiver = entry.getValue();
        long bytes = 0;
        for (int i = 0; i < connected.getOrDefault(entry.getKey(), 0); i++) {
          String[] fields = line(receiver, "RECEIVED", 6);
          received.put(entry.getKey() + " " + fields[4], fields);
          bytes += Long.parseLong(fields[1]);
        }
        OutputStream input = receiver.process().getOutputStream();
        input.write("COUNTERS\n".getBytes(StandardCharsets.US_ASCII));
        input.flush();
        String[] counters = Arrays.copyOf(line(receiver, "COUNTERS", 6), 7);
        counters[6] = Long.toString(bytes);
        received.put(entry.getKey(), counters);
      }
      return results(flows, pairs, sent, received);
    } catch (ExecutionException e) {
      throw new IOException("tcp sender failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The receiver's next line, which must be {@code KIND} and {@code fields} words long. */
  private static String[] line(Receiver receiver, String kind, int fields)
      throws IOException, InterruptedException {
    String line = receiver.lines().poll(30, TimeUnit.SECONDS);
    String[] words = line == null ? null : line.strip().split(" ");
    if (words == null || words.length != fields || !words[0].equals(kind)) {
      throw new IOException("tcp receiver " + receiver.name() + " failed: " + line);
    }
    return words;
  }

  private List<TcpResult> results(
      List<TcpTraffic> flows, List<Pair> pairs, List<String[]> sent, Map<String, String[]> received)
      throws IOException {
    List<TcpResult> results = new ArrayList<>();
    for (int f = 0; f < flows.size(); f++) {
      TcpTraffic tcp = flows.get(f);
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      long payload = 0;
      long wire = 0;
      long segments = 0;
      long retransmissions = 0;
      long timeouts = 0;
      long stalled = 0;
      int count = 0;
      int connections = 0;
      for (int p = 0; p < pairs.size(); p++) {
        Pair pair = pairs.get(p);
        if (pair.flow() != f) {
          continue;
        }
        count++;
        // SENT START_NS BYTES RETRANS OUT_SEGS OUT_REQUESTS OUT_OCTETS TIMEOUTS LOCAL_PORT
        String[] s = sent.get(p);
        if (s[8].equals("0")) {
          continue; // never connected: delivers nothing
        }
        connections++;
        Container src = scenario.containers().get(pair.src());
        String key = receiverKey(pair.dst(), tcp.port()) + " " + src.ip() + ":" + s[8];
        String[] r = received.get(key);
        if (r == null) {
          throw new IOException("tcp flow " + tcp.name() + ": no receiver saw " + key);
        }
        long outSegs = Long.parseLong(s[4]);
        first = Math.min(first, Long.parseLong(s[1]));
        last = Math.max(last, Long.parseLong(r[3]));
        payload += Long.parseLong(r[1]);
        wire += wireBytes(outSegs, Long.parseLong(s[5]), Long.parseLong(s[6]), overhead(src));
        segments += outSegs;
        // The receiver's ACKs: COUNTERS RETRANS OUT_SEGS OUT_REQUESTS OUT_OCTETS TIMEOUTS BYTES
        // of its whole namespace, shared among its connections by the bytes each brought.
        String[] c = received.get(receiverKey(pair.dst(), tcp.port()));
        double share = Long.parseLong(r[1]) / Math.max(1.0, Long.parseLong(c[6]));
        long acks = Math.round(share * Long.parseLong(c[2]));
        wire +=
            Math.round(
                share
                    * wireBytes(
                        Long.parseLong(c[2]),
                        Long.parseLong(c[3]),
                        Long.parseLong(c[4]),
                        overhead(scenario.containers().get(pair.dst()))));
        segments += acks;
        retransmissions += Long.parseLong(s[3]);
        timeouts += Long.parseLong(s[7]);
        // A lost SYN or SYN-ACK (1 s timer) stalls before the first byte; the receiver saw the
        // rest.
        long setup = Long.parseLong(r[2]) - Long.parseLong(s[1]);
        stalled += Long.parseLong(r[5]) + (setup > BulkReceiver.STALL_NS ? setup : 0);
      }
      double goodput = payload > 0 && last > first ? payload * 8.0 * 1e9 / (last - first) : 0;
      results.add(
          new TcpResult(
              tcp.name(),
              tcp.from().ref(),
              tcp.to().ref(),
              count,
              connections,
              payload,
              wire,
              goodput,
              segments,
              retransmissions,
              timeouts,
              stalled,
              congestionControl(tcp)));
    }
    return results;
  }

  /**
   * What segments occupy on the wire: the namespace's IP bytes (OutOctets counts an offloaded batch
   * of segments, GSO, with one header, so the others' are added), then per segment the
   * encapsulation and Ethernet framing.
   */
  private static long wireBytes(long outSegs, long outRequests, long outOctets, int overhead) {
    long ipBytes = outOctets + Math.max(0, outSegs - outRequests) * (long) SEGMENT_HEADERS;
    return ipBytes + outSegs * (overhead + (long) ETHERNET_WIRE);
  }

  private int overhead(Container container) {
    return overlayOf(container).overheadBytes();
  }

  private Overlay overlayOf(Container container) {
    for (Overlay overlay : scenario.overlays()) {
      if (overlay.name().equals(container.overlay())) {
        return overlay;
      }
    }
    throw new IllegalArgumentException("container " + container.name() + ": no overlay");
  }

  /**
   * Gives the source container's route to the destination the congestion control ({@code ip route
   * ... congctl}), and reads it back. Not the namespace's sysctl: a new namespace inherits the
   * machine's default (often bbr), and outside the first namespace the kernel lets the default be
   * only an algorithm of {@code net.ipv4.tcp_allowed_congestion_control} (EPERM for cubic where
   * that list is "reno bbr"); a route's algorithm it applies at connect without that restriction.
   */
  private void setCongestionControl(int src, int dst, String algorithm)
      throws IOException, InterruptedException {
    String namespace = names.container(src);
    Container from = scenario.containers().get(src);
    Container to = scenario.containers().get(dst);
    Overlay overlay = overlayOf(from);
    if (!overlay.subnet().contains(to.ip())) {
      // Outside its overlay's subnet the container has no route: the connection fails whatever
      // the algorithm, and no route is added that the scenario does not have.
      return;
    }
    String destination = to.ip() + "/32";
    List<String> route =
        new ArrayList<>(List.of("ip", "-n", namespace, "route", "replace", destination));
    boolean bridged =
        overlay.encapsulation() == Encapsulation.VXLAN
            || overlay.encapsulation() == Encapsulation.GENEVE;
    if (bridged) {
      route.addAll(List.of("dev", names.containerInterface(src), "scope", "link"));
    } else {
      route.addAll(
          List.of(
              "via",
              AddressPlan.ROUTED_GATEWAY.toString(),
              "dev",
              names.containerInterface(src),
              "onlink"));
    }
    route.addAll(List.of("congctl", algorithm));
    CommandResult set = runner.run(route);
    CommandResult now = runner.run(List.of("ip", "-n", namespace, "route", "show", destination));
    if (!set.succeeded() || !now.stdout().contains("congctl " + algorithm)) {
      throw new IOException(
          "the kernel does not run tcp congestion control "
              + algorithm
              + " (net.ipv4.tcp_available_congestion_control): "
              + (set.succeeded() ? now.describe() : set.describe()));
    }
  }

  private Map<String, Receiver> startReceivers(Set<String> keys)
      throws IOException, InterruptedException {
    Map<String, Receiver> started = new LinkedHashMap<>();
    for (String receiverKey : keys) {
      String[] key = receiverKey.split(":");
      int container = Integer.parseInt(key[0]);
      List<String> argv =
          new ArrayList<>(List.of("ip", "netns", "exec", names.container(container)));
      argv.addAll(settings.javaCommand());
      argv.addAll(List.of("-cp", settings.probeClasspath(), BulkReceiver.class.getName()));
      argv.add(key[1]);
      Process process = runner.start(argv);
      receivers.add(process);
      String name = scenario.containers().get(container).name() + " port " + key[1];
      started.put(receiverKey, new Receiver(name, process, lines(process)));
    }
    for (Receiver receiver : started.values()) {
      String first = receiver.lines().poll(START_MS, TimeUnit.MILLISECONDS);
      if (!"READY".equals(first)) {
        throw new IOException(
            "tcp receiver in "
                + receiver.name()
                + " did not start: "
                + (first == null ? "no answer" : first)
                + " "
                + new String(
                        receiver.process().getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                    .strip());
      }
    }
    return started;
  }

  private static BlockingQueue<String> lines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // The process is gone; whoever waits for a line times out and says so.
              }
            },
            "tcp-receiver-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String[] lastLine(String output, String prefix) {
    String[] found = null;
    for (String line : output.split("\n")) {
      if (line.startsWith(prefix)) {
        found = line.strip().split(" ");
      }
    }
    return found;
  }

  private static String receiverKey(int container, int port) {
    return container + ":" + port;
  }

  /** Closes the receivers' input (they exit on it) and ends any that lingers. */
  @Override
  public void close() {
    ProbeRunner.stop(receivers);
  }
}
