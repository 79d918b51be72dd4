package org.overlaysim.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Router;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.Site;
import org.overlaysim.scenario.UnderlayDefaults;

/**
 * The one network plan of a scenario's underlay, immutable, computed once from the Scenario: every
 * link with its parameters, MTU and delay (and where the delay came from, {@link LinkDelay}), every
 * host's address and access link, and the routes between routers (shortest delay, every equal-cost
 * next hop, {@link RoutingTable}'s tie-breaks). The simulator runs on its {@link #underlay()}, the
 * emulator installs its {@link #nextLinks routes} and delays in the kernel, and the visualizer
 * labels links with its delays: the three read one plan, so they cannot disagree.
 *
 * <p>Scenario links come first in the underlay's link list, in the scenario's order, then one
 * access link per host in host order: scenario link {@code k} is underlay link {@code k}.
 */
public final class UnderlayPlan {
  private final Scenario scenario;
  private final Map<String, LinkDelay> delays;
  private final UnderlayGraph underlay;

  private UnderlayPlan(Scenario scenario) {
    this.scenario = scenario;
    this.delays = Collections.unmodifiableMap(LinkDelay.of(scenario));
    this.underlay = build(scenario, delays);
  }

  /** The plan of {@code scenario}. */
  public static UnderlayPlan of(Scenario scenario) {
    return new UnderlayPlan(scenario);
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The simulator's underlay: links with their resolved parameters, hosts, routes. */
  public UnderlayGraph underlay() {
    return underlay;
  }

  /** Every scenario link's one-way delay and its source, by link name, in the scenario's order. */
  public Map<String, LinkDelay> delays() {
    return delays;
  }

  /** The delay of the scenario link of that name. */
  public LinkDelay delay(String link) {
    LinkDelay d = delays.get(link);
    if (d == null) {
      throw new IllegalArgumentException("no link named '" + link + "'");
    }
    return d;
  }

  /**
   * The scenario links (indexes into {@code scenario.underlay().links()}, ascending) on which
   * router {@code from} forwards toward router {@code to}: one, or several of equal cost (ECMP, a
   * flow picks one by its hash); none when {@code from == to} or {@code to} is unreachable. Routers
   * are numbered in the scenario's order.
   */
  public int[] nextLinks(int from, int to) {
    return nextLinks(underlay.routing(), from, to);
  }

  /**
   * The routes the routers converge on once only the links {@code up} accepts carry traffic: the
   * simulator's own recomputation after an event ({@link UnderlayGraph#routing(Predicate,
   * ToLongFunction)} over the links up, their planned delays as costs), for the emulator to
   * install.
   */
  public RoutingTable routingOver(Predicate<String> up) {
    return underlay.routing(link -> up.test(link.name()), Link::delayNs);
  }

  /** As {@link #nextLinks(int, int)}, on the routes {@code routing} (e.g. {@link #routingOver}). */
  public static int[] nextLinks(RoutingTable routing, int from, int to) {
    int[] hops = routing.nextHops(from, to);
    int[] links = new int[hops.length];
    for (int i = 0; i < hops.length; i++) {
      links[i] = hops[i] / 2;
    }
    return links;
  }

  /**
   * Every path (router names, first and last included) a packet from host {@code from} to host
   * {@code to} may take through the routers, one per combination of equal-cost next hops, in the
   * order of the next hops; one path of one router when both hang off the same router; none when
   * disconnected.
   */
  public List<List<String>> routerPaths(String from, String to) {
    int a = underlay.hostRouterIndex(underlay.hostIndex(from));
    int b = underlay.hostRouterIndex(underlay.hostIndex(to));
    List<List<String>> paths = new ArrayList<>();
    walk(a, b, new ArrayList<>(), paths);
    return paths;
  }

  private void walk(int at, int target, List<String> prefix, List<List<String>> out) {
    prefix.add(underlay.routers().get(at).name());
    if (at == target) {
      out.add(List.copyOf(prefix));
    } else {
      for (int link : nextLinks(at, target)) {
        Link l = underlay.links().get(link);
        walk(underlay.routerIndex(l.opposite(prefix.get(prefix.size() - 1))), target, prefix, out);
      }
    }
    prefix.remove(prefix.size() - 1);
  }

  private static UnderlayGraph build(Scenario scenario, Map<String, LinkDelay> delays) {
    UnderlayDefaults d = scenario.underlay().defaults();
    GeoLatencyModel geo =
        GeoLatencyModel.DEFAULT
            .withFiberSpeedKmPerS(d.fiberSpeedMps() / 1000.0)
            .withRouteFactor(d.routeFactor());
    UnderlayGraph.Builder b =
        UnderlayGraph.builder()
            .latencyModel(geo)
            .defaults(
                LinkDefaults.STANDARD
                    .withBandwidthBps(d.bandwidthBps())
                    .withMtu(d.mtu())
                    .withQueueBytes(d.queueBytes()));
    for (Site s : scenario.sites()) {
      b.site(s.name(), s.location().lat(), s.location().lon());
    }
    for (Router r : scenario.underlay().routers()) {
      b.router(r.name(), r.site());
    }
    for (LinkSpec l : scenario.underlay().links()) {
      String pair = l.a() + "--" + l.b();
      LinkOverrides spec =
          LinkOverrides.DEFAULTS
              .withBandwidthBps(l.bandwidthBps())
              .withDelayNs(delays.get(l.name()).ns())
              .withMtu(l.mtu())
              .withQueueBytes(l.queueBytes())
              .withLoss(l.loss())
              .withJitterNs(l.jitterNs());
      if (!l.name().equals(pair)) {
        spec = spec.withName(l.name());
      }
      b.link(l.a(), l.b(), spec);
    }
    for (Host h : scenario.hosts()) {
      b.host(
          h.name(),
          h.site(),
          h.router(),
          h.ip().bits(),
          LinkOverrides.DEFAULTS
              .withBandwidthBps(h.bandwidthBps())
              .withMtu(h.mtu())
              .withQueueBytes(h.queueBytes()));
    }
    return b.build();
  }
}
