package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ContainerPort;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;
import org.overlaysim.scenario.Namespace;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Protocol;

/**
 * Binds {@code containers}: expands {@code count} entries over the hosts their glob matches
 * (round-robin, hosts in natural name order), then allocates addresses per overlay as Docker's IPAM
 * does: the gateway (.1) is reserved, explicit addresses are reserved next, the rest are handed out
 * in file order from the lowest free address.
 */
final class ContainerBinder {
  static final List<String> REQUIRED = List.of("name", "host", "overlay");
  static final List<String> OPTIONAL =
      List.of("namespace", "labels", "ip", "mac", "mtu", "ports", "count", "group");

  /** IANA_SVC_NAME, the syntax of Kubernetes named ports. */
  static final Pattern PORT_NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?");

  static final Map<String, Protocol> PROTOCOLS = new LinkedHashMap<>();

  static {
    for (Protocol p : Protocol.values()) {
      PROTOCOLS.put(p.name(), p);
    }
  }

  private final Ctx ctx;
  private final Registry registry;
  private final Map<String, List<Host>> globCache = new HashMap<>();
  private List<Host> hostsInNameOrder;
  private final Map<String, String> macPaths = new HashMap<>();

  private record Draft(
      String path,
      String name,
      String group,
      Host host,
      Overlay overlay,
      String namespace,
      Map<String, String> labels,
      Ipv4 ip,
      MacAddress mac,
      int mtu,
      List<ContainerPort> ports) {}

  ContainerBinder(Ctx ctx, Registry registry) {
    this.ctx = ctx;
    this.registry = registry;
  }

  List<Container> bind(List<JsonNode> entries, String listPath) {
    List<Draft> drafts = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      expand(entries.get(i), Paths.index(listPath, i), drafts);
    }
    checkGroupNames(drafts);
    Map<String, Ipv4> addresses = allocate(drafts);
    List<Container> containers = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      Ipv4 ip = addresses.get(d.name());
      if (ip == null) {
        continue;
      }
      containers.add(
          new Container(
              d.name(),
              d.group(),
              d.host().name(),
              d.overlay().name(),
              d.namespace(),
              d.labels(),
              ip,
              d.mac() != null ? d.mac() : MacAddress.dockerStyle(ip),
              d.mtu(),
              d.ports()));
    }
    checkMacs(containers);
    return containers;
  }

  /** A MAC given by hand must not repeat inside one overlay (one L2 domain). */
  private void checkMacs(List<Container> containers) {
    Map<String, Map<Long, String>> byOverlay = new HashMap<>();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      String first =
          byOverlay
              .computeIfAbsent(c.overlay(), o -> new HashMap<>())
              .putIfAbsent(c.mac().bits(), c.name());
      if (first != null) {
        ctx.at(
            macPaths.getOrDefault(c.name(), ""),
            "mac "
                + c.mac()
                + " is already the address of container '"
                + first
                + "' in overlay '"
                + c.overlay()
                + "'");
      }
    }
  }

  private void expand(JsonNode node, String path, List<Draft> drafts) {
    Obj entry = Obj.of(ctx, node, path, "container", REQUIRED, OPTIONAL);
    if (entry == null) {
      return;
    }
    String name = entry.name("name");
    Long count = entry.integer("count", Bounds.CONTAINER_COUNT.min(), Bounds.CONTAINER_COUNT.max());
    String hostRef = entry.text("host");
    List<Host> hosts = hostRef == null ? List.of() : hosts(entry, hostRef);
    Overlay overlay =
        registry.ref(registry.overlays, "overlay", entry.text("overlay"), entry.path("overlay"));
    String namespaceName = entry.text("namespace", Namespace.DEFAULT);
    Namespace namespace =
        registry.ref(registry.namespaces, "namespace", namespaceName, entry.path("namespace"));
    Map<String, String> labels = Checks.sortedLabels(entry.labels("labels"));
    Ipv4 ip = entry.ipv4("ip");
    MacAddress mac = mac(entry);
    Long mtu = entry.integer("mtu", Bounds.MTU.min(), Bounds.MTU.max());
    List<ContainerPort> ports = ports(entry);
    String group = entry.name("group");
    if (entry.has("count")) {
      if (entry.has("ip")) {
        ctx.at(entry.path("ip"), "containers made with count get addresses allocated; drop ip");
      }
      if (entry.has("mac")) {
        ctx.at(entry.path("mac"), "containers made with count get MACs allocated; drop mac");
      }
    } else if (hostRef != null && Glob.isGlob(hostRef)) {
      ctx.at(entry.path("host"), "a host pattern spreads containers made with count; add count");
      return;
    }
    if (name == null || hosts.isEmpty() || overlay == null || namespace == null) {
      return;
    }
    if (entry.has("count") && count == null) {
      return;
    }
    int n = count == null ? 1 : count.intValue();
    int containerMtu = mtu == null ? overlay.mtu() : mtu.intValue();
    String groupName = group != null ? group : name;
    if (!entry.has("count")) {
      if (registry.claim("container", "container", name, entry.path("name"))) {
        if (mac != null) {
          macPaths.put(name, entry.path("mac"));
        }
        drafts.add(
            new Draft(
                path,
                name,
                groupName,
                hosts.get(0),
                overlay,
                namespace.name(),
                labels,
                ip,
                mac,
                containerMtu,
                ports));
        registry.containers.put(name, Boolean.TRUE);
        registry.containerGroups.computeIfAbsent(groupName, g -> new ArrayList<>()).add(name);
      }
      return;
    }
    List<String> members =
        registry.containerGroups.computeIfAbsent(groupName, g -> new ArrayList<>());
    for (int i = 0; i < n; i++) {
      String member = name + "-" + (i + 1);
      if (!registry.claim("container", "container", member, entry.path("name"))) {
        continue;
      }
      drafts.add(
          new Draft(
              path,
              member,
              groupName,
              hosts.get(i % hosts.size()),
              overlay,
              namespace.name(),
              labels,
              null,
              null,
              containerMtu,
              ports));
      registry.containers.put(member, Boolean.TRUE);
      members.add(member);
    }
  }

  /** The hosts a host reference names: one host, or every host a glob matches, by name. */
  private List<Host> hosts(Obj entry, String ref) {
    if (!Glob.isGlob(ref)) {
      Host host = registry.ref(registry.hosts, "host", ref, entry.path("host"));
      return host == null ? List.of() : List.of(host);
    }
    List<Host> matched =
        globCache.computeIfAbsent(
            ref,
            glob -> {
              Pattern pattern = Glob.compile(glob);
              List<Host> found = new ArrayList<>();
              for (Host host : hostsInNameOrder()) {
                if (pattern.matcher(host.name()).matches()) {
                  found.add(host);
                }
              }
              return found;
            });
    if (matched.isEmpty()
        && !registry.declaredMatch("host", Glob.compile(ref).asMatchPredicate())) {
      ctx.at(
          entry.path("host"),
          "host pattern '"
              + ref
              + "' matches no host"
              + Suggest.known(ref, new ArrayList<>(registry.hosts.keySet())));
    }
    return matched;
  }

  private List<Host> hostsInNameOrder() {
    if (hostsInNameOrder == null) {
      hostsInNameOrder = new ArrayList<>(registry.hosts.values());
      hostsInNameOrder.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
    }
    return hostsInNameOrder;
  }

  private MacAddress mac(Obj entry) {
    String text = entry.text("mac");
    if (text == null) {
      return null;
    }
    try {
      MacAddress mac = MacAddress.parse(text);
      if (mac.isMulticast()) {
        ctx.at(
            entry.path("mac"),
            "mac " + text + " is a multicast address; an interface needs a unicast one");
        return null;
      }
      return mac;
    } catch (IllegalArgumentException e) {
      ctx.at(entry.path("mac"), e.getMessage());
      return null;
    }
  }

  private List<ContainerPort> ports(Obj entry) {
    List<ContainerPort> ports = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonNode> list = entry.list("ports");
    for (int i = 0; i < list.size(); i++) {
      String path = Paths.index(entry.path("ports"), i);
      Obj port =
          Obj.of(
              ctx,
              list.get(i),
              path,
              "container port",
              List.of("containerPort"),
              List.of("name", "protocol"));
      if (port == null) {
        continue;
      }
      Long number = port.integer("containerPort", Bounds.PORT.min(), Bounds.PORT.max());
      Protocol protocol = port.choice("protocol", PROTOCOLS, Protocol.TCP);
      String name = port.text("name", "");
      if (!name.isEmpty() && (name.length() > 15 || !PORT_NAME.matcher(name).matches())) {
        ctx.at(
            port.path("name"),
            "port name '"
                + name
                + "' must be at most 15 characters of [a-z0-9-] with a letter (IANA service name)");
        continue;
      }
      if (!name.isEmpty() && !names.add(name)) {
        ctx.at(port.path("name"), "duplicate port name '" + name + "' in this container");
        continue;
      }
      if (number != null) {
        ports.add(new ContainerPort(name, number.intValue(), protocol));
      }
    }
    return ports;
  }

  /** A group name must not be another container's name, or traffic `from:` would be ambiguous. */
  private void checkGroupNames(List<Draft> drafts) {
    Set<String> reported = new HashSet<>();
    for (Draft d : drafts) {
      if (!d.group().equals(d.name())
          && registry.containers.containsKey(d.group())
          && reported.add(d.group())) {
        ctx.at(
            d.path(),
            "group '"
                + d.group()
                + "' has the name of a container; traffic naming it would be ambiguous");
      }
    }
  }

  private Map<String, Ipv4> allocate(List<Draft> drafts) {
    Map<String, Ipv4> addresses = new HashMap<>();
    Map<String, Map<Integer, String>> usedByOverlay = new HashMap<>();
    for (Draft d : drafts) {
      if (d.ip() == null) {
        continue;
      }
      Overlay overlay = d.overlay();
      String path = Paths.field(d.path(), "ip");
      String problem = explicitAddressProblem(overlay, d.ip());
      if (problem != null) {
        ctx.at(path, problem);
        continue;
      }
      Map<Integer, String> used =
          usedByOverlay.computeIfAbsent(overlay.name(), o -> new HashMap<>());
      String first = used.putIfAbsent(d.ip().bits(), d.name());
      if (first != null) {
        ctx.at(
            path,
            "ip "
                + d.ip()
                + " is already used by container '"
                + first
                + "' in overlay '"
                + overlay.name()
                + "'");
        continue;
      }
      addresses.put(d.name(), d.ip());
    }
    Map<String, Ipv4> cursors = new HashMap<>();
    Set<String> full = new HashSet<>();
    for (Draft d : drafts) {
      if (d.ip() != null) {
        continue;
      }
      Overlay overlay = d.overlay();
      if (full.contains(overlay.name())) {
        continue;
      }
      Map<Integer, String> used =
          usedByOverlay.computeIfAbsent(overlay.name(), o -> new HashMap<>());
      Ipv4 next = cursors.getOrDefault(overlay.name(), overlay.gateway().plus(1));
      Ipv4 last = overlay.subnet().lastUsable();
      while (next.compareTo(last) <= 0 && used.containsKey(next.bits())) {
        next = next.plus(1);
      }
      if (next.compareTo(last) > 0) {
        full.add(overlay.name());
        ctx.at(
            d.path(),
            "overlay '"
                + overlay.name()
                + "' is full: subnet "
                + overlay.subnet()
                + " holds "
                + (overlay.subnet().usableCount() - 1)
                + " container addresses (gateway reserved); container '"
                + d.name()
                + "' gets none");
        continue;
      }
      used.put(next.bits(), d.name());
      addresses.put(d.name(), next);
      cursors.put(overlay.name(), next.plus(1));
    }
    return addresses;
  }

  private static String explicitAddressProblem(Overlay overlay, Ipv4 ip) {
    if (!overlay.subnet().contains(ip)) {
      return "ip "
          + ip
          + " is outside subnet "
          + overlay.subnet()
          + " of overlay '"
          + overlay.name()
          + "'";
    }
    if (ip.equals(overlay.subnet().network())) {
      return "ip " + ip + " is the network address of " + overlay.subnet();
    }
    if (ip.equals(overlay.subnet().broadcast())) {
      return "ip " + ip + " is the broadcast address of " + overlay.subnet();
    }
    if (ip.equals(overlay.gateway())) {
      return "ip "
          + ip
          + " is the gateway address of overlay '"
          + overlay.name()
          + "' (reserved, as Docker does)";
    }
    return null;
  }
}
