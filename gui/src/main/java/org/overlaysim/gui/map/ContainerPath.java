package org.overlaysim.gui.map;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.scenario.Container;
import org.overlaysim.topology.Link;
import org.overlaysim.topology.UnderlayGraph;
import org.overlaysim.topology.UnderlayPlan;

/**
 * The underlay path the simulator sends a packet on from one container to another, hop by hop, as
 * its {@link UnderlayPlan} routes it: the source container's interface into its host, the host's
 * access link, the routers' links (the first of the equal-cost next hops where ECMP offers several,
 * the others named), the destination host's access link and the destination container's interface.
 *
 * @param hops in order from source to destination
 * @param equalCostPaths how many router paths of equal cost the plan has (a flow takes one by its
 *     hash); 0 when the two hosts are disconnected
 */
public record ContainerPath(List<Hop> hops, int equalCostPaths) {

  /**
   * One hop.
   *
   * @param from node the packet leaves
   * @param to node it reaches
   * @param link the link's name ({@code veth} for a container's interface)
   * @param delayNs one-way propagation delay (0 for a container's interface)
   * @param mtu the link's MTU (the container's interface MTU for its interface)
   * @param alternatives the other links of equal cost at this hop, by name (ECMP), else empty
   */
  public record Hop(
      String from, String to, String link, long delayNs, int mtu, List<String> alternatives) {}

  /** The name of a container's interface hop. */
  public static final String VETH = "veth";

  /** The sum of the hops' delays. */
  public long totalDelayNs() {
    long sum = 0;
    for (Hop h : hops) {
      sum += h.delayNs();
    }
    return sum;
  }

  /** The smallest MTU along the path. */
  public int pathMtu() {
    int min = Integer.MAX_VALUE;
    for (Hop h : hops) {
      min = Math.min(min, h.mtu());
    }
    return min;
  }

  /** The path from {@code src} to {@code dst} in the plan of their scenario. */
  public static ContainerPath between(UnderlayPlan plan, Container src, Container dst) {
    UnderlayGraph u = plan.underlay();
    List<Hop> hops = new ArrayList<>();
    hops.add(new Hop(src.name(), src.host(), VETH, 0, src.mtu(), List.of()));
    if (src.host().equals(dst.host())) {
      hops.add(new Hop(dst.host(), dst.name(), VETH, 0, dst.mtu(), List.of()));
      return new ContainerPath(List.copyOf(hops), 1);
    }
    int srcHost = u.hostIndex(src.host());
    int dstHost = u.hostIndex(dst.host());
    Link up = u.links().get(u.accessLinkIndex(srcHost));
    hops.add(hop(up, src.host(), List.of()));
    int at = u.hostRouterIndex(srcHost);
    int target = u.hostRouterIndex(dstHost);
    int paths = plan.routerPaths(src.host(), dst.host()).size();
    while (at != target) {
      int[] next = plan.nextLinks(at, target);
      if (next.length == 0) {
        return new ContainerPath(List.copyOf(hops), 0);
      }
      String here = u.routers().get(at).name();
      Link l = u.links().get(next[0]);
      List<String> others = new ArrayList<>();
      for (int i = 1; i < next.length; i++) {
        others.add(u.links().get(next[i]).name());
      }
      hops.add(hop(l, here, others));
      at = u.routerIndex(l.opposite(here));
    }
    Link down = u.links().get(u.accessLinkIndex(dstHost));
    hops.add(hop(down, down.opposite(dst.host()), List.of()));
    hops.add(new Hop(dst.host(), dst.name(), VETH, 0, dst.mtu(), List.of()));
    return new ContainerPath(List.copyOf(hops), paths);
  }

  private static Hop hop(Link l, String from, List<String> alternatives) {
    return new Hop(
        from, l.opposite(from), l.name(), l.delayNs(), l.mtu(), List.copyOf(alternatives));
  }
}
