package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ControlPlane;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.LinkDelay;

/**
 * The commands that build a scenario out of network namespaces, in order: namespaces, underlay veth
 * pairs and static routes, per host a bridge and a tunnel device per overlay (kernel vxlan with
 * static FDB and neighbour entries, or learning plus all-zeros entries; geneve one device per
 * remote; ipip and none routed), container veth pairs with the scenario's MTUs, and the nftables
 * rules. Every veth pair is created from inside a namespace straight into another: nothing is ever
 * created in, or routed to, the namespace the emulator runs in.
 */
public final class NetworkPlan {
  private static final String ZERO_MAC = "00:00:00:00:00:00";

  private final Scenario scenario;
  private final Names names;
  private final List<String> namespaces = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final List<Device> counted = new ArrayList<>();
  private final Map<String, Integer> hostIndex = new LinkedHashMap<>();
  private final Map<String, Integer> overlayIndex = new LinkedHashMap<>();
  private final LinkShaping shaping = LinkShaping.create();

  /**
   * Without netem a delay relay may carry the outer UDP ({@link DelayRelayPlan}): vxlan devices
   * then send it without a UDP checksum ({@code noudpcsum}, as geneve's default), since the DNAT to
   * the relay cannot rewrite a checksum the kernel left to offload.
   */
  private boolean relayable;

  /** A device whose kernel counters the report reads; {@code where} names it as drops.csv does. */
  public record Device(String namespace, String device, String where) {}

  /**
   * The nftables counter (family netdev) of a link direction's random loss, in the receiving
   * namespace; {@code where} names the direction as the simulator's drops.csv: {@code from->to}.
   */
  public record LossCounter(String namespace, String counter, String where) {}

  private NetworkPlan(Scenario scenario, Names names) {
    this.scenario = scenario;
    this.names = names;
    for (int h = 0; h < scenario.hosts().size(); h++) {
      hostIndex.put(scenario.hosts().get(h).name(), h);
    }
    for (int o = 0; o < scenario.overlays().size(); o++) {
      overlayIndex.put(scenario.overlays().get(o).name(), o);
    }
  }

  /**
   * The plan of {@code scenario} with the hosts' nftables rules; {@code netem} whether per-link
   * delay may be added with the netem qdisc.
   */
  public static NetworkPlan build(Scenario scenario, Names names, NftRules nft, boolean netem) {
    NetworkPlan plan = new NetworkPlan(scenario, names);
    plan.namespaces(nft);
    UnderlayRoutes routes = new UnderlayRoutes(scenario);
    plan.underlayLinks(netem);
    plan.accessLinks();
    plan.routerRoutes(routes);
    plan.relayable = !netem;
    plan.overlays();
    plan.containers();
    nft.scripts()
        .forEach(
            (host, script) ->
                plan.steps.add(
                    new Step(
                        List.of("ip", "netns", "exec", names.host(host), "nft", "-f", "-"),
                        script,
                        false)));
    plan.steps.addAll(plan.shaping.lossSteps());
    return plan;
  }

  public List<String> namespaces() {
    return Collections.unmodifiableList(namespaces);
  }

  public List<Step> steps() {
    return Collections.unmodifiableList(steps);
  }

  /** Counters of the links' random loss rules (link-loss in drops.csv). */
  public List<LossCounter> lossCounters() {
    return shaping.lossCounters();
  }

  /** Devices whose drop counters go to drops.csv. */
  public List<Device> countedDevices() {
    return Collections.unmodifiableList(counted);
  }

  public Names names() {
    return names;
  }

  public String containerNamespace(int container) {
    return names.container(container);
  }

  private void namespaces(NftRules nft) {
    for (int r = 0; r < scenario.underlay().routers().size(); r++) {
      addNamespace(names.router(r));
      sysctl(names.router(r), false, "net.ipv4.ip_forward=1");
    }
    for (int h = 0; h < scenario.hosts().size(); h++) {
      addNamespace(names.host(h));
      sysctl(names.host(h), false, "net.ipv4.ip_forward=1");
      // Connection tracking of bridged frames needs br_netfilter; without policies it stays off,
      // so that an oversized frame meets a plain bridge (dropped, never fragmented by netfilter).
      boolean policies = nft.conntrackHosts().contains(h);
      sysctl(
          names.host(h),
          !policies,
          "net.bridge.bridge-nf-call-iptables=" + (policies ? 1 : 0),
          "net.bridge.bridge-nf-call-ip6tables=0",
          "net.bridge.bridge-nf-call-arptables=0");
    }
    for (int c = 0; c < scenario.containers().size(); c++) {
      addNamespace(names.container(c));
    }
  }

  private void addNamespace(String namespace) {
    namespaces.add(namespace);
    steps.add(Step.of("ip", "netns", "add", namespace));
    steps.add(Step.of("ip", "-n", namespace, "link", "set", "lo", "up"));
    // No IPv6: its router solicitations and MLD reports would only add noise to the counters.
    sysctl(
        namespace,
        true,
        "net.ipv6.conf.all.disable_ipv6=1",
        "net.ipv6.conf.default.disable_ipv6=1");
  }

  private void sysctl(String namespace, boolean optional, String... settings) {
    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "sysctl", "-qw"));
    argv.addAll(List.of(settings));
    steps.add(new Step(argv, "", optional));
  }

  private void underlayLinks(boolean netem) {
    List<LinkSpec> links = scenario.underlay().links();
    Map<String, LinkDelay> delays = LinkDelay.of(scenario);
    UnderlayRoutes routes = new UnderlayRoutes(scenario);
    for (int l = 0; l < links.size(); l++) {
      LinkSpec link = links.get(l);
      String a = names.router(routes.router(link.a()));
      String b = names.router(routes.router(link.b()));
      String dev = names.underlayLink(l);
      veth(a, dev, b, dev);
      for (boolean aEnd : new boolean[] {true, false}) {
        String ns = aEnd ? a : b;
        steps.add(
            Step.of(
                "ip", "-n", ns, "addr", "add", AddressPlan.linkEnd(l, aEnd) + "/30", "dev", dev));
        up(ns, dev, link.mtu());
        counted.add(
            new Device(ns, dev, link.name() + (aEnd ? " at " + link.a() : " at " + link.b())));
        // The simulator's delay, explicit, measured or modelled alike (netem at both ends: one
        // way each), so kernel and simulation see the same underlay.
        long delayNs = delays.get(link.name()).ns();
        boolean delayed = netem && delayNs > 0;
        steps.addAll(
            shaping.rate(
                ns,
                dev,
                link.bandwidthBps(),
                link.queueBytes(),
                link.mtu(),
                delayed ? OptionalLong.of(delayNs) : OptionalLong.empty()));
        String from = aEnd ? link.b() : link.a();
        String to = aEnd ? link.a() : link.b();
        shaping.loss(ns, dev, link.loss(), from + "->" + to);
      }
    }
  }

  private void accessLinks() {
    UnderlayRoutes routes = new UnderlayRoutes(scenario);
    for (int h = 0; h < scenario.hosts().size(); h++) {
      Host host = scenario.hosts().get(h);
      String hostNs = names.host(h);
      String routerNs = names.router(routes.router(host.router()));
      String dev = names.accessLink(h);
      veth(hostNs, dev, routerNs, dev);
      String gateway = AddressPlan.accessRouterEnd(h).toString();
      steps.add(Step.of("ip", "-n", hostNs, "addr", "add", host.ip() + "/32", "dev", dev));
      up(hostNs, dev, host.mtu());
      steps.add(Step.of("ip", "-n", routerNs, "addr", "add", gateway + "/32", "dev", dev));
      up(routerNs, dev, host.mtu());
      for (String ns : List.of(hostNs, routerNs)) {
        steps.addAll(
            shaping.rate(
                ns, dev, host.bandwidthBps(), host.queueBytes(), host.mtu(), OptionalLong.empty()));
      }
      counted.add(new Device(hostNs, dev, "access " + host.name()));
      counted.add(new Device(routerNs, dev, "access " + host.name() + " at " + host.router()));
      steps.add(
          Step.of(
              "ip", "-n", hostNs, "route", "add", gateway + "/32", "dev", dev, "scope", "link"));
      // Only the emulated underlay is reachable: other hosts, router links and routed overlays.
      List<String> destinations = new ArrayList<>(List.of(AddressPlan.RESERVED.toString()));
      for (Host other : scenario.hosts()) {
        if (!other.name().equals(host.name())) {
          destinations.add(other.ip() + "/32");
        }
      }
      for (Overlay overlay : scenario.overlays()) {
        if (overlay.encapsulation() == Encapsulation.NONE) {
          destinations.add(overlay.subnet().toString());
        }
      }
      for (String destination : destinations) {
        steps.add(
            Step.of(
                "ip", "-n", hostNs, "route", "replace", destination, "via", gateway, "dev", dev));
      }
      steps.add(
          Step.of(
              "ip",
              "-n",
              routerNs,
              "route",
              "add",
              host.ip() + "/32",
              "dev",
              dev,
              "scope",
              "link"));
    }
  }

  /** Every router: a route to every host (and routed container) not attached to it. */
  private void routerRoutes(UnderlayRoutes routes) {
    steps.addAll(RouterRoutes.steps(scenario, names, routes));
  }

  private void overlays() {
    for (int o = 0; o < scenario.overlays().size(); o++) {
      Overlay overlay = scenario.overlays().get(o);
      List<Integer> members = memberHosts(overlay);
      for (int h : members) {
        String ns = names.host(h);
        Host host = scenario.hosts().get(h);
        switch (overlay.encapsulation()) {
          case VXLAN -> vxlan(o, overlay, h, ns, host, members);
          case GENEVE -> geneve(o, overlay, h, ns, members);
          case IPIP -> ipip(o, overlay, h, ns, host, members);
          case NONE -> {
            // Routed without a tunnel: the containers' /32 routes are all there is.
          }
        }
      }
    }
  }

  private void bridge(String ns, int o) {
    String bridge = names.bridge(o);
    steps.add(Step.of("ip", "-n", ns, "link", "add", bridge, "type", "bridge"));
    steps.add(Step.of("ip", "-n", ns, "link", "set", bridge, "up"));
  }

  private void vxlan(int o, Overlay overlay, int h, String ns, Host host, List<Integer> members) {
    bridge(ns, o);
    String vx = names.vxlan(o);
    boolean learning = overlay.controlPlane() == ControlPlane.FLOOD_AND_LEARN;
    List<String> add =
        new ArrayList<>(
            List.of(
                "ip",
                "-n",
                ns,
                "link",
                "add",
                vx,
                "type",
                "vxlan",
                "id",
                Integer.toString(overlay.vni()),
                "dstport",
                Integer.toString(overlay.udpPort()),
                "local",
                host.ip().toString()));
    // Static control plane (Docker, Flannel): no learning; the vxlan device answers ARP itself
    // from the neighbour entries pushed to it (proxy), so no broadcast crosses the underlay.
    add.addAll(learning ? List.of("learning") : List.of("nolearning", "proxy"));
    if (relayable) {
      add.add("noudpcsum");
    }
    steps.add(new Step(add, "", false));
    attachToBridge(ns, vx, overlay.mtu(), names.bridge(o));
    counted.add(new Device(ns, vx, "vtep " + host.name() + " " + overlay.name()));
    for (int remote : members) {
      if (remote == h) {
        continue;
      }
      String remoteIp = scenario.hosts().get(remote).ip().toString();
      if (learning) {
        // Head-end replication: one all-zeros entry per remote VTEP (RFC 7348 section 4.2).
        steps.add(
            Step.of(
                "bridge",
                "-n",
                ns,
                "fdb",
                "append",
                ZERO_MAC,
                "dev",
                vx,
                "dst",
                remoteIp,
                "self",
                "permanent"));
        continue;
      }
      for (Container c : containersOn(remote, overlay)) {
        steps.add(
            Step.of(
                "bridge",
                "-n",
                ns,
                "fdb",
                "append",
                c.mac().toString(),
                "dev",
                vx,
                "dst",
                remoteIp,
                "self",
                "permanent"));
        steps.add(
            Step.of(
                "ip",
                "-n",
                ns,
                "neigh",
                "add",
                c.ip().toString(),
                "lladdr",
                c.mac().toString(),
                "dev",
                vx,
                "nud",
                "permanent"));
      }
    }
  }

  private void geneve(int o, Overlay overlay, int h, String ns, List<Integer> members) {
    bridge(ns, o);
    for (int remote : members) {
      if (remote == h) {
        continue;
      }
      String dev = names.geneve(o, remote);
      steps.add(
          Step.of(
              "ip",
              "-n",
              ns,
              "link",
              "add",
              dev,
              "type",
              "geneve",
              "id",
              Integer.toString(overlay.vni()),
              "remote",
              scenario.hosts().get(remote).ip().toString(),
              "dstport",
              Integer.toString(overlay.udpPort())));
      attachToBridge(ns, dev, overlay.mtu(), names.bridge(o));
      counted.add(
          new Device(
              ns,
              dev,
              "vtep "
                  + scenario.hosts().get(h).name()
                  + " "
                  + overlay.name()
                  + " to "
                  + scenario.hosts().get(remote).name()));
      if (overlay.controlPlane() != ControlPlane.FLOOD_AND_LEARN) {
        for (Container c : containersOn(remote, overlay)) {
          steps.add(
              Step.of(
                  "bridge",
                  "-n",
                  ns,
                  "fdb",
                  "add",
                  c.mac().toString(),
                  "dev",
                  dev,
                  "master",
                  "static"));
        }
      }
    }
  }

  /** Gives a device its MTU, makes it a port of the bridge, and brings it up. */
  private void attachToBridge(String ns, String device, int mtu, String bridge) {
    steps.add(
        Step.of(
            "ip", "-n", ns, "link", "set", device, "mtu", Integer.toString(mtu), "master", bridge));
    steps.add(Step.of("ip", "-n", ns, "link", "set", device, "up"));
  }

  private void ipip(int o, Overlay overlay, int h, String ns, Host host, List<Integer> members) {
    // Calico's IPIP mode: one tunnel device without a fixed remote, a route per remote container.
    String tunnel = names.ipip(o);
    steps.add(
        Step.of(
            "ip", "-n", ns, "link", "add", tunnel, "type", "ipip", "local", host.ip().toString()));
    steps.add(
        Step.of(
            "ip",
            "-n",
            ns,
            "link",
            "set",
            tunnel,
            "mtu",
            Integer.toString(host.mtu() - Encapsulation.IPIP.overheadBytes()),
            "up"));
    counted.add(new Device(ns, tunnel, "vtep " + host.name() + " " + overlay.name()));
    for (int remote : members) {
      if (remote == h) {
        continue;
      }
      for (Container c : containersOn(remote, overlay)) {
        steps.add(
            Step.of(
                "ip",
                "-n",
                ns,
                "route",
                "add",
                c.ip() + "/32",
                "via",
                scenario.hosts().get(remote).ip().toString(),
                "dev",
                tunnel,
                "onlink"));
      }
    }
  }

  private void containers() {
    List<Container> containers = scenario.containers();
    for (int c = 0; c < containers.size(); c++) {
      Container container = containers.get(c);
      Overlay overlay = overlay(container);
      int o = overlayIndex.get(container.overlay());
      int h = hostIndex.get(container.host());
      String hostNs = names.host(h);
      String ns = names.container(c);
      String port = names.containerPort(c);
      String eth = names.containerInterface(c);
      String mtu = Integer.toString(container.mtu());
      veth(hostNs, port, ns, eth);
      steps.add(
          Step.of(
              "ip",
              "-n",
              ns,
              "link",
              "set",
              eth,
              "address",
              container.mac().toString(),
              "mtu",
              mtu));
      steps.add(Step.of("ip", "-n", ns, "link", "set", eth, "up"));
      counted.add(new Device(hostNs, port, "port " + container.name()));
      boolean bridged =
          overlay.encapsulation() == Encapsulation.VXLAN
              || overlay.encapsulation() == Encapsulation.GENEVE;
      if (bridged) {
        steps.add(
            Step.of(
                "ip",
                "-n",
                ns,
                "addr",
                "add",
                container.ip() + "/" + overlay.subnet().prefixLength(),
                "dev",
                eth));
        // Docker gives both ends of the pair the container's MTU, the misconfigured one included.
        attachToBridge(hostNs, port, container.mtu(), names.bridge(o));
        continue;
      }
      String gateway = AddressPlan.ROUTED_GATEWAY.toString();
      steps.add(Step.of("ip", "-n", ns, "addr", "add", container.ip() + "/32", "dev", eth));
      steps.add(
          Step.of("ip", "-n", ns, "route", "add", gateway + "/32", "dev", eth, "scope", "link"));
      steps.add(
          Step.of(
              "ip",
              "-n",
              ns,
              "route",
              "add",
              overlay.subnet().toString(),
              "via",
              gateway,
              "dev",
              eth,
              "onlink"));
      steps.add(Step.of("ip", "-n", hostNs, "link", "set", port, "mtu", mtu));
      steps.add(Step.of("ip", "-n", hostNs, "addr", "add", gateway + "/32", "dev", port));
      steps.add(Step.of("ip", "-n", hostNs, "link", "set", port, "up"));
      steps.add(
          Step.of(
              "ip",
              "-n",
              hostNs,
              "route",
              "add",
              container.ip() + "/32",
              "dev",
              port,
              "scope",
              "link"));
    }
  }

  private void veth(String nsA, String devA, String nsB, String devB) {
    steps.add(
        Step.of(
            "ip", "-n", nsA, "link", "add", devA, "type", "veth", "peer", "name", devB, "netns",
            nsB));
  }

  private void up(String ns, String dev, int mtu) {
    steps.add(Step.of("ip", "-n", ns, "link", "set", dev, "mtu", Integer.toString(mtu), "up"));
  }

  private Overlay overlay(Container c) {
    return scenario.overlays().get(overlayIndex.get(c.overlay()));
  }

  /** Hosts with at least one container of the overlay, in host order. */
  private List<Integer> memberHosts(Overlay overlay) {
    List<Integer> members = new ArrayList<>();
    for (int h = 0; h < scenario.hosts().size(); h++) {
      if (!containersOn(h, overlay).isEmpty()) {
        members.add(h);
      }
    }
    return members;
  }

  private List<Container> containersOn(int host, Overlay overlay) {
    String hostName = scenario.hosts().get(host).name();
    List<Container> on = new ArrayList<>();
    for (Container c : scenario.containers()) {
      if (c.host().equals(hostName) && c.overlay().equals(overlay.name())) {
        on.add(c);
      }
    }
    return on;
  }
}
