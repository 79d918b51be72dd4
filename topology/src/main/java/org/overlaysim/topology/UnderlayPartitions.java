package org.overlaysim.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How an underlay is cut into partitions that a {@link org.overlaysim.engine.PartitionedSimulator}
 * runs side by side: a partition is what stays connected once every router-to-router link with a
 * long enough least delay is cut. Such a link's two directions become channels whose lookahead is
 * that least delay (delay minus jitter), so partitions joined by WAN links (sites milliseconds
 * apart) each run on their own while a site's fabric (microseconds) stays whole. Hosts stay with
 * their router: access links are never cut.
 *
 * <p>Partitions are numbered in the order of their first router, so the cut, and with it the run,
 * depends on the scenario alone.
 */
public final class UnderlayPartitions {
  /**
   * Links with less least delay than this are not cut: a window of a few microseconds holds too few
   * events to pay for the synchronization (a site's leaf-spine links are 1-10 us).
   */
  public static final long MIN_LOOKAHEAD_NS = 100_000;

  private final int count;
  private final int[] routerPartition;
  private final int[] hostPartition;
  private final boolean[] crossing; // per link

  private UnderlayPartitions(
      int count, int[] routerPartition, int[] hostPartition, boolean[] crossing) {
    this.count = count;
    this.routerPartition = routerPartition;
    this.hostPartition = hostPartition;
    this.crossing = crossing;
  }

  /** Everything in one partition: the sequential run. */
  public static UnderlayPartitions whole(UnderlayGraph underlay) {
    return new UnderlayPartitions(
        1,
        new int[underlay.routers().size()],
        new int[underlay.hosts().size()],
        new boolean[underlay.links().size()]);
  }

  /** The cut of {@code underlay} at its long router-to-router links. */
  public static UnderlayPartitions of(UnderlayGraph underlay) {
    int routers = underlay.routers().size();
    int[] parent = new int[routers];
    for (int r = 0; r < routers; r++) {
      parent[r] = r;
    }
    List<Link> links = underlay.links();
    for (Link link : links) {
      if (cuttable(underlay, link)) {
        continue;
      }
      int a = routerOf(underlay, link.a());
      int b = routerOf(underlay, link.b());
      parent[find(parent, a)] = find(parent, b);
    }
    int[] routerPartition = new int[routers];
    int[] numberOfRoot = new int[routers];
    Arrays.fill(numberOfRoot, -1);
    int count = 0;
    for (int r = 0; r < routers; r++) {
      int root = find(parent, r);
      if (numberOfRoot[root] < 0) {
        numberOfRoot[root] = count++;
      }
      routerPartition[r] = numberOfRoot[root];
    }
    int[] hostPartition = new int[underlay.hosts().size()];
    for (int h = 0; h < hostPartition.length; h++) {
      hostPartition[h] = routerPartition[underlay.hostRouterIndex(h)];
    }
    boolean[] crossing = new boolean[links.size()];
    for (int i = 0; i < links.size(); i++) {
      Link link = links.get(i);
      crossing[i] =
          routerPartition[routerOf(underlay, link.a())]
              != routerPartition[routerOf(underlay, link.b())];
    }
    return new UnderlayPartitions(count, routerPartition, hostPartition, crossing);
  }

  private static boolean cuttable(UnderlayGraph underlay, Link link) {
    return underlay.node(link.a()) instanceof RouterNode
        && underlay.node(link.b()) instanceof RouterNode
        && leastDelayNs(link) >= MIN_LOOKAHEAD_NS;
  }

  /** The least time a packet takes on {@code link} from send to arrival: delay less jitter. */
  public static long leastDelayNs(Link link) {
    return link.delayNs() - link.jitterNs();
  }

  /** A host's router, or the router itself. */
  private static int routerOf(UnderlayGraph underlay, String node) {
    Node n = underlay.node(node);
    if (n instanceof HostNode) {
      return underlay.hostRouterIndex(underlay.hostIndex(node));
    }
    return underlay.routerIndex(node);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  public int count() {
    return count;
  }

  public int ofHost(int host) {
    return hostPartition[host];
  }

  /** The partition of a router or host by name. */
  public int ofNode(UnderlayGraph underlay, String node) {
    return underlay.node(node) instanceof HostNode
        ? hostPartition[underlay.hostIndex(node)]
        : routerPartition[underlay.routerIndex(node)];
  }

  /** Whether link {@code link}'s ends lie in two partitions (its directions are channels). */
  public boolean crossing(int link) {
    return crossing[link];
  }

  /** The links whose ends lie in two partitions, by index. */
  public List<Integer> crossingLinks() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < crossing.length; i++) {
      if (crossing[i]) {
        out.add(i);
      }
    }
    return out;
  }
}
