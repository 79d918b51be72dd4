package org.overlaysim.emulation.plan;

import java.util.Set;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.RoutingTable;
import org.overlaysim.topology.UnderlayPlan;

/**
 * The emulated underlay's routes: the simulator's own ({@link UnderlayPlan}: shortest delay, every
 * equal-cost next hop, the same tie-breaks), so that kernel and simulation send a host pair's
 * packets through the same routers. Where the simulator has several equal-cost next hops the kernel
 * gets them all, as one multipath route ({@link RouterRoutes}).
 */
public final class UnderlayRoutes {
  private final UnderlayPlan plan;
  private final RoutingTable routing;

  public UnderlayRoutes(Scenario scenario) {
    this(UnderlayPlan.of(scenario));
  }

  public UnderlayRoutes(UnderlayPlan plan) {
    this(plan, plan.underlay().routing());
  }

  private UnderlayRoutes(UnderlayPlan plan, RoutingTable routing) {
    this.plan = plan;
    this.routing = routing;
  }

  /** The routes the simulator's routers converge on with the scenario links {@code down} down. */
  public UnderlayRoutes without(Set<String> down) {
    return new UnderlayRoutes(plan, plan.routingOver(link -> !down.contains(link)));
  }

  public UnderlayPlan plan() {
    return plan;
  }

  public int router(String name) {
    return plan.underlay().routerIndex(name);
  }

  /** The router at the other end of scenario link {@code link} from {@code router}. */
  public int otherEnd(int link, int router) {
    LinkSpec l = plan.scenario().underlay().links().get(link);
    int a = router(l.a());
    return a == router ? router(l.b()) : a;
  }

  /**
   * The scenario links {@code from} forwards on toward {@code to}, ascending: one, or several of
   * equal cost; none when they are one router or disconnected.
   */
  public int[] nextLinks(int from, int to) {
    return UnderlayPlan.nextLinks(routing, from, to);
  }
}
