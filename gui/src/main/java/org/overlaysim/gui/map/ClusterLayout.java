package org.overlaysim.gui.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Site;

/**
 * Where every mark goes for one viewport: sites at their projected coordinates; for an open site,
 * its hosts on a sunflower (Vogel's spiral) around it and each host's containers on a smaller one,
 * so any count packs evenly; for a closed site, its hosts and containers at the site itself.
 *
 * <p>When the open sites hold more than {@link #MAX_CONTAINER_NODES} containers, the map is
 * <em>aggregated</em>: each host stands with a count of its containers, packed closer, and only the
 * containers of the hosts the user opened get marks of their own (around their host); the others
 * stand at their host.
 */
final class ClusterLayout {
  static final double SITE_RADIUS = 9;
  static final double CONTAINER_RADIUS = 6;
  static final double HOST_SIZE = 10;

  /**
   * Most container marks drawn at once. Every example but k8s-max (150,000 containers) stays below
   * it (large-cluster: 2,000), so they draw every container as before; with a node per container
   * k8s-max kept the FX thread busy 4 to 28 s (warm and cold), where 2,000 take about 0.1 s.
   */
  static final int MAX_CONTAINER_NODES = 2500;

  /** Side of an aggregated host's square, its container count inside. */
  static final double AGGREGATED_HOST_SIZE = 16;

  /** Reach of an aggregated host's mark around its centre. */
  static final double AGGREGATE_RADIUS = AGGREGATED_HOST_SIZE / 2 + 1;

  /** The golden angle: successive sunflower points never line up (Vogel's model). */
  private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

  private final SceneIndex index;
  private final Viewport viewport;
  private final Set<String> expanded;
  private final Set<String> openHosts;
  private final boolean aggregated;
  private final Map<String, Point2D> siteXY = new LinkedHashMap<>();
  private final Map<String, Point2D> hostXY = new LinkedHashMap<>();
  private final Map<String, Point2D> containerXY = new LinkedHashMap<>();

  /**
   * @param expanded the open sites
   * @param openHosts hosts whose containers the user asked to see (used when aggregated)
   */
  ClusterLayout(SceneIndex index, Viewport viewport, Set<String> expanded, Set<String> openHosts) {
    this.index = index;
    this.viewport = viewport;
    this.expanded = Set.copyOf(expanded);
    this.openHosts = Set.copyOf(openHosts);
    this.aggregated = aggregates(index, expanded);
    place();
  }

  /** Whether the open sites hold more containers than the map draws marks for. */
  static boolean aggregates(SceneIndex index, Set<String> expanded) {
    long total = 0;
    for (String site : expanded) {
      for (Host h : index.hostsAt(site)) {
        total += index.containersOn(h.name()).size();
      }
    }
    return total > MAX_CONTAINER_NODES;
  }

  Viewport viewport() {
    return viewport;
  }

  boolean isOpen(String site) {
    return expanded.contains(site);
  }

  /** Whether hosts of open sites stand with a count instead of their containers. */
  boolean isAggregated() {
    return aggregated;
  }

  /** Whether the host's containers each get a mark: its site is open and it is not aggregated. */
  boolean showsContainers(Host h) {
    return expanded.contains(h.site()) && (!aggregated || openHosts.contains(h.name()));
  }

  boolean showsContainer(Container c) {
    Host h = index.host(c.host());
    return h != null && showsContainers(h);
  }

  Point2D site(String name) {
    return siteXY.get(name);
  }

  Point2D host(String name) {
    return hostXY.get(name);
  }

  /** A container's mark, or, when it has none of its own, its host's (or closed site's) place. */
  Point2D container(String name) {
    Point2D p = containerXY.get(name);
    if (p != null) {
      return p;
    }
    Container c = index.container(name);
    return c == null ? null : hostXY.get(c.host());
  }

  private void place() {
    for (Site s : index.scenario().sites()) {
      siteXY.put(s.name(), viewport.project(s.location().lat(), s.location().lon()));
    }
    for (Site s : index.scenario().sites()) {
      Point2D c = siteXY.get(s.name());
      List<Host> hosts = index.hostsAt(s.name());
      if (!expanded.contains(s.name())) {
        // Containers without a mark stand at their host: container() looks that up, which
        // spares a map entry per container (k8s-max: 150,000) at every redraw.
        for (Host h : hosts) {
          hostXY.put(h.name(), c);
        }
        continue;
      }
      Cluster g = aggregated ? aggregatedCluster(hosts.size()) : cluster(index, s.name());
      double spread = spread(s.name(), c, g);
      double ringSpread = Math.min(spread, 1.6);
      for (int i = 0; i < hosts.size(); i++) {
        Host h = hosts.get(i);
        double r = (SITE_RADIUS + g.radius() + 4 + g.step() * Math.sqrt(i)) * spread;
        double angle = -Math.PI / 2 + i * GOLDEN_ANGLE;
        Point2D hp = c.add(r * Math.cos(angle), r * Math.sin(angle));
        hostXY.put(h.name(), hp);
        List<Container> cts = index.containersOn(h.name());
        if (!showsContainers(h)) {
          continue;
        }
        for (int j = 0; j < cts.size(); j++) {
          double cr = containerRing(j) * ringSpread;
          double ca = -Math.PI / 2 + j * GOLDEN_ANGLE;
          containerXY.put(cts.get(j).name(), hp.add(cr * Math.cos(ca), cr * Math.sin(ca)));
        }
      }
    }
  }

  /**
   * The natural size of an open site: hosts on a sunflower around the site, each host with its
   * containers on a smaller sunflower.
   *
   * @param radius reach of one host's containers around the host
   * @param step spacing of the host sunflower
   * @param reach distance from the site centre to the outermost mark
   */
  record Cluster(double radius, double step, double reach) {}

  static Cluster cluster(SceneIndex index, String site) {
    List<Host> hosts = index.hostsAt(site);
    int most = 1;
    for (Host h : hosts) {
      most = Math.max(most, index.containersOn(h.name()).size());
    }
    return sunflower(containerRing(most - 1) + CONTAINER_RADIUS + 3, hosts.size());
  }

  /**
   * An aggregated site packs its hosts as if each had one small mark: an opened host's containers
   * then spread over its neighbours, drawn above them on a backing disc.
   */
  private static Cluster aggregatedCluster(int hosts) {
    return sunflower(AGGREGATE_RADIUS, hosts);
  }

  private static Cluster sunflower(double radius, int hosts) {
    double step = (2 * radius + 4) * 0.62;
    double reach = SITE_RADIUS + radius + 4 + step * Math.sqrt(Math.max(hosts - 1, 0)) + radius;
    return new Cluster(radius, step, reach);
  }

  /** Distance from a host to its outermost container mark when they are shown. */
  static double hostReach(int containers) {
    return containers == 0 ? HOST_SIZE : containerRing(containers - 1) + CONTAINER_RADIUS;
  }

  /**
   * How much an open site may spread its marks beyond their natural size: up to half the distance
   * to the nearest other site, a third of the view and the distance to the view's edge, between 1
   * and 3 times. Zooming in thus opens clusters up (semantic zoom).
   */
  private double spread(String site, Point2D c, Cluster g) {
    double room = Math.min(viewport.width(), viewport.height()) * 0.36;
    // Keep the spread cluster inside the view where it stands.
    double edge =
        Math.min(
            Math.min(c.getX(), viewport.width() - c.getX()),
            Math.min(c.getY(), viewport.height() - c.getY()));
    room = Math.min(room, edge - 12);
    for (Map.Entry<String, Point2D> other : siteXY.entrySet()) {
      if (!other.getKey().equals(site)) {
        room = Math.min(room, other.getValue().distance(c) / 2);
      }
    }
    return Math.max(1, Math.min(3, room / g.reach()));
  }

  /** Distance of a host's j-th container from the host (a sunflower around it). */
  private static double containerRing(int j) {
    return HOST_SIZE / 2 + CONTAINER_RADIUS + 1.5 + 6.8 * Math.sqrt(j);
  }

  /** Pixels an open site's marks reach beyond its centre, plus room for its label. */
  static double margin(SceneIndex index, Set<String> expanded) {
    double margin = 80;
    for (Site s : index.scenario().sites()) {
      if (expanded.contains(s.name())) {
        // An open site may spread to twice its natural size (see spread): leave it that room.
        margin = Math.max(margin, 2 * cluster(index, s.name()).reach() + 30);
      }
    }
    return Math.min(margin, 300);
  }
}
