package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.CongestionAlgorithm;
import org.overlaysim.scenario.Endpoint;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.ProbePort;
import org.overlaysim.scenario.ProbeTraffic;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.RequestResponseTraffic;
import org.overlaysim.scenario.TcpTraffic;
import org.overlaysim.scenario.TrafficSpec;
import org.overlaysim.scenario.UdpTraffic;
import org.overlaysim.scenario.Units;

/** Binds {@code traffic}: one record per kind, endpoints resolved to containers or groups. */
final class TrafficBinder {
  static final List<String> KINDS = List.of("ping", "udp", "tcp", "request-response", "probe");
  static final List<String> COMMON = List.of("kind", "name", "start", "stop");
  static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();
  static final Map<String, List<String>> OPTIONAL = new LinkedHashMap<>();

  static {
    REQUIRED.put("ping", List.of("from", "to"));
    OPTIONAL.put("ping", List.of("interval", "count", "size", "df"));
    REQUIRED.put("udp", List.of("from", "to", "rate"));
    OPTIONAL.put("udp", List.of("size", "port", "df"));
    REQUIRED.put("tcp", List.of("from", "to"));
    OPTIONAL.put("tcp", List.of("port", "bytes", "window", "congestionControl", "tcpTrace"));
    REQUIRED.put("request-response", List.of("from", "to", "requestSize", "responseSize", "rate"));
    OPTIONAL.put("request-response", List.of("port", "congestionControl", "tcpTrace"));
    REQUIRED.put("probe", List.of("ports"));
    OPTIONAL.put("probe", List.of("sample", "timeout"));
  }

  static final long DEFAULT_PING_INTERVAL_NS = 1_000_000_000L;
  static final int DEFAULT_PING_SIZE = 56;
  static final int DEFAULT_UDP_SIZE = 1400;
  static final int DEFAULT_IPERF_PORT = 5001;
  static final int DEFAULT_HTTP_PORT = 80;
  static final long DEFAULT_PROBE_TIMEOUT_NS = 1_000_000_000L;

  static final Map<String, CongestionAlgorithm> CONGESTION_CONTROLS = new LinkedHashMap<>();

  static {
    for (CongestionAlgorithm c : CongestionAlgorithm.values()) {
      CONGESTION_CONTROLS.put(c.yamlName(), c);
    }
  }

  private final Ctx ctx;
  private final Registry registry;
  private final TcpDefaults tcpDefaults;

  TrafficBinder(Ctx ctx, Registry registry, TcpDefaults tcpDefaults) {
    this.ctx = ctx;
    this.registry = registry;
    this.tcpDefaults = tcpDefaults;
  }

  /** The scenario-wide {@code tcp:} block: what tcp and request-response flows default to. */
  record TcpDefaults(CongestionAlgorithm congestionControl, long traceIntervalNs) {
    static final TcpDefaults LINUX = new TcpDefaults(CongestionAlgorithm.CUBIC, 0);
  }

  /** A flow's congestionControl, or the scenario's. */
  private CongestionAlgorithm congestionControl(Obj entry) {
    return entry.choice("congestionControl", CONGESTION_CONTROLS, tcpDefaults.congestionControl());
  }

  /** A flow's tcpTrace interval, or the scenario's; above zero when given. */
  private long traceInterval(Obj entry) {
    return positiveDuration(ctx, entry, "tcpTrace", tcpDefaults.traceIntervalNs());
  }

  static long positiveDuration(Ctx ctx, Obj entry, String key, long fallback) {
    long interval = entry.duration(key, fallback);
    if (entry.has(key) && interval <= 0) {
      ctx.at(entry.path(key), "a trace interval must be above zero (leave it out for no trace)");
      return fallback;
    }
    return interval;
  }

  List<TrafficSpec> bind(List<JsonNode> entries, String listPath) {
    List<TrafficSpec> flows = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      TrafficSpec flow = flow(entries.get(i), Paths.index(listPath, i), i);
      if (flow != null) {
        flows.add(flow);
      }
    }
    return flows;
  }

  private TrafficSpec flow(JsonNode node, String path, int index) {
    if (node == null || !node.isObject()) {
      Obj.of(ctx, node, path, "traffic entry", List.of("kind"), List.of());
      return null;
    }
    JsonNode kindNode = node.get("kind");
    String kind = kindNode != null && kindNode.isTextual() ? kindNode.asText() : null;
    if (kindNode == null || kindNode.isNull()) {
      ctx.at(path, "missing key 'kind' in traffic entry (" + String.join(", ", KINDS) + ")");
      return null;
    }
    if (kind == null || !KINDS.contains(kind)) {
      ctx.at(
          Paths.field(path, "kind"),
          (kind == null ? Obj.describe(kindNode) : "'" + kind + "'")
              + " is not a traffic kind ("
              + String.join(", ", KINDS)
              + ")"
              + (kind == null ? "" : Suggest.didYouMean(kind, KINDS)));
      return null;
    }
    List<String> optional = new ArrayList<>(COMMON);
    optional.addAll(OPTIONAL.get(kind));
    Obj entry = Obj.of(ctx, node, path, kind + " traffic", REQUIRED.get(kind), optional);
    int before = ctx.size();
    String name = entry.has("name") ? entry.name("name") : kind + "-" + index;
    if (name != null) {
      registry.claim("flow", "flow", name, entry.has("name") ? entry.path("name") : path);
    }
    long start = entry.duration("start", 0);
    long stop = entry.duration("stop", registry.durationNs);
    if (stop > registry.durationNs) {
      ctx.at(
          entry.path("stop"),
          "stop "
              + Units.formatDuration(stop)
              + " is after the end of the run (duration "
              + Units.formatDuration(registry.durationNs)
              + ")");
    }
    if (start >= stop && ctx.size() == before) {
      ctx.at(
          entry.has("start") ? entry.path("start") : path,
          "start "
              + Units.formatDuration(start)
              + " is not before stop "
              + Units.formatDuration(stop));
    }
    TrafficSpec spec =
        switch (kind) {
          case "ping" -> ping(entry, name, start, stop);
          case "udp" -> udp(entry, name, start, stop);
          case "tcp" -> tcp(entry, name, start, stop);
          case "request-response" -> requestResponse(entry, name, start, stop);
          default -> probe(entry, name, start, stop);
        };
    return ctx.size() == before ? spec : null;
  }

  private Endpoint[] ends(Obj entry) {
    Endpoint from = endpoint(entry, "from");
    Endpoint to = endpoint(entry, "to");
    if (from != null
        && to != null
        && from.containers().size() == 1
        && from.containers().equals(to.containers())) {
      ctx.at(entry.path("to"), "traffic from container '" + from.ref() + "' to itself");
      return null;
    }
    return from == null || to == null ? null : new Endpoint[] {from, to};
  }

  private Endpoint endpoint(Obj entry, String key) {
    String ref = entry.text(key);
    if (ref == null) {
      return null;
    }
    if (registry.containers.containsKey(ref)) {
      return new Endpoint(ref, List.of(ref));
    }
    List<String> group = registry.containerGroups.get(ref);
    if (group != null && !group.isEmpty()) {
      return new Endpoint(ref, group);
    }
    if (registry.declared("container", ref)) {
      return null; // its entry failed validation, reported there
    }
    List<String> names = new ArrayList<>(registry.containerGroups.keySet());
    ctx.at(entry.path(key), "unknown container or group '" + ref + "'" + Suggest.known(ref, names));
    return null;
  }

  private int intSize(Obj entry, String key, Bounds bounds, long fallback) {
    Long size = entry.size(key);
    if (size == null) {
      return (int) fallback;
    }
    if (size < bounds.min() || size > bounds.max()) {
      ctx.at(entry.path(key), size + " bytes is outside " + bounds.min() + ".." + bounds.max());
      return (int) fallback;
    }
    return size.intValue();
  }

  private TrafficSpec ping(Obj entry, String name, long start, long stop) {
    Endpoint[] ends = ends(entry);
    long interval = entry.duration("interval", DEFAULT_PING_INTERVAL_NS);
    if (interval <= 0) {
      ctx.at(entry.path("interval"), "the interval must be above zero");
    }
    int count = (int) entry.integer("count", Bounds.PING_COUNT.min(), Bounds.PING_COUNT.max(), 0);
    int size = intSize(entry, "size", Bounds.PING_SIZE, DEFAULT_PING_SIZE);
    boolean df = entry.bool("df", false);
    if (ends == null || name == null || interval <= 0) {
      return null;
    }
    return Safe.make(
        ctx,
        entry.path(),
        () -> new PingTraffic(name, ends[0], ends[1], interval, count, size, df, start, stop));
  }

  private TrafficSpec udp(Obj entry, String name, long start, long stop) {
    Endpoint[] ends = ends(entry);
    Long rate = entry.rate("rate");
    int size = intSize(entry, "size", Bounds.UDP_SIZE, DEFAULT_UDP_SIZE);
    int port =
        (int) entry.integer("port", Bounds.PORT.min(), Bounds.PORT.max(), DEFAULT_IPERF_PORT);
    boolean df = entry.bool("df", false);
    if (ends == null || name == null || rate == null) {
      return null;
    }
    return Safe.make(
        ctx,
        entry.path(),
        () -> new UdpTraffic(name, ends[0], ends[1], rate, size, port, df, start, stop));
  }

  private TrafficSpec tcp(Obj entry, String name, long start, long stop) {
    Endpoint[] ends = ends(entry);
    int port =
        (int) entry.integer("port", Bounds.PORT.min(), Bounds.PORT.max(), DEFAULT_IPERF_PORT);
    long bytes = entry.size("bytes", 0);
    long window = entry.size("window", 0);
    if (entry.has("window") && window == 0) {
      ctx.at(
          entry.path("window"), "a window must be above zero (leave it out for Linux autotuning)");
    }
    CongestionAlgorithm cc = congestionControl(entry);
    long trace = traceInterval(entry);
    if (ends == null || name == null) {
      return null;
    }
    return Safe.make(
        ctx,
        entry.path(),
        () -> new TcpTraffic(name, ends[0], ends[1], port, bytes, window, start, stop, cc, trace));
  }

  private TrafficSpec requestResponse(Obj entry, String name, long start, long stop) {
    Endpoint[] ends = ends(entry);
    int port = (int) entry.integer("port", Bounds.PORT.min(), Bounds.PORT.max(), DEFAULT_HTTP_PORT);
    Long request = entry.size("requestSize");
    Long response = entry.size("responseSize");
    if (request != null && request == 0) {
      ctx.at(entry.path("requestSize"), "must be above zero");
    }
    if (response != null && response == 0) {
      ctx.at(entry.path("responseSize"), "must be above zero");
    }
    Double rate = closedOrPerSecond(entry, "rate");
    CongestionAlgorithm cc = congestionControl(entry);
    long trace = traceInterval(entry);
    if (ends == null || name == null || request == null || response == null || rate == null) {
      return null;
    }
    return Safe.make(
        ctx,
        entry.path(),
        () ->
            new RequestResponseTraffic(
                name, ends[0], ends[1], port, request, response, rate, start, stop, cc, trace));
  }

  /** {@code closed} (a closed loop, as 0) or a request rate such as {@code 1000/s}. */
  private Double closedOrPerSecond(Obj entry, String key) {
    JsonNode value = entry.get(key);
    if (value != null && value.isTextual() && value.asText().equals("closed")) {
      return 0.0;
    }
    return perSecond(entry, key);
  }

  private Double perSecond(Obj entry, String key) {
    JsonNode value = entry.get(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      ctx.at(
          entry.path(key), "a request rate needs a unit, e.g. 1000/s, not " + Obj.describe(value));
      return null;
    }
    try {
      return Units.parsePerSecond(value.asText());
    } catch (IllegalArgumentException e) {
      ctx.at(entry.path(key), e.getMessage());
      return null;
    }
  }

  private TrafficSpec probe(Obj entry, String name, long start, long stop) {
    List<ProbePort> ports = new ArrayList<>();
    List<JsonNode> nodes = entry.list("ports");
    for (int i = 0; i < nodes.size(); i++) {
      String path = Paths.index(entry.path("ports"), i);
      Obj port =
          Obj.of(ctx, nodes.get(i), path, "probe port", List.of("port"), List.of("protocol"));
      if (port == null) {
        continue;
      }
      Protocol protocol = port.choice("protocol", ContainerBinder.PROTOCOLS, Protocol.TCP);
      Long number = port.integer("port", Bounds.PORT.min(), Bounds.PORT.max());
      if (number != null) {
        ports.add(new ProbePort(protocol, number.intValue()));
      }
    }
    if (entry.get("ports") != null && nodes.isEmpty() && entry.node().get("ports").isArray()) {
      ctx.at(entry.path("ports"), "a probe needs at least one port");
    }
    int sample =
        (int) entry.integer("sample", Bounds.PROBE_SAMPLE.min(), Bounds.PROBE_SAMPLE.max(), 0);
    long timeout = entry.duration("timeout", DEFAULT_PROBE_TIMEOUT_NS);
    if (timeout <= 0) {
      ctx.at(entry.path("timeout"), "the timeout must be above zero");
    }
    if (name == null || ports.isEmpty() || timeout <= 0) {
      return null;
    }
    return Safe.make(
        ctx, entry.path(), () -> new ProbeTraffic(name, ports, sample, start, stop, timeout));
  }
}
