package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Acl;
import org.overlaysim.scenario.AclRule;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ContainerPort;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.IpBlock;
import org.overlaysim.scenario.LabelSelector;
import org.overlaysim.scenario.Namespace;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.PolicyPeer;
import org.overlaysim.scenario.PolicyPort;
import org.overlaysim.scenario.PolicyRule;
import org.overlaysim.scenario.PolicyType;
import org.overlaysim.scenario.PortRange;
import org.overlaysim.scenario.Protocol;
import org.overlaysim.scenario.Scenario;

/**
 * Renders NetworkPolicies and VTEP ACLs to nftables, one script per host namespace, with the
 * semantics of {@code org.overlaysim.overlay.policy} (PolicyEngine, AclChain, Reachability).
 *
 * <p>Policies: table {@code inet osim}, chain on the forward hook. {@code ct state
 * established,related accept} first (replies of allowed connections, RFC-style conntrack), then for
 * each local pod isolated for egress a jump on packets it sends, for each local pod isolated for
 * ingress a jump on packets to it. The pod's chain returns when any rule of any policy selecting it
 * matches (policies only allow and add up) and ends in a counted drop. Bridged frames reach the
 * inet hooks through br_netfilter, which names the bridge as both input and output device; routed
 * overlays name the container's host-side veth.
 *
 * <p>ACLs: stateless and ordered, replies included, only on frames crossing the host's VTEP: bridge
 * family on the tunnel ports for bridged overlays, inet family on the tunnel or underlay device for
 * routed ones. Non-IPv4 frames (ARP) always pass.
 */
public final class NftRenderer {
  public static final String TABLE = "osim";
  public static final String POLICY_DENY = "policy_deny";
  public static final String ACL_DENY = "acl_deny";
  public static final String ISOLATION_DENY = "vni_mismatch";
  private static final String TCP_UDP_SCTP = "{ tcp, udp, sctp }";

  private final Scenario scenario;
  private final Names names;
  private final Map<String, Map<String, String>> namespaceLabels = new LinkedHashMap<>();
  private final Map<String, Integer> hostIndex = new LinkedHashMap<>();
  private final Map<String, Integer> overlayIndex = new LinkedHashMap<>();

  public NftRenderer(Scenario scenario, Names names) {
    this.scenario = scenario;
    this.names = names;
    for (Namespace namespace : scenario.namespaces()) {
      Map<String, String> labels = new LinkedHashMap<>(namespace.labels());
      labels.putIfAbsent(Namespace.NAME_LABEL, namespace.name());
      namespaceLabels.put(namespace.name(), labels);
    }
    for (Container c : scenario.containers()) {
      namespaceLabels.putIfAbsent(c.namespace(), Map.of(Namespace.NAME_LABEL, c.namespace()));
    }
    for (NetworkPolicy p : scenario.policies()) {
      namespaceLabels.putIfAbsent(p.namespace(), Map.of(Namespace.NAME_LABEL, p.namespace()));
    }
    for (int h = 0; h < scenario.hosts().size(); h++) {
      hostIndex.put(scenario.hosts().get(h).name(), h);
    }
    for (int o = 0; o < scenario.overlays().size(); o++) {
      overlayIndex.put(scenario.overlays().get(o).name(), o);
    }
  }

  public NftRules render() {
    Map<Integer, String> scripts = new TreeMap<>();
    Set<Integer> conntrack = new LinkedHashSet<>();
    for (int h = 0; h < scenario.hosts().size(); h++) {
      StringBuilder script = new StringBuilder();
      boolean policies = inetTable(h, script);
      bridgeTable(h, script);
      if (script.length() > 0) {
        scripts.put(h, script.toString());
      }
      if (policies) {
        conntrack.add(h);
      }
    }
    return new NftRules(scripts, conntrack);
  }

  /** Whether the pod is selected, for the direction, by some policy: Kubernetes isolation. */
  public List<NetworkPolicy> selecting(Container pod, PolicyType direction) {
    List<NetworkPolicy> selecting = new ArrayList<>();
    for (NetworkPolicy policy : scenario.policies()) {
      if (policy.isolates(direction)
          && policy.namespace().equals(pod.namespace())
          && policy.podSelector().matches(pod.labels())) {
        selecting.add(policy);
      }
    }
    return selecting;
  }

  /** Returns whether the table holds policy chains (which need conntrack of bridged frames). */
  private boolean inetTable(int h, StringBuilder script) {
    String hostName = scenario.hosts().get(h).name();
    List<String> hook = new ArrayList<>();
    List<String> chains = new ArrayList<>();
    boolean bridgedPolicies = false;
    // Routed overlays share the host's routing table: keep each overlay to its own subnet.
    if (scenario.overlays().size() > 1) {
      for (int c = 0; c < scenario.containers().size(); c++) {
        Container pod = scenario.containers().get(c);
        Overlay overlay = overlay(pod);
        if (pod.host().equals(hostName) && routed(overlay)) {
          String port = quote(names.containerPort(c));
          hook.add(
              "iifname "
                  + port
                  + " ip daddr != "
                  + overlay.subnet()
                  + " counter name "
                  + ISOLATION_DENY
                  + " drop");
          hook.add(
              "oifname "
                  + port
                  + " ip saddr != "
                  + overlay.subnet()
                  + " counter name "
                  + ISOLATION_DENY
                  + " drop");
        }
      }
    }
    List<String> routedVteps = routedVtepDevices(h);
    if (!routedVteps.isEmpty()) {
      String devices =
          "{ " + String.join(", ", routedVteps.stream().map(NftRenderer::quote).toList()) + " }";
      String prefix = "meta nfproto ipv4 ";
      if (aclChain(hostName, Acl.Direction.INGRESS, "acl_in", prefix, chains)) {
        hook.add("iifname " + devices + " jump acl_in");
      }
      if (aclChain(hostName, Acl.Direction.EGRESS, "acl_out", prefix, chains)) {
        hook.add("oifname " + devices + " jump acl_out");
      }
    }
    List<String> podJumps = new ArrayList<>();
    for (int c = 0; c < scenario.containers().size(); c++) {
      Container pod = scenario.containers().get(c);
      if (!pod.host().equals(hostName)) {
        continue;
      }
      boolean routed = routed(overlay(pod));
      String device =
          routed ? names.containerPort(c) : names.bridge(overlayIndex.get(pod.overlay()));
      List<NetworkPolicy> egress = selecting(pod, PolicyType.Egress);
      if (!egress.isEmpty()) {
        String chain = "egress_c" + c;
        podJumps.add("iifname " + quote(device) + " ip saddr " + pod.ip() + " jump " + chain);
        chains.add(podChain(chain, pod, egress, PolicyType.Egress));
        bridgedPolicies |= !routed;
      }
      List<NetworkPolicy> ingress = selecting(pod, PolicyType.Ingress);
      if (!ingress.isEmpty()) {
        String chain = "ingress_c" + c;
        podJumps.add("oifname " + quote(device) + " ip daddr " + pod.ip() + " jump " + chain);
        chains.add(podChain(chain, pod, ingress, PolicyType.Ingress));
        bridgedPolicies |= !routed;
      }
    }
    if (!podJumps.isEmpty()) {
      hook.add("ct state established,related accept");
      hook.addAll(podJumps);
    }
    if (hook.isEmpty()) {
      return false;
    }
    script.append("table inet ").append(TABLE).append(" {\n");
    for (String counter : List.of(POLICY_DENY, ACL_DENY, ISOLATION_DENY)) {
      script.append("  counter ").append(counter).append(" {\n  }\n");
    }
    if (bridgedPolicies) {
      // One conntrack zone per overlay: tenants may reuse addresses (and 5-tuples) on one host.
      script.append("  chain overlay_zones {\n");
      script.append("    type filter hook prerouting priority raw; policy accept;\n");
      for (int o = 0; o < scenario.overlays().size(); o++) {
        Overlay overlay = scenario.overlays().get(o);
        if (!routed(overlay) && member(hostName, overlay)) {
          script
              .append("    iifname ")
              .append(quote(names.bridge(o)))
              .append(" ct zone set ")
              .append(o + 1)
              .append('\n');
        }
      }
      script.append("  }\n");
    }
    script.append("  chain pods_forward {\n");
    script.append("    type filter hook forward priority filter; policy accept;\n");
    hook.forEach(rule -> script.append("    ").append(rule).append('\n'));
    script.append("  }\n");
    chains.forEach(script::append);
    script.append("}\n");
    return bridgedPolicies;
  }

  private void bridgeTable(int h, StringBuilder script) {
    String hostName = scenario.hosts().get(h).name();
    List<String> vteps = bridgedVtepDevices(h);
    if (vteps.isEmpty()) {
      return;
    }
    List<String> chains = new ArrayList<>();
    List<String> hook = new ArrayList<>();
    String devices =
        "{ " + String.join(", ", vteps.stream().map(NftRenderer::quote).toList()) + " }";
    String prefix = "ether type ip ";
    if (aclChain(hostName, Acl.Direction.INGRESS, "acl_in", prefix, chains)) {
      hook.add("iifname " + devices + " jump acl_in");
    }
    if (aclChain(hostName, Acl.Direction.EGRESS, "acl_out", prefix, chains)) {
      hook.add("oifname " + devices + " jump acl_out");
    }
    if (hook.isEmpty()) {
      return;
    }
    script.append("table bridge ").append(TABLE).append(" {\n");
    script.append("  counter ").append(ACL_DENY).append(" {\n  }\n");
    script.append("  chain vtep_forward {\n");
    script.append("    type filter hook forward priority -100; policy accept;\n");
    hook.forEach(rule -> script.append("    ").append(rule).append('\n'));
    script.append("  }\n");
    chains.forEach(script::append);
    script.append("}\n");
  }

  /**
   * The ACL of a host and direction as a chain: rules in file order (several entries for one host
   * and direction read as one list, the first entry's default), allow returns, deny drops.
   */
  private boolean aclChain(
      String host, Acl.Direction direction, String chain, String prefix, List<String> chains) {
    List<AclRule> rules = new ArrayList<>();
    Acl first = null;
    for (Acl acl : scenario.acls()) {
      if (acl.host().equals(host) && acl.direction() == direction) {
        first = first == null ? acl : first;
        rules.addAll(acl.rules());
      }
    }
    if (first == null) {
      return false;
    }
    StringBuilder text = new StringBuilder("  chain ").append(chain).append(" {\n");
    for (AclRule rule : rules) {
      Optional<String> match = aclMatch(rule);
      if (match.isEmpty()) {
        continue; // a rule naming ports for ICMP never matches (AclChain)
      }
      String verdict =
          rule.action() == Acl.Action.ALLOW ? "return" : "counter name " + ACL_DENY + " drop";
      text.append("    ").append(prefix).append(match.get()).append(verdict).append('\n');
    }
    if (first.defaultAction() == Acl.Action.DENY) {
      text.append("    ").append(prefix).append("counter name ").append(ACL_DENY).append(" drop\n");
    }
    text.append("  }\n");
    chains.add(text.toString());
    return true;
  }

  private static Optional<String> aclMatch(AclRule rule) {
    StringBuilder match = new StringBuilder();
    boolean ports = rule.srcPort().isPresent() || rule.dstPort().isPresent();
    switch (rule.protocol()) {
      case ANY -> {
        if (ports) {
          match.append("meta l4proto ").append(TCP_UDP_SCTP).append(' ');
        }
      }
      case TCP -> match.append("meta l4proto tcp ");
      case UDP -> match.append("meta l4proto udp ");
      case ICMP -> {
        if (ports) {
          return Optional.empty();
        }
        match.append("meta l4proto icmp ");
      }
    }
    rule.src().ifPresent(cidr -> match.append("ip saddr ").append(cidr).append(' '));
    rule.dst().ifPresent(cidr -> match.append("ip daddr ").append(cidr).append(' '));
    rule.srcPort().ifPresent(range -> match.append("th sport ").append(range(range)).append(' '));
    rule.dstPort().ifPresent(range -> match.append("th dport ").append(range(range)).append(' '));
    return Optional.of(match.toString());
  }

  private static String range(PortRange range) {
    return range.first() == range.last() ? Integer.toString(range.first()) : range.toString();
  }

  /** The chain of one isolated pod and direction: any matching rule returns, else a drop. */
  private String podChain(
      String chain, Container pod, List<NetworkPolicy> policies, PolicyType direction) {
    StringBuilder text = new StringBuilder("  chain ").append(chain).append(" {\n");
    Set<String> rules = new LinkedHashSet<>();
    for (NetworkPolicy policy : policies) {
      List<PolicyRule> policyRules =
          direction == PolicyType.Ingress ? policy.ingress() : policy.egress();
      for (PolicyRule rule : policyRules) {
        rules.addAll(
            direction == PolicyType.Ingress
                ? ingressMatches(policy, pod, rule)
                : egressMatches(policy, pod, rule));
      }
    }
    for (String match : rules) {
      text.append("    ").append(match).append("return\n");
    }
    text.append("    counter name ").append(POLICY_DENY).append(" drop\n");
    text.append("  }\n");
    return text.toString();
  }

  /** Rule matches at the destination pod: peers are sources, named ports resolve on the pod. */
  private List<String> ingressMatches(NetworkPolicy policy, Container pod, PolicyRule rule) {
    List<String> peers = new ArrayList<>();
    if (rule.peers().isEmpty()) {
      peers.add("");
    }
    for (PolicyPeer peer : rule.peers()) {
      peerMatch(policy, pod, peer, "saddr").ifPresent(peers::add);
    }
    List<String> ports = new ArrayList<>();
    if (rule.ports().isEmpty()) {
      ports.add("");
    }
    for (PolicyPort port : rule.ports()) {
      ports.addAll(portMatches(port, pod));
    }
    List<String> matches = new ArrayList<>();
    for (String peer : peers) {
      for (String port : ports) {
        matches.add(peer + port);
      }
    }
    return matches;
  }

  /**
   * Rule matches at the source pod: peers are destinations. A named port resolves on each
   * destination pod (Kubernetes: for egress, the peer's container port), so such rules are written
   * per destination address.
   */
  private List<String> egressMatches(NetworkPolicy policy, Container pod, PolicyRule rule) {
    List<String> matches = new ArrayList<>();
    List<PolicyPort> numbered = new ArrayList<>();
    List<PolicyPort> named = new ArrayList<>();
    for (PolicyPort port : rule.ports()) {
      (port.namedPort().isPresent() ? named : numbered).add(port);
    }
    List<String> peers = new ArrayList<>();
    if (rule.peers().isEmpty()) {
      peers.add("");
    }
    for (PolicyPeer peer : rule.peers()) {
      peerMatch(policy, pod, peer, "daddr").ifPresent(peers::add);
    }
    List<String> ports = new ArrayList<>();
    if (rule.ports().isEmpty()) {
      ports.add("");
    }
    for (PolicyPort port : numbered) {
      ports.addAll(portMatches(port, null));
    }
    for (String peer : peers) {
      for (String port : ports) {
        matches.add(peer + port);
      }
    }
    for (PolicyPort port : named) {
      for (Container destination : sameOverlay(pod)) {
        if (destination == pod || !peerAdmits(policy, rule, destination)) {
          continue;
        }
        for (String portMatch : portMatches(port, destination)) {
          matches.add("ip daddr " + destination.ip() + " " + portMatch);
        }
      }
    }
    return matches;
  }

  private boolean peerAdmits(NetworkPolicy policy, PolicyRule rule, Container candidate) {
    if (rule.peers().isEmpty()) {
      return true;
    }
    for (PolicyPeer peer : rule.peers()) {
      if (peer.ipBlock().isPresent()
          ? scenario.ipBlockMatchesPods() && peer.ipBlock().get().contains(candidate.ip())
          : selects(policy, peer, candidate)) {
        return true;
      }
    }
    return false;
  }

  /** One peer as an address match, or empty when it selects no pod this pod can talk to. */
  private Optional<String> peerMatch(
      NetworkPolicy policy, Container pod, PolicyPeer peer, String field) {
    if (peer.ipBlock().isPresent()) {
      IpBlock block = peer.ipBlock().get();
      StringBuilder match = new StringBuilder("ip ").append(field).append(' ').append(block.cidr());
      if (!block.except().isEmpty()) {
        match.append(" ip ").append(field).append(" != { ");
        match.append(String.join(", ", block.except().stream().map(Cidr::toString).toList()));
        match.append(" }");
      }
      if (!scenario.ipBlockMatchesPods()) {
        // Cilium: CIDR rules do not apply between the pods it manages (every container here).
        Set<String> pods = new LinkedHashSet<>();
        scenario.containers().forEach(c -> pods.add(c.ip().toString()));
        match.append(" ip ").append(field).append(" != { ");
        match.append(String.join(", ", pods)).append(" }");
      }
      return Optional.of(match.append(' ').toString());
    }
    Set<String> addresses = new LinkedHashSet<>();
    // Only pods of the same overlay can reach this one; others may reuse the same addresses.
    for (Container candidate : sameOverlay(pod)) {
      if (selects(policy, peer, candidate)) {
        addresses.add(candidate.ip().toString());
      }
    }
    if (addresses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("ip " + field + " { " + String.join(", ", addresses) + " } ");
  }

  /** Kubernetes peer selection: podSelector alone = own namespace; namespaceSelector ANDed. */
  private boolean selects(NetworkPolicy policy, PolicyPeer peer, Container candidate) {
    boolean namespaceMatches =
        peer.namespaceSelector().isPresent()
            ? peer.namespaceSelector().get().matches(namespaceLabels.get(candidate.namespace()))
            : candidate.namespace().equals(policy.namespace());
    return namespaceMatches
        && peer.podSelector().orElse(LabelSelector.ALL).matches(candidate.labels());
  }

  /**
   * A port as matches: protocol plus number or range; without a number, every port of the protocol;
   * a named port becomes the numbers {@code destination} declares under that name and protocol
   * (none: no match; a null destination never matches a named port).
   */
  private static List<String> portMatches(PolicyPort port, Container destination) {
    String protocol = "meta l4proto " + protocol(port.protocol()) + " ";
    if (port.namedPort().isPresent()) {
      List<String> matches = new ArrayList<>();
      if (destination == null) {
        return matches;
      }
      for (ContainerPort declared : destination.ports()) {
        if (declared.name().equals(port.namedPort().get())
            && declared.protocol() == port.protocol()) {
          matches.add(protocol + "th dport " + declared.containerPort() + " ");
        }
      }
      return matches;
    }
    if (port.port().isEmpty()) {
      return List.of(protocol);
    }
    int first = port.port().getAsInt();
    int last = port.endPort().isPresent() ? port.endPort().getAsInt() : first;
    return List.of(protocol + "th dport " + (first == last ? first : first + "-" + last) + " ");
  }

  private static String protocol(Protocol protocol) {
    return switch (protocol) {
      case TCP -> "tcp";
      case UDP -> "udp";
      case SCTP -> "sctp";
    };
  }

  private List<Container> sameOverlay(Container pod) {
    List<Container> same = new ArrayList<>();
    for (Container c : scenario.containers()) {
      if (c.overlay().equals(pod.overlay())) {
        same.add(c);
      }
    }
    return same;
  }

  private Overlay overlay(Container c) {
    return scenario.overlays().get(overlayIndex.get(c.overlay()));
  }

  private static boolean routed(Overlay overlay) {
    return overlay.encapsulation() == Encapsulation.IPIP
        || overlay.encapsulation() == Encapsulation.NONE;
  }

  /** The host's tunnel ports of bridged overlays it is a member of. */
  private List<String> bridgedVtepDevices(int h) {
    String hostName = scenario.hosts().get(h).name();
    List<String> devices = new ArrayList<>();
    for (int o = 0; o < scenario.overlays().size(); o++) {
      Overlay overlay = scenario.overlays().get(o);
      if (routed(overlay) || !member(hostName, overlay)) {
        continue;
      }
      if (overlay.encapsulation() == Encapsulation.VXLAN) {
        devices.add(names.vxlan(o));
      } else {
        for (int r = 0; r < scenario.hosts().size(); r++) {
          if (r != h && member(scenario.hosts().get(r).name(), overlay)) {
            devices.add(names.geneve(o, r));
          }
        }
      }
    }
    return devices;
  }

  /** The devices routed overlay traffic enters and leaves the host by. */
  private List<String> routedVtepDevices(int h) {
    String hostName = scenario.hosts().get(h).name();
    Set<String> devices = new LinkedHashSet<>();
    for (int o = 0; o < scenario.overlays().size(); o++) {
      Overlay overlay = scenario.overlays().get(o);
      if (!routed(overlay) || !member(hostName, overlay)) {
        continue;
      }
      devices.add(
          overlay.encapsulation() == Encapsulation.IPIP
              ? names.ipip(o)
              : names.accessLink(hostIndex.get(hostName)));
    }
    return new ArrayList<>(devices);
  }

  private boolean member(String host, Overlay overlay) {
    for (Container c : scenario.containers()) {
      if (c.host().equals(host) && c.overlay().equals(overlay.name())) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String device) {
    return '"' + device + '"';
  }
}
