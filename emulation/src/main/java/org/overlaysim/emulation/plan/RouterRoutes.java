package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * The routers' static routes: in every router, a route to every host (and routed container) not
 * attached to it, over the simulator's next hops ({@link UnderlayRoutes}). One next hop is a plain
 * {@code via} route; several of equal cost are one multipath route ({@code nexthop via … nexthop
 * via …}) with the kernel hashing the outer 5-tuple ({@code fib_multipath_hash_policy=1}, set in
 * every router namespace), as the simulator's ECMP does. The kernel's hash (jhash under a random
 * per-boot seed) cannot be made to pick the simulator's next hop for a given flow, so flows spread
 * over the same set of equal-cost paths, not necessarily each over the same one.
 */
final class RouterRoutes {
  private RouterRoutes() {}

  static List<Step> steps(Scenario scenario, Names names, UnderlayRoutes routes) {
    return steps(scenario, names, routes, false);
  }

  /**
   * The routers' routes toward other routers' hosts replaced by {@code routes} (after an event:
   * {@code ip route replace}, which also puts back a route the kernel removed with a link that went
   * down); a destination left without a path loses its route, as in the simulator ({@code
   * no-route}). The multipath hash policy is set (again) when some router now has equal-cost next
   * hops.
   */
  static List<Step> replaced(Scenario scenario, Names names, UnderlayRoutes routes) {
    return steps(scenario, names, routes, true);
  }

  private static List<Step> steps(
      Scenario scenario, Names names, UnderlayRoutes routes, boolean replace) {
    List<Step> steps = new ArrayList<>();
    List<Host> hosts = scenario.hosts();
    List<List<String>> routed = routedContainers(scenario);
    int routers = scenario.underlay().routers().size();
    boolean multipath = needsMultipathHash(scenario, routes); // set again: harmless, optional
    for (int r = 0; r < routers; r++) {
      String ns = names.router(r);
      if (multipath) {
        steps.add(
            new Step(
                List.of(
                    "ip",
                    "netns",
                    "exec",
                    ns,
                    "sysctl",
                    "-qw",
                    "net.ipv4.fib_multipath_hash_policy=1"),
                "",
                true));
      }
      for (int h = 0; h < hosts.size(); h++) {
        Host host = hosts.get(h);
        int target = routes.router(host.router());
        List<String> destinations = new ArrayList<>();
        if (target != r) {
          destinations.add(host.ip() + "/32");
        }
        destinations.addAll(routed.get(h));
        int[] links = target == r ? new int[0] : routes.nextLinks(r, target);
        for (String destination : destinations) {
          if (target == r) {
            if (replace) {
              continue; // a router's own hosts do not move
            }
            steps.add(
                Step.of(
                    "ip",
                    "-n",
                    ns,
                    "route",
                    "add",
                    destination,
                    "via",
                    host.ip().toString(),
                    "dev",
                    names.accessLink(h),
                    "onlink"));
          } else if (links.length > 0) { // none: a disconnected underlay, as in the simulator
            steps.add(
                route(ns, replace ? "replace" : "add", destination, links, r, scenario, routes));
          } else if (replace) { // optional: the kernel may have removed it with its link
            steps.add(new Step(List.of("ip", "-n", ns, "route", "del", destination), "", true));
          }
        }
      }
    }
    return steps;
  }

  /** Whether some router has several equal-cost next hops toward another. */
  private static boolean needsMultipathHash(Scenario scenario, UnderlayRoutes routes) {
    int n = scenario.underlay().routers().size();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (routes.nextLinks(a, b).length > 1) {
          return true;
        }
      }
    }
    return false;
  }

  private static Step route(
      String ns,
      String verb,
      String destination,
      int[] links,
      int r,
      Scenario scenario,
      UnderlayRoutes routes) {
    List<String> argv = new ArrayList<>(List.of("ip", "-n", ns, "route", verb, destination));
    for (int link : links) {
      boolean weAreA = routes.router(scenario.underlay().links().get(link).a()) == r;
      if (links.length > 1) {
        argv.add("nexthop");
      }
      argv.add("via");
      argv.add(AddressPlan.linkEnd(link, !weAreA).toString());
    }
    return new Step(argv, "", false);
  }

  /** Per host, the /32 destinations of its containers in routed overlays (encapsulation none). */
  private static List<List<String>> routedContainers(Scenario scenario) {
    Map<String, Integer> hostIndex = new HashMap<>();
    List<List<String>> routed = new ArrayList<>();
    for (Host host : scenario.hosts()) {
      hostIndex.put(host.name(), routed.size());
      routed.add(new ArrayList<>());
    }
    Map<String, Overlay> overlays = new HashMap<>();
    scenario.overlays().forEach(o -> overlays.put(o.name(), o));
    for (Container c : scenario.containers()) {
      if (overlays.get(c.overlay()).encapsulation() == Encapsulation.NONE) {
        routed.get(hostIndex.get(c.host())).add(c.ip() + "/32");
      }
    }
    return routed;
  }
}
