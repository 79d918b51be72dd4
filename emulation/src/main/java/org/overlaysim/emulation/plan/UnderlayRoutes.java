package org.overlaysim.emulation.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Scenario;

/**
 * Static routes for the emulated underlay: fewest hops between routers (breadth-first, links in
 * file order break ties), as a plain static configuration would be written by hand. No routing
 * protocol runs; the simulator's own path choice may differ where paths of equal hop count differ
 * in delay.
 */
public final class UnderlayRoutes {
  private final Map<String, Integer> routerIndex = new LinkedHashMap<>();
  private final List<LinkSpec> links;

  /** nextLink[s][t]: the link router s sends on toward router t, -1 for itself or unreachable. */
  private final int[][] nextLink;

  public UnderlayRoutes(Scenario scenario) {
    scenario.underlay().routers().forEach(r -> routerIndex.put(r.name(), routerIndex.size()));
    links = scenario.underlay().links();
    int n = routerIndex.size();
    List<List<Integer>> incident = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      incident.add(new ArrayList<>());
    }
    for (int l = 0; l < links.size(); l++) {
      incident.get(router(links.get(l).a())).add(l);
      incident.get(router(links.get(l).b())).add(l);
    }
    nextLink = new int[n][n];
    for (int target = 0; target < n; target++) {
      int[] toward = new int[n];
      Arrays.fill(toward, -2);
      toward[target] = -1;
      Deque<Integer> queue = new ArrayDeque<>(List.of(target));
      while (!queue.isEmpty()) {
        int at = queue.removeFirst();
        for (int l : incident.get(at)) {
          int other = otherEnd(l, at);
          if (toward[other] == -2) {
            toward[other] = l;
            queue.addLast(other);
          }
        }
      }
      for (int source = 0; source < n; source++) {
        nextLink[source][target] = toward[source] < 0 ? -1 : toward[source];
      }
    }
  }

  public int router(String name) {
    Integer index = routerIndex.get(name);
    if (index == null) {
      throw new IllegalArgumentException("no router " + name);
    }
    return index;
  }

  public int otherEnd(int link, int router) {
    int a = router(links.get(link).a());
    return a == router ? router(links.get(link).b()) : a;
  }

  /** The link {@code from} forwards on toward {@code to}; -1 when they are one or disconnected. */
  public int nextLink(int from, int to) {
    return nextLink[from][to];
  }
}
