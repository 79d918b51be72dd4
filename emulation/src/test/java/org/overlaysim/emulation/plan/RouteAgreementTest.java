package org.overlaysim.emulation.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.topology.Link;
import org.overlaysim.topology.RoutingTable;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayPlan;

/**
 * The emulator routes every host pair of every example through the same routers as the simulator:
 * the paths the kernel can take, read from the {@code ip route} commands the plan gives the router
 * namespaces (every next hop of a multipath route), are the paths the simulator's routing table can
 * take (every equal-cost next hop), for every source host and destination host. A host pair's route
 * depends only on the source host's router and the destination, so pairs are checked once per
 * (source router, destination host). (Before issue 19 the emulator routed by fewest hops: k8s-max's
 * Madrid–Oregon and Madrid–Tokyo pairs went direct in the kernel and through Virginia in the
 * simulator, and large-cluster's 14 equal-cost router pairs had one path in the kernel.)
 */
class RouteAgreementTest {

  static Stream<Path> examples() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir =
        Files.newDirectoryStream(Path.of("..", "scenarios", "examples"), "*.yaml")) {
      dir.forEach(files::add);
    }
    files.sort(null);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void kernelRoutesAreTheSimulatorsForEveryHostPair(Path example) throws Exception {
    for (Run run : ScenarioLoader.load(example, List.of()).runs()) {
      Scenario scenario = run.scenario();
      Map<String, Set<List<String>>> simulator = simulatorPaths(scenario);
      Map<String, Set<List<String>>> emulator =
          scenario.hosts().size() <= Names.MAX_INDEX + 1
              ? kernelPaths(scenario)
              : plannedPaths(scenario); // more hosts than the emulator can name: its route plan
      assertThat(emulator).as(run.id()).isEqualTo(simulator);
    }
  }

  /** Every router path the simulator's routing table allows, by "source router>destination". */
  private static Map<String, Set<List<String>>> simulatorPaths(Scenario scenario) {
    UnderlayGraph underlay = UnderlayPlan.of(scenario).underlay();
    RoutingTable routing = underlay.routing();
    Map<String, Set<List<String>>> paths = new HashMap<>();
    for (int from = 0; from < underlay.routers().size(); from++) {
      for (int h = 0; h < underlay.hosts().size(); h++) {
        int to = underlay.hostRouterIndex(h);
        Set<List<String>> found = new LinkedHashSet<>();
        simulatorWalk(underlay, routing, from, to, new ArrayList<>(), found);
        paths.put(key(underlay.routers().get(from).name(), underlay.hosts().get(h).name()), found);
      }
    }
    return paths;
  }

  private static void simulatorWalk(
      UnderlayGraph underlay,
      RoutingTable routing,
      int at,
      int to,
      List<String> prefix,
      Set<List<String>> out) {
    String here = underlay.routers().get(at).name();
    prefix.add(here);
    if (at == to) {
      out.add(List.copyOf(prefix));
    } else {
      for (int transmitter : routing.nextHops(at, to)) {
        Link link = underlay.links().get(transmitter / 2);
        String next = transmitter % 2 == 0 ? link.b() : link.a();
        assertThat(link.opposite(here)).isEqualTo(next);
        simulatorWalk(underlay, routing, underlay.routerIndex(next), to, prefix, out);
      }
    }
    prefix.remove(prefix.size() - 1);
  }

  /** Every router path the kernel's routes allow, followed through the router namespaces. */
  private static Map<String, Set<List<String>>> kernelPaths(Scenario scenario) throws Exception {
    Names names = new Names("beef");
    boolean whole = scenario.containers().size() <= Names.MAX_INDEX + 1;
    List<Step> steps =
        whole
            ? NetworkPlan.build(scenario, names, new NftRenderer(scenario, names).render(), true)
                .steps()
            : underlayOnly(scenario, names); // more containers than the emulator can name
    List<String> routers = scenario.underlay().routers().stream().map(r -> r.name()).toList();
    Map<String, String> routerOfNamespace = new HashMap<>();
    for (int r = 0; r < routers.size(); r++) {
      routerOfNamespace.put(names.router(r), routers.get(r));
    }
    // Which router holds each address (its addr steps), and each router's routes: destination ->
    // the addresses of its next hops, or the host itself when delivered on the host's access link.
    Map<String, String> routerOfAddress = new HashMap<>();
    Map<String, Map<String, List<String>>> table = new HashMap<>();
    for (Step step : steps) {
      List<String> argv = step.argv();
      String router = argv.size() > 5 ? routerOfNamespace.get(argv.get(2)) : null;
      if (router == null || !argv.get(1).equals("-n")) {
        continue;
      }
      if (argv.subList(3, 5).equals(List.of("addr", "add"))) {
        routerOfAddress.put(argv.get(5).replaceAll("/.*", ""), router);
      } else if (argv.subList(3, 5).equals(List.of("route", "add"))) {
        List<String> vias = new ArrayList<>();
        for (int i = 6; i < argv.size(); i++) {
          if (argv.get(i).equals("via")) {
            vias.add(argv.get(i + 1));
          }
        }
        String destination = argv.get(5);
        if (vias.isEmpty() && argv.contains("link")) {
          vias.add(destination.replace("/32", "")); // "dev <access link> scope link"
        }
        table.computeIfAbsent(router, r -> new HashMap<>()).put(destination, vias);
      }
    }
    Map<String, Set<List<String>>> paths = new HashMap<>();
    for (String from : routers) {
      for (Host host : scenario.hosts()) {
        Set<List<String>> found = new LinkedHashSet<>();
        kernelWalk(table, routerOfAddress, from, host, new ArrayList<>(), found);
        paths.put(key(from, host.name()), found);
      }
    }
    return paths;
  }

  private static void kernelWalk(
      Map<String, Map<String, List<String>>> table,
      Map<String, String> routerOfAddress,
      String at,
      Host host,
      List<String> prefix,
      Set<List<String>> out) {
    prefix.add(at);
    assertThat(prefix.size()).as("a routing loop").isLessThanOrEqualTo(table.size() + 1);
    List<String> vias = table.getOrDefault(at, Map.of()).getOrDefault(host.ip() + "/32", List.of());
    if (vias.equals(List.of(host.ip().toString()))) {
      out.add(List.copyOf(prefix)); // delivered on the host's access link
    } else {
      for (String via : vias) {
        kernelWalk(table, routerOfAddress, routerOfAddress.get(via), host, prefix, out);
      }
    }
    prefix.remove(prefix.size() - 1);
  }

  /**
   * The router routes of the plan with the link addresses and access routes the rest of the plan
   * gives routers, for a scenario with more containers than a whole plan can name.
   */
  private static List<Step> underlayOnly(Scenario scenario, Names names) {
    UnderlayRoutes routes = new UnderlayRoutes(scenario);
    List<Step> steps = new ArrayList<>(RouterRoutes.steps(scenario, names, routes));
    for (int l = 0; l < scenario.underlay().links().size(); l++) {
      for (boolean aEnd : new boolean[] {true, false}) {
        var link = scenario.underlay().links().get(l);
        String ns = names.router(routes.router(aEnd ? link.a() : link.b()));
        steps.add(Step.of("ip", "-n", ns, "addr", "add", AddressPlan.linkEnd(l, aEnd) + "/30"));
      }
    }
    for (int h = 0; h < scenario.hosts().size(); h++) {
      Host host = scenario.hosts().get(h);
      String ns = names.router(routes.router(host.router()));
      steps.add(Step.of("ip", "-n", ns, "route", "add", host.ip() + "/32", "scope", "link"));
    }
    return steps;
  }

  /** For scenarios beyond the emulator's names: the route plan the kernel's routes are made of. */
  private static Map<String, Set<List<String>>> plannedPaths(Scenario scenario) {
    UnderlayRoutes routes = new UnderlayRoutes(scenario);
    List<String> routers = scenario.underlay().routers().stream().map(r -> r.name()).toList();
    Map<String, Set<List<String>>> paths = new HashMap<>();
    for (int from = 0; from < routers.size(); from++) {
      for (Host host : scenario.hosts()) {
        Set<List<String>> found = new LinkedHashSet<>();
        plannedWalk(routes, routers, from, routes.router(host.router()), new ArrayList<>(), found);
        paths.put(key(routers.get(from), host.name()), found);
      }
    }
    return paths;
  }

  private static void plannedWalk(
      UnderlayRoutes routes,
      List<String> routers,
      int at,
      int to,
      List<String> prefix,
      Set<List<String>> out) {
    prefix.add(routers.get(at));
    if (at == to) {
      out.add(List.copyOf(prefix));
    } else {
      for (int link : routes.nextLinks(at, to)) {
        plannedWalk(routes, routers, routes.otherEnd(link, at), to, prefix, out);
      }
    }
    prefix.remove(prefix.size() - 1);
  }

  private static String key(String router, String host) {
    return router + ">" + host;
  }
}
