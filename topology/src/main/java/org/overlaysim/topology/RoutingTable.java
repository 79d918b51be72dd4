package org.overlaysim.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.AsWeightedGraph;

/**
 * Shortest-delay routes between routers over the links that are up: what a converged link-state IGP
 * installs. A topology change (a scenario event) gets a new table after the underlay's convergence
 * time ({@link UnderlayChanges}). For every router and destination router it keeps every equal-cost
 * next hop; a flow picks one by its hash. Hosts are stubs, so the table is routers x routers
 * whatever the number of hosts (50 routers: 2,500 entries).
 *
 * <p>Cost of a link = its one-way delay in ns + 1: the extra nanosecond per hop keeps zero-delay
 * links loop-free and prefers fewer hops between paths of equal delay. Two paths are equal when
 * their costs differ by at most the tolerance (delays derived from geography are rounded to whole
 * ns per link). A next hop must always be strictly closer to the destination, so tolerance never
 * makes a loop.
 *
 * <p>Lookups are array reads: next hops are transmitter ids ({@code 2 * linkIndex} from the link's
 * {@code a} end, {@code 2 * linkIndex + 1} from its {@code b} end).
 */
public final class RoutingTable {
  /** Default equal-cost tolerance. */
  public static final long DEFAULT_ECMP_TOLERANCE_NS = 10;

  private final int routerCount;
  private final long[] distanceNs; // [from * n + to], -1 when unreachable
  private final int[] offsets; // next hops of (from, to) are hops[offsets[i] .. offsets[i + 1])
  private final int[] hops;

  private RoutingTable(int routerCount, long[] distanceNs, int[] offsets, int[] hops) {
    this.routerCount = routerCount;
    this.distanceNs = distanceNs;
    this.offsets = offsets;
    this.hops = hops;
  }

  /**
   * Computes the table with Dijkstra (JGraphT) from every router over the router subgraph of the
   * links that are {@code up}, each costing {@code delayNs} + 1.
   */
  static RoutingTable compute(
      Graph<Node, Link> graph,
      List<RouterNode> routers,
      Map<String, Integer> routerIndex,
      Map<String, Integer> linkIndex,
      long toleranceNs,
      Predicate<Link> up,
      ToLongFunction<Link> delayNs) {
    if (toleranceNs < 0) {
      throw new IllegalArgumentException("negative ECMP tolerance");
    }
    int n = routers.size();
    Set<Node> vertices = new LinkedHashSet<>(routers);
    Set<Link> edges = new LinkedHashSet<>();
    for (Link link : graph.edgeSet()) {
      if (vertices.contains(graph.getEdgeSource(link))
          && vertices.contains(graph.getEdgeTarget(link))
          && up.test(link)) {
        edges.add(link);
      }
    }
    Graph<Node, Link> routerGraph = new AsSubgraph<>(graph, vertices, edges);
    ToDoubleFunction<Link> cost = link -> delayNs.applyAsLong(link) + 1.0;
    Graph<Node, Link> costs = new AsWeightedGraph<>(routerGraph, cost::applyAsDouble, true, false);
    DijkstraShortestPath<Node, Link> dijkstra = new DijkstraShortestPath<>(costs);

    long[] distance = new long[n * n];
    Arrays.fill(distance, -1);
    for (int to = 0; to < n; to++) {
      // Links are symmetric, so distances from `to` are distances to it.
      SingleSourcePaths<Node, Link> paths = dijkstra.getPaths(routers.get(to));
      for (int from = 0; from < n; from++) {
        double w = paths.getWeight(routers.get(from));
        if (!Double.isInfinite(w)) {
          distance[from * n + to] = Math.round(w);
        }
      }
    }

    int[] offsets = new int[n * n + 1];
    int[] hops = new int[Math.max(16, n * 2)];
    int count = 0;
    List<Integer> candidates = new ArrayList<>();
    for (int from = 0; from < n; from++) {
      RouterNode here = routers.get(from);
      for (int to = 0; to < n; to++) {
        offsets[from * n + to] = count;
        long dist = distance[from * n + to];
        if (from == to || dist < 0) {
          continue;
        }
        candidates.clear();
        for (Link link : routerGraph.edgesOf(here)) {
          int next = routerIndex.get(link.opposite(here.name()));
          long nextDist = distance[next * n + to];
          if (nextDist >= 0
              && nextDist < dist
              && cost.applyAsDouble(link) + nextDist <= dist + toleranceNs) {
            int id = 2 * linkIndex.get(link.name()) + (link.a().equals(here.name()) ? 0 : 1);
            candidates.add(id);
          }
        }
        candidates.sort(null);
        for (int id : candidates) {
          if (count == hops.length) {
            hops = Arrays.copyOf(hops, hops.length * 2);
          }
          hops[count++] = id;
        }
      }
    }
    offsets[n * n] = count;
    return new RoutingTable(n, distance, offsets, Arrays.copyOf(hops, count));
  }

  public int routerCount() {
    return routerCount;
  }

  /**
   * The transmitter id a packet of flow {@code flowHash} takes at router {@code from} toward router
   * {@code to}, or -1 when {@code to} is unreachable (or is {@code from}).
   */
  /** What {@link #singleNextHop} returns when there are several equal-cost next hops. */
  public static final int SEVERAL = -2;

  /**
   * The next hop when there is only one (most pairs: the flow hash need not be computed), -1 when
   * there is none, {@link #SEVERAL} when {@link #nextHop} must choose by the flow hash.
   */
  public int singleNextHop(int from, int to) {
    int i = from * routerCount + to;
    int start = offsets[i];
    int count = offsets[i + 1] - start;
    if (count <= 1) {
      return count == 0 ? -1 : hops[start];
    }
    return SEVERAL;
  }

  public int nextHop(int from, int to, int flowHash) {
    int only = singleNextHop(from, to);
    if (only != SEVERAL) {
      return only;
    }
    int i = from * routerCount + to;
    int count = offsets[i + 1] - offsets[i];
    return hops[offsets[i] + FlowHash.pick(FlowHash.atRouter(flowHash, from), count)];
  }

  /**
   * All equal-cost next hops (transmitter ids, ascending) from router {@code from} to {@code to}.
   */
  public int[] nextHops(int from, int to) {
    int i = from * routerCount + to;
    return Arrays.copyOfRange(hops, offsets[i], offsets[i + 1]);
  }

  /**
   * The (router, destination router) entries whose next hops differ between this table and {@code
   * other} (of the same routers): the routes a topology change made the routers change.
   */
  public int changedEntries(RoutingTable other) {
    if (other.routerCount != routerCount) {
      throw new IllegalArgumentException("tables of different routers");
    }
    int changed = 0;
    for (int i = 0; i < routerCount * routerCount; i++) {
      if (!Arrays.equals(
          hops, offsets[i], offsets[i + 1], other.hops, other.offsets[i], other.offsets[i + 1])) {
        changed++;
      }
    }
    return changed;
  }

  /** Path cost (sum of link delay + 1 ns per hop) between two routers; -1 when disconnected. */
  public long costNs(int from, int to) {
    return distanceNs[from * routerCount + to];
  }
}
