package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overlaysim.scenario.Acl;
import org.overlaysim.scenario.AclRule;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.PortRange;

/** Binds {@code acls}; a host pattern gives one ACL per matching host, in name order. */
final class AclBinder {
  private static final Pattern RANGE = Pattern.compile("([0-9]{1,5})(?:\\s*-\\s*([0-9]{1,5}))?");
  private static final Map<String, Acl.Direction> DIRECTIONS = new LinkedHashMap<>();
  private static final Map<String, Acl.Action> ACTIONS = new LinkedHashMap<>();
  private static final Map<String, Acl.Match> MATCHES = new LinkedHashMap<>();

  static {
    for (Acl.Direction d : Acl.Direction.values()) {
      DIRECTIONS.put(d.name().toLowerCase(), d);
    }
    for (Acl.Action a : Acl.Action.values()) {
      ACTIONS.put(a.name().toLowerCase(), a);
    }
    for (Acl.Match m : Acl.Match.values()) {
      MATCHES.put(m.name().toLowerCase(), m);
    }
  }

  private final Ctx ctx;
  private final Registry registry;

  AclBinder(Ctx ctx, Registry registry) {
    this.ctx = ctx;
    this.registry = registry;
  }

  List<Acl> bind(List<JsonNode> entries, String listPath) {
    List<Acl> acls = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(listPath, i);
      Obj entry =
          Obj.of(
              ctx,
              entries.get(i),
              path,
              "acl",
              List.of("host", "direction"),
              List.of("default", "rules"));
      if (entry == null) {
        continue;
      }
      List<Host> hosts = hosts(entry);
      Acl.Direction direction = entry.choice("direction", DIRECTIONS, null);
      Acl.Action defaultAction = entry.choice("default", ACTIONS, Acl.Action.ALLOW);
      List<AclRule> rules = new ArrayList<>();
      List<JsonNode> ruleNodes = entry.list("rules");
      for (int j = 0; j < ruleNodes.size(); j++) {
        AclRule rule = rule(ruleNodes.get(j), Paths.index(entry.path("rules"), j));
        if (rule != null) {
          rules.add(rule);
        }
      }
      if (direction == null) {
        continue;
      }
      for (Host host : hosts) {
        acls.add(new Acl(host.name(), direction, defaultAction, rules));
      }
    }
    return acls;
  }

  private List<Host> hosts(Obj entry) {
    String ref = entry.text("host");
    if (ref == null) {
      return List.of();
    }
    if (!Glob.isGlob(ref)) {
      Host host = registry.ref(registry.hosts, "host", ref, entry.path("host"));
      return host == null ? List.of() : List.of(host);
    }
    Pattern pattern = Glob.compile(ref);
    List<Host> matched = new ArrayList<>();
    for (Host host : registry.hosts.values()) {
      if (pattern.matcher(host.name()).matches()) {
        matched.add(host);
      }
    }
    matched.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
    if (matched.isEmpty()) {
      ctx.at(entry.path("host"), "host pattern '" + ref + "' matches no host");
    }
    return matched;
  }

  private AclRule rule(JsonNode node, String path) {
    Obj rule =
        Obj.of(
            ctx,
            node,
            path,
            "acl rule",
            List.of("action"),
            List.of("protocol", "src", "dst", "srcPort", "dstPort"));
    if (rule == null) {
      return null;
    }
    int before = ctx.size();
    Acl.Action action = rule.choice("action", ACTIONS, null);
    Acl.Match protocol = rule.choice("protocol", MATCHES, Acl.Match.ANY);
    Cidr src = rule.cidr("src");
    Cidr dst = rule.cidr("dst");
    PortRange srcPort = ports(rule, "srcPort");
    PortRange dstPort = ports(rule, "dstPort");
    if ((srcPort != null || dstPort != null)
        && protocol != Acl.Match.TCP
        && protocol != Acl.Match.UDP) {
      ctx.at(path, "ports match only with protocol tcp or udp");
    }
    if (ctx.size() != before || action == null) {
      return null;
    }
    return new AclRule(
        action,
        protocol,
        Optional.ofNullable(src),
        Optional.ofNullable(dst),
        Optional.ofNullable(srcPort),
        Optional.ofNullable(dstPort));
  }

  private PortRange ports(Obj rule, String key) {
    JsonNode value = rule.get(key);
    if (value == null) {
      return null;
    }
    if (value.isIntegralNumber()) {
      Long port = rule.integer(key, Bounds.ACL_PORT.min(), Bounds.ACL_PORT.max());
      return port == null ? null : new PortRange(port.intValue(), port.intValue());
    }
    Matcher matcher = value.isTextual() ? RANGE.matcher(value.asText().trim()) : null;
    if (matcher == null || !matcher.matches()) {
      ctx.at(
          rule.path(key), "must be a port (53) or a range (1000-2000), not " + Obj.describe(value));
      return null;
    }
    int first = Integer.parseInt(matcher.group(1));
    int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
    if (first > 65535 || last > 65535 || first > last) {
      ctx.at(rule.path(key), "port range " + value.asText() + " must lie in 0..65535, low to high");
      return null;
    }
    return new PortRange(first, last);
  }
}
