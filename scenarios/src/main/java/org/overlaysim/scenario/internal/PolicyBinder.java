package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.IpBlock;
import org.overlaysim.scenario.LabelRequirement;
import org.overlaysim.scenario.LabelSelector;
import org.overlaysim.scenario.Namespace;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.PolicyPeer;
import org.overlaysim.scenario.PolicyPort;
import org.overlaysim.scenario.PolicyRule;
import org.overlaysim.scenario.PolicyType;
import org.overlaysim.scenario.Protocol;

/**
 * Binds {@code policies}: Kubernetes networking.k8s.io/v1 NetworkPolicy objects, checked as the API
 * server validates them (protocols, port ranges, selector operators, ipBlock excepts).
 */
final class PolicyBinder {
  static final String API_VERSION = "networking.k8s.io/v1";
  private static final Map<String, PolicyType> TYPES = new LinkedHashMap<>();
  private static final Map<String, LabelRequirement.Operator> OPERATORS = new LinkedHashMap<>();

  static {
    for (PolicyType t : PolicyType.values()) {
      TYPES.put(t.name(), t);
    }
    for (LabelRequirement.Operator o : LabelRequirement.Operator.values()) {
      OPERATORS.put(o.name(), o);
    }
  }

  private final Ctx ctx;
  private final Registry registry;

  PolicyBinder(Ctx ctx, Registry registry) {
    this.ctx = ctx;
    this.registry = registry;
  }

  List<NetworkPolicy> bind(List<JsonNode> entries, String listPath) {
    List<NetworkPolicy> policies = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      NetworkPolicy policy = policy(entries.get(i), Paths.index(listPath, i));
      if (policy != null) {
        policies.add(policy);
      }
    }
    return policies;
  }

  private NetworkPolicy policy(JsonNode node, String path) {
    Obj entry =
        Obj.of(
            ctx,
            node,
            path,
            "NetworkPolicy",
            List.of("apiVersion", "kind", "metadata", "spec"),
            List.of());
    if (entry == null) {
      return null;
    }
    String apiVersion = entry.text("apiVersion");
    if (apiVersion != null && !apiVersion.equals(API_VERSION)) {
      ctx.at(
          entry.path("apiVersion"),
          "apiVersion must be " + API_VERSION + ", not '" + apiVersion + "'");
    }
    String kind = entry.text("kind");
    if (kind != null && !kind.equals("NetworkPolicy")) {
      ctx.at(entry.path("kind"), "kind must be NetworkPolicy, not '" + kind + "'");
    }
    Obj metadata =
        entry.child(
            "metadata", "metadata", List.of("name"), List.of("namespace", "labels", "annotations"));
    String name = metadata == null ? null : metadata.name("name");
    String namespace =
        metadata == null ? Namespace.DEFAULT : metadata.text("namespace", Namespace.DEFAULT);
    if (metadata != null) {
      registry.ref(registry.namespaces, "namespace", namespace, metadata.path("namespace"));
      metadata.labels("labels");
    }
    Obj spec =
        entry.child(
            "spec",
            "NetworkPolicy spec",
            List.of("podSelector"),
            List.of("policyTypes", "ingress", "egress"));
    if (spec == null) {
      return null;
    }
    LabelSelector podSelector = selector(spec, "podSelector");
    List<PolicyRule> ingress = rules(spec, "ingress", "from");
    List<PolicyRule> egress = rules(spec, "egress", "to");
    List<PolicyType> types = new ArrayList<>();
    // An empty list is no list: the API server defaults both alike (SetDefaults_NetworkPolicy
    // tests len(PolicyTypes) == 0), so `policyTypes: []` still isolates for ingress.
    if (spec.get("policyTypes") != null && !spec.list("policyTypes").isEmpty()) {
      List<JsonNode> given = spec.list("policyTypes");
      for (int i = 0; i < given.size(); i++) {
        JsonNode value = given.get(i);
        String text = value.isTextual() ? value.asText() : null;
        PolicyType type = text == null ? null : TYPES.get(text);
        if (type == null) {
          ctx.at(
              Paths.index(spec.path("policyTypes"), i),
              (text == null ? Obj.describe(value) : "'" + text + "'")
                  + " is not a policy type (Ingress, Egress)"
                  + (text == null ? "" : Suggest.didYouMean(text, TYPES.keySet())));
        } else if (!types.contains(type)) {
          types.add(type);
        }
      }
    } else {
      // The API server's defaulting: Ingress always, Egress when egress rules exist.
      types.add(PolicyType.Ingress);
      if (!egress.isEmpty()) {
        types.add(PolicyType.Egress);
      }
    }
    if (name == null || podSelector == null) {
      return null;
    }
    if (!registry.claim("policy/" + namespace, "policy", name, metadata.path("name"))) {
      return null;
    }
    return new NetworkPolicy(name, namespace, podSelector, types, ingress, egress);
  }

  private List<PolicyRule> rules(Obj spec, String key, String peersKey) {
    List<PolicyRule> rules = new ArrayList<>();
    List<JsonNode> entries = spec.list(key);
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(spec.path(key), i);
      Obj rule =
          Obj.of(ctx, entries.get(i), path, key + " rule", List.of(), List.of(peersKey, "ports"));
      if (rule == null) {
        continue;
      }
      List<PolicyPeer> peers = new ArrayList<>();
      List<JsonNode> peerNodes = rule.list(peersKey);
      for (int j = 0; j < peerNodes.size(); j++) {
        PolicyPeer peer = peer(peerNodes.get(j), Paths.index(rule.path(peersKey), j));
        if (peer != null) {
          peers.add(peer);
        }
      }
      List<PolicyPort> ports = new ArrayList<>();
      List<JsonNode> portNodes = rule.list("ports");
      for (int j = 0; j < portNodes.size(); j++) {
        PolicyPort port = port(portNodes.get(j), Paths.index(rule.path("ports"), j));
        if (port != null) {
          ports.add(port);
        }
      }
      rules.add(new PolicyRule(peers, ports));
    }
    return rules;
  }

  private PolicyPeer peer(JsonNode node, String path) {
    Obj peer =
        Obj.of(
            ctx,
            node,
            path,
            "peer",
            List.of(),
            List.of("podSelector", "namespaceSelector", "ipBlock"));
    if (peer == null) {
      return null;
    }
    boolean selectors = peer.get("podSelector") != null || peer.get("namespaceSelector") != null;
    boolean block = peer.get("ipBlock") != null;
    // An empty selector `{}` is present (selects all); YAML `podSelector:` with no value is null.
    selectors |= peer.node().has("podSelector") || peer.node().has("namespaceSelector");
    if (selectors && block) {
      ctx.at(path, "ipBlock cannot be combined with podSelector or namespaceSelector in one peer");
      return null;
    }
    if (!selectors && !block) {
      ctx.at(path, "a peer needs podSelector, namespaceSelector or ipBlock");
      return null;
    }
    if (block) {
      IpBlock ipBlock = ipBlock(peer);
      return ipBlock == null
          ? null
          : new PolicyPeer(Optional.empty(), Optional.empty(), Optional.of(ipBlock));
    }
    LabelSelector pods = peer.node().has("podSelector") ? selector(peer, "podSelector") : null;
    LabelSelector namespaces =
        peer.node().has("namespaceSelector") ? selector(peer, "namespaceSelector") : null;
    if ((peer.node().has("podSelector") && pods == null)
        || (peer.node().has("namespaceSelector") && namespaces == null)) {
      return null;
    }
    return new PolicyPeer(
        Optional.ofNullable(pods), Optional.ofNullable(namespaces), Optional.empty());
  }

  private IpBlock ipBlock(Obj peer) {
    Obj block = peer.child("ipBlock", "ipBlock", List.of("cidr"), List.of("except"));
    if (block == null) {
      return null;
    }
    Cidr cidr = block.cidr("cidr");
    List<Cidr> except = new ArrayList<>();
    List<JsonNode> nodes = block.list("except");
    for (int i = 0; i < nodes.size(); i++) {
      String path = Paths.index(block.path("except"), i);
      JsonNode value = nodes.get(i);
      try {
        Cidr excluded = Cidr.parse(value.isTextual() ? value.asText() : Obj.describe(value));
        if (cidr != null && (!cidr.contains(excluded) || excluded.equals(cidr))) {
          ctx.at(path, "except " + excluded + " must lie strictly inside cidr " + cidr);
        } else {
          except.add(excluded);
        }
      } catch (IllegalArgumentException e) {
        ctx.at(path, e.getMessage());
      }
    }
    return cidr == null ? null : new IpBlock(cidr, except);
  }

  private PolicyPort port(JsonNode node, String path) {
    Obj port =
        Obj.of(ctx, node, path, "policy port", List.of(), List.of("protocol", "port", "endPort"));
    if (port == null) {
      return null;
    }
    Protocol protocol = port.choice("protocol", ContainerBinder.PROTOCOLS, Protocol.TCP);
    JsonNode value = port.get("port");
    OptionalInt number = OptionalInt.empty();
    Optional<String> named = Optional.empty();
    boolean ok = true;
    if (value != null) {
      if (value.isIntegralNumber()) {
        Long p = port.integer("port", 1, 65535);
        ok = p != null;
        number = p == null ? OptionalInt.empty() : OptionalInt.of(p.intValue());
      } else if (value.isTextual()
          && value.asText().length() <= 15
          && ContainerBinder.PORT_NAME.matcher(value.asText()).matches()) {
        named = Optional.of(value.asText());
      } else {
        ctx.at(
            port.path("port"),
            "port must be a number 1..65535 or a named port (IANA service name), not "
                + Obj.describe(value));
        ok = false;
      }
    }
    OptionalInt endPort = OptionalInt.empty();
    if (port.get("endPort") != null) {
      Long end = port.integer("endPort", 1, 65535);
      if (named.isPresent() || (value == null && ok)) {
        ctx.at(port.path("endPort"), "endPort needs a numeric port");
        ok = false;
      } else if (end != null && number.isPresent() && end < number.getAsInt()) {
        ctx.at(port.path("endPort"), "endPort " + end + " is below port " + number.getAsInt());
        ok = false;
      } else if (end == null) {
        ok = false;
      } else {
        endPort = OptionalInt.of(end.intValue());
      }
    }
    return ok ? new PolicyPort(protocol, number, named, endPort) : null;
  }

  /** A label selector; null (after reporting) when malformed. */
  private LabelSelector selector(Obj parent, String key) {
    JsonNode node = parent.node().get(key);
    String path = parent.path(key);
    if (node == null) {
      return null;
    }
    if (node.isNull()) {
      return LabelSelector.ALL;
    }
    Obj selector =
        Obj.of(
            ctx,
            node,
            path,
            "label selector",
            List.of(),
            List.of("matchLabels", "matchExpressions"));
    if (selector == null) {
      return null;
    }
    int before = ctx.size();
    Map<String, String> labels = selector.labels("matchLabels");
    List<LabelRequirement> requirements = new ArrayList<>();
    List<JsonNode> expressions = selector.list("matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      String expressionPath = Paths.index(selector.path("matchExpressions"), i);
      Obj expression =
          Obj.of(
              ctx,
              expressions.get(i),
              expressionPath,
              "match expression",
              List.of("key", "operator"),
              List.of("values"));
      if (expression == null) {
        continue;
      }
      String labelKey = expression.text("key");
      if (labelKey != null && Obj.labelKeyProblem(labelKey) != null) {
        ctx.at(expression.path("key"), Obj.labelKeyProblem(labelKey));
      }
      LabelRequirement.Operator operator = expression.choice("operator", OPERATORS, null);
      List<String> values = new ArrayList<>();
      List<JsonNode> valueNodes = expression.list("values");
      for (int j = 0; j < valueNodes.size(); j++) {
        JsonNode value = valueNodes.get(j);
        if (!value.isValueNode() || value.isNull()) {
          ctx.at(
              Paths.index(expression.path("values"), j),
              "a label value must be text, not " + Obj.describe(value));
        } else {
          values.add(Obj.scalarText(value));
        }
      }
      if (operator == null || labelKey == null) {
        continue;
      }
      boolean needsValues =
          operator == LabelRequirement.Operator.In || operator == LabelRequirement.Operator.NotIn;
      if (needsValues && values.isEmpty()) {
        ctx.at(expressionPath, "operator " + operator + " needs a non-empty 'values' list");
      } else if (!needsValues && expression.get("values") != null && !values.isEmpty()) {
        ctx.at(expression.path("values"), "operator " + operator + " takes no values");
      } else {
        requirements.add(
            new LabelRequirement(labelKey, operator, needsValues ? values : List.of()));
      }
    }
    return ctx.size() == before ? new LabelSelector(labels, requirements) : null;
  }
}
