package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.Link;
import org.overlaysim.topology.RoutingTable;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayPlan;

/**
 * One-way underlay delays between hosts as the simulator routes them: the simulator's own underlay
 * ({@link UnderlayPlan}, every link's delay from {@code LinkDelay}), its shortest-delay routes
 * ({@link RoutingTable}, the first of equal-cost next hops), both access links included.
 */
public final class PathDelays {
  private final UnderlayGraph underlay;

  /** One host-to-host path: its one-way delay and the jitter of each link on it that has some. */
  public record Path(long delayNs, List<Long> jitterNs) {
    public Path {
      jitterNs = List.copyOf(jitterNs);
    }
  }

  public PathDelays(Scenario scenario) {
    this.underlay = UnderlayPlan.of(scenario).underlay();
  }

  /** The path from host {@code from} to host {@code to} (by name); null when disconnected. */
  public Path between(String from, String to) {
    int a = underlay.hostIndex(from);
    int b = underlay.hostIndex(to);
    long delay = 0;
    List<Long> jitter = new ArrayList<>();
    Link first = underlay.links().get(underlay.accessLinkIndex(a));
    Link last = underlay.links().get(underlay.accessLinkIndex(b));
    for (Link link : List.of(first, last)) {
      delay += link.delayNs();
      if (link.jitterNs() > 0) {
        jitter.add(link.jitterNs());
      }
    }
    int at = underlay.hostRouterIndex(a);
    int target = underlay.hostRouterIndex(b);
    RoutingTable routing = underlay.routing();
    for (int hops = 0; at != target; hops++) {
      int[] next = routing.nextHops(at, target);
      if (next.length == 0 || hops > underlay.routers().size()) {
        return null;
      }
      Link link = underlay.links().get(next[0] / 2);
      delay += link.delayNs();
      if (link.jitterNs() > 0) {
        jitter.add(link.jitterNs());
      }
      at = underlay.routerIndex(link.opposite(underlay.routers().get(at).name()));
    }
    return new Path(delay, jitter);
  }
}
