package org.overlaysim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.internal.YamlTreeReader;

/**
 * Writes a {@link Scenario} as scenario YAML, fully expanded: every host and container listed with
 * its allocated addresses, every default written out. Loading the output gives an equal {@code
 * Scenario}; useful to see what a file with {@code count} and defaults really means.
 */
public final class ScenarioWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
              .build());

  private ScenarioWriter() {}

  public static String write(Scenario scenario) {
    try {
      return YAML.writeValueAsString(tree(scenario));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a scenario", e);
    }
  }

  /** The scenario as a tree of the scenario format. */
  public static ObjectNode tree(Scenario s) {
    ObjectNode root = NODES.objectNode();
    root.put("name", s.name());
    if (!s.description().isEmpty()) {
      root.put("description", s.description());
    }
    root.put("seed", s.seed());
    root.put("duration", Units.formatDuration(s.durationNs()));
    root.put("replications", s.replications());
    if (!s.ipBlockMatchesPods()) {
      root.put("ipBlockMatchesPods", false);
    }
    if (s.commonSeeds()) {
      root.put("seeds", "common");
    }
    if (s.sampleNs() > 0) {
      root.put("sample", Units.formatDuration(s.sampleNs()));
    }
    ArrayNode sites = root.putArray("sites");
    for (Site site : s.sites()) {
      ObjectNode node = sites.addObject().put("name", site.name());
      Location where = site.location();
      if (where.isRegion()) {
        node.putObject("location").put("region", where.place());
      } else if (where.isCity()) {
        node.putObject("location").put("city", where.place());
      } else {
        node.putObject("location")
            .put("lat", decimal(where.lat()))
            .put("lon", decimal(where.lon()));
      }
    }
    root.set("underlay", underlay(s.underlay()));
    ArrayNode hosts = root.putArray("hosts");
    for (Host h : s.hosts()) {
      hosts
          .addObject()
          .put("name", h.name())
          .put("group", h.group())
          .put("site", h.site())
          .put("router", h.router())
          .put("ip", h.ip().toString())
          .put("bandwidth", Units.formatRate(h.bandwidthBps()))
          .put("mtu", h.mtu())
          .put("queue", Units.formatSize(h.queueBytes()))
          .put("cores", h.cores());
    }
    ArrayNode overlays = root.putArray("overlays");
    for (Overlay o : s.overlays()) {
      ObjectNode node = overlays.addObject().put("name", o.name());
      if (o.vni() != 0) {
        node.put("vni", o.vni());
      }
      node.put("subnet", o.subnet().toString()).put("encapsulation", o.encapsulation().yamlName());
      if (o.udpPort() != 0) {
        node.put("udpPort", o.udpPort());
      }
      node.put("controlPlane", o.controlPlane().yamlName())
          .put("mtu", o.mtu())
          .put("fdbAgeing", Units.formatDuration(o.fdbAgeingNs()))
          .put("convergence", Units.formatDuration(o.convergenceNs()));
      if (o.optionsBytes() > 0) {
        node.put("optionsBytes", o.optionsBytes());
      }
      if (o.encryption() != Encryption.NONE) {
        node.put("encryption", o.encryption().yamlName())
            .put("cryptoRate", Units.formatRate(o.cryptoRateBps()));
      }
    }
    ArrayNode containers = root.putArray("containers");
    for (Container c : s.containers()) {
      ObjectNode node =
          containers
              .addObject()
              .put("name", c.name())
              .put("group", c.group())
              .put("host", c.host())
              .put("overlay", c.overlay())
              .put("namespace", c.namespace());
      if (!c.labels().isEmpty()) {
        node.set("labels", labels(c.labels()));
      }
      node.put("ip", c.ip().toString()).put("mac", c.mac().toString()).put("mtu", c.mtu());
      if (!c.ports().isEmpty()) {
        ArrayNode ports = node.putArray("ports");
        for (ContainerPort p : c.ports()) {
          ObjectNode port = ports.addObject();
          if (!p.name().isEmpty()) {
            port.put("name", p.name());
          }
          port.put("containerPort", p.containerPort()).put("protocol", p.protocol().name());
        }
      }
    }
    ArrayNode namespaces = root.putArray("namespaces");
    for (Namespace n : s.namespaces()) {
      namespaces.addObject().put("name", n.name()).set("labels", labels(n.labels()));
    }
    ArrayNode policies = root.putArray("policies");
    s.policies().forEach(p -> policies.add(policy(p)));
    ArrayNode acls = root.putArray("acls");
    s.acls().forEach(a -> acls.add(acl(a)));
    ArrayNode traffic = root.putArray("traffic");
    s.traffic().forEach(t -> traffic.add(traffic(t)));
    ArrayNode capture = root.putArray("capture");
    for (CaptureSpec c : s.capture()) {
      capture.addObject().put(c.target().name().toLowerCase(), c.name());
    }
    ArrayNode events = root.putArray("events");
    for (TimedEvent e : s.events()) {
      ObjectNode event =
          events
              .addObject()
              .put("at", Units.formatDuration(e.atNs()))
              .put(e.target().key(), e.name())
              .put("action", e.action().yamlName());
      TimedEvent.LinkChange change = e.change();
      if (change.bandwidthBps() >= 0) {
        event.put("bandwidth", Units.formatRate(change.bandwidthBps()));
      }
      if (change.delayNs() >= 0) {
        event.put("delay", Units.formatDuration(change.delayNs()));
      }
      if (change.loss() >= 0) {
        event.put("loss", decimal(change.loss()));
      }
    }
    if (!s.sweep().parameters().isEmpty()) {
      ObjectNode sweep = root.putObject("sweep");
      s.sweep()
          .parameters()
          .forEach(
              (key, values) -> {
                ArrayNode list = sweep.putArray(key);
                values.forEach(v -> list.add(scalar(v)));
              });
    }
    return root;
  }

  private static JsonNode scalar(String text) {
    try {
      return YamlTreeReader.read("sweep", text).root();
    } catch (ScenarioException e) {
      return NODES.textNode(text);
    }
  }

  /** Doubles as their shortest exact decimal, which reads back to the same double. */
  private static BigDecimal decimal(double value) {
    return new BigDecimal(Double.toString(value));
  }

  private static ObjectNode underlay(Underlay u) {
    ObjectNode node = NODES.objectNode();
    UnderlayDefaults d = u.defaults();
    node.putObject("defaults")
        .put("bandwidth", Units.formatRate(d.bandwidthBps()))
        .put("mtu", d.mtu())
        .put("queue", Units.formatSize(d.queueBytes()))
        .put("fiberSpeed", Units.formatSpeed(d.fiberSpeedMps()))
        .put("routeFactor", decimal(d.routeFactor()));
    node.put("convergence", Units.formatDuration(u.convergenceNs()));
    ArrayNode routers = node.putArray("routers");
    u.routers().forEach(r -> routers.addObject().put("name", r.name()).put("site", r.site()));
    ArrayNode links = node.putArray("links");
    for (LinkSpec l : u.links()) {
      ObjectNode link =
          links
              .addObject()
              .put("name", l.name())
              .put("a", l.a())
              .put("b", l.b())
              .put("bandwidth", Units.formatRate(l.bandwidthBps()));
      l.delayNs().ifPresent(delay -> link.put("delay", Units.formatDuration(delay)));
      link.put("jitter", Units.formatDuration(l.jitterNs()))
          .put("loss", decimal(l.loss()))
          .put("mtu", l.mtu())
          .put("queue", Units.formatSize(l.queueBytes()))
          .put("fiberSpeed", Units.formatSpeed(l.fiberSpeedMps()))
          .put("routeFactor", decimal(l.routeFactor()));
    }
    return node;
  }

  private static ObjectNode labels(Map<String, String> labels) {
    ObjectNode node = NODES.objectNode();
    labels.forEach(node::put);
    return node;
  }

  private static ObjectNode selector(LabelSelector selector) {
    ObjectNode node = NODES.objectNode();
    if (!selector.matchLabels().isEmpty()) {
      node.set("matchLabels", labels(selector.matchLabels()));
    }
    if (!selector.matchExpressions().isEmpty()) {
      ArrayNode expressions = node.putArray("matchExpressions");
      for (LabelRequirement r : selector.matchExpressions()) {
        ObjectNode e =
            expressions.addObject().put("key", r.key()).put("operator", r.operator().name());
        if (!r.values().isEmpty()) {
          ArrayNode values = e.putArray("values");
          r.values().forEach(values::add);
        }
      }
    }
    return node;
  }

  private static ObjectNode policy(NetworkPolicy p) {
    ObjectNode node = NODES.objectNode();
    node.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
    node.putObject("metadata").put("name", p.name()).put("namespace", p.namespace());
    ObjectNode spec = node.putObject("spec");
    spec.set("podSelector", selector(p.podSelector()));
    ArrayNode types = spec.putArray("policyTypes");
    p.policyTypes().forEach(t -> types.add(t.name()));
    spec.set("ingress", rules(p.ingress(), "from"));
    spec.set("egress", rules(p.egress(), "to"));
    return node;
  }

  private static ArrayNode rules(List<PolicyRule> rules, String peersKey) {
    ArrayNode list = NODES.arrayNode();
    for (PolicyRule rule : rules) {
      ObjectNode node = list.addObject();
      ArrayNode peers = node.putArray(peersKey);
      for (PolicyPeer peer : rule.peers()) {
        ObjectNode p = peers.addObject();
        peer.podSelector().ifPresent(s -> p.set("podSelector", selector(s)));
        peer.namespaceSelector().ifPresent(s -> p.set("namespaceSelector", selector(s)));
        peer.ipBlock()
            .ifPresent(
                b -> {
                  ObjectNode block = p.putObject("ipBlock").put("cidr", b.cidr().toString());
                  ArrayNode except = block.putArray("except");
                  b.except().forEach(c -> except.add(c.toString()));
                });
      }
      ArrayNode ports = node.putArray("ports");
      for (PolicyPort port : rule.ports()) {
        ObjectNode p = ports.addObject().put("protocol", port.protocol().name());
        port.port().ifPresent(n -> p.put("port", n));
        port.namedPort().ifPresent(n -> p.put("port", n));
        port.endPort().ifPresent(n -> p.put("endPort", n));
      }
    }
    return list;
  }

  private static ObjectNode acl(Acl acl) {
    ObjectNode node =
        NODES
            .objectNode()
            .put("host", acl.host())
            .put("direction", acl.direction().name().toLowerCase())
            .put("default", acl.defaultAction().name().toLowerCase());
    ArrayNode rules = node.putArray("rules");
    for (AclRule r : acl.rules()) {
      ObjectNode rule =
          rules
              .addObject()
              .put("action", r.action().name().toLowerCase())
              .put("protocol", r.protocol().name().toLowerCase());
      r.src().ifPresent(c -> rule.put("src", c.toString()));
      r.dst().ifPresent(c -> rule.put("dst", c.toString()));
      r.srcPort().ifPresent(p -> rule.set("srcPort", ports(p)));
      r.dstPort().ifPresent(p -> rule.set("dstPort", ports(p)));
    }
    return node;
  }

  private static JsonNode ports(PortRange range) {
    return range.first() == range.last()
        ? NODES.numberNode(range.first())
        : NODES.textNode(range.toString());
  }

  private static ObjectNode traffic(TrafficSpec t) {
    ObjectNode node = NODES.objectNode().put("kind", t.kind()).put("name", t.name());
    if (t instanceof PingTraffic p) {
      ends(node, p.from(), p.to());
      node.put("interval", Units.formatDuration(p.intervalNs()))
          .put("count", p.count())
          .put("size", p.size())
          .put("df", p.df());
    } else if (t instanceof UdpTraffic u) {
      ends(node, u.from(), u.to());
      node.put("rate", Units.formatRate(u.rateBps()))
          .put("size", u.size())
          .put("port", u.port())
          .put("df", u.df());
    } else if (t instanceof TcpTraffic c) {
      ends(node, c.from(), c.to());
      node.put("port", c.port()).put("bytes", Units.formatSize(c.bytes()));
      if (c.windowBytes() != 0) {
        node.put("window", Units.formatSize(c.windowBytes()));
      }
      tcpKeys(node, c.congestionControl(), c.traceIntervalNs());
    } else if (t instanceof RequestResponseTraffic r) {
      ends(node, r.from(), r.to());
      node.put("port", r.port())
          .put("requestSize", Units.formatSize(r.requestSize()))
          .put("responseSize", Units.formatSize(r.responseSize()))
          .put("rate", r.closedLoop() ? "closed" : Double.toString(r.ratePerSecond()) + "/s");
      tcpKeys(node, r.congestionControl(), r.traceIntervalNs());
    } else if (t instanceof ProbeTraffic p) {
      ArrayNode ports = node.putArray("ports");
      p.ports()
          .forEach(
              port ->
                  ports
                      .addObject()
                      .put("protocol", port.protocol().name())
                      .put("port", port.port()));
      node.put("sample", p.sample()).put("timeout", Units.formatDuration(p.timeoutNs()));
    }
    node.put("start", Units.formatDuration(t.startNs()))
        .put("stop", Units.formatDuration(t.stopNs()));
    return node;
  }

  /** A TCP flow's keys that differ from the defaults (cubic, no trace). */
  private static void tcpKeys(ObjectNode node, CongestionAlgorithm cc, long traceIntervalNs) {
    if (cc != CongestionAlgorithm.CUBIC) {
      node.put("congestionControl", cc.yamlName());
    }
    if (traceIntervalNs > 0) {
      node.put("tcpTrace", Units.formatDuration(traceIntervalNs));
    }
  }

  private static void ends(ObjectNode node, Endpoint from, Endpoint to) {
    node.put("from", from.ref()).put("to", to.ref());
  }
}
