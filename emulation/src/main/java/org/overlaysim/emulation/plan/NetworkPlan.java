package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.LinkDelay;

/**
 * The commands that build a scenario out of network namespaces, in order: namespaces, underlay veth
 * pairs with their shaping, access links, the routers' static routes ({@link RouterRoutes}: the
 * simulator's), per host the overlays' bridges and tunnel devices ({@link OverlayTunnels}),
 * container veth pairs with the scenario's MTUs, and the nftables rules. Every veth pair is created
 * from inside a namespace straight into another: nothing is ever created in, or routed to, the
 * namespace the emulator runs in.
 */
public final class NetworkPlan {
  private final Scenario scenario;
  private final Names names;
  private final List<String> namespaces = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final List<Device> counted = new ArrayList<>();
  private final Map<String, Integer> hostIndex = new LinkedHashMap<>();
  private final Map<String, Integer> overlayIndex = new LinkedHashMap<>();
  private final LinkShaping shaping = LinkShaping.create();

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
    // Without netem a delay relay may carry the outer UDP (see OverlayTunnels).
    plan.steps.addAll(OverlayTunnels.steps(scenario, names, !netem, plan.counted));
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
        steps.addAll(OverlayTunnels.attachToBridge(hostNs, port, container.mtu(), names.bridge(o)));
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
}
