package org.overlaysim.gui.map;

import java.util.ArrayList;
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
    Map<String, Point2D> trueXY = new LinkedHashMap<>();
    for (Site s : index.scenario().sites()) {
      Point2D p = viewport.project(s.location().lat(), s.location().lon());
      trueXY.put(s.name(), p);
      siteXY.put(s.name(), p);
    }
    this.trueXY.putAll(trueXY);
    List<String> open = new ArrayList<>();
    Map<String, Double> spreads = new LinkedHashMap<>();
    for (Site s : index.scenario().sites()) {
      List<Host> hosts = index.hostsAt(s.name());
      if (!expanded.contains(s.name())) {
        // Containers without a mark stand at their host: container() looks that up, which
        // spares a map entry per container (k8s-max: 150,000) at every redraw.
        for (Host h : hosts) {
          hostXY.put(h.name(), trueXY.get(s.name()));
        }
        continue;
      }
      open.add(s.name());
      Cluster g = aggregated ? aggregatedCluster(hosts.size()) : cluster(index, s.name());
      spreads.put(s.name(), spread(s.name(), trueXY.get(s.name()), g));
    }
    // Lay every open site out around the origin, then move the clusters apart until none covers
    // another (or another site's true place); if they cannot all fit in the view, shrink them
    // back towards their natural size.
    Map<String, Map<String, Point2D>> offsets = new LinkedHashMap<>();
    Map<String, Double> radii = new LinkedHashMap<>();
    Map<String, Point2D> centres = null;
    for (int attempt = 0; centres == null; attempt++) {
      double shrink = Math.pow(0.85, attempt);
      boolean last = attempt > 0 && spreads.values().stream().allMatch(x -> x * shrink <= 1);
      for (String site : open) {
        double spread = Math.max(1, spreads.get(site) * shrink);
        Map<String, Point2D> rel = new LinkedHashMap<>();
        radii.put(site, offsets(site, spread, rel) + HALO_GAP);
        usedSpread.put(site, spread);
        offsets.put(site, rel);
      }
      centres = separate(open, trueXY, radii);
      if (centres == null && last) {
        // Too big for the view even at their natural size (k8s-max's 1,000 hosts a site): the
        // clusters stay on their sites, overlapping, rather than leave the view.
        centres = new LinkedHashMap<>(trueXY);
      }
    }
    for (String site : open) {
      Point2D c = centres.get(site);
      siteXY.put(site, c);
      clusterRadius.put(site, radii.get(site));
      for (Map.Entry<String, Point2D> e : offsets.get(site).entrySet()) {
        hostXY.put(e.getKey(), c.add(e.getValue()));
      }
    }
    for (String site : open) {
      Point2D c = centres.get(site);
      for (Map.Entry<String, Point2D> e :
          containerOffsets.getOrDefault(site, Map.of()).entrySet()) {
        containerXY.put(e.getKey(), c.add(e.getValue()));
      }
    }
  }

  /** Gap between an open site's outermost mark and its circle. */
  static final double HALO_GAP = 8;

  /** Room kept around a closed site (its disc and name) and around an open site's true place. */
  private static final double CLOSED_SITE_ROOM = SITE_RADIUS + 18;

  private static final double PIN_ROOM = 8;

  private final Map<String, Point2D> trueXY = new LinkedHashMap<>();
  private final Map<String, Double> clusterRadius = new LinkedHashMap<>();
  private final Map<String, Double> usedSpread = new LinkedHashMap<>();
  private final Map<String, Map<String, Point2D>> containerOffsets = new LinkedHashMap<>();

  /**
   * Places a site's hosts (into {@code hosts}) and containers (into {@link #containerOffsets})
   * relative to the site's centre; returns the distance of the outermost mark's edge.
   */
  private double offsets(String site, double spread, Map<String, Point2D> hosts) {
    List<Host> hs = index.hostsAt(site);
    Cluster g = aggregated ? aggregatedCluster(hs.size()) : cluster(index, site);
    double ringSpread = Math.min(spread, 1.6);
    Map<String, Point2D> cts = new LinkedHashMap<>();
    double hostReach = aggregated ? AGGREGATE_RADIUS : HOST_SIZE;
    double reach = SITE_RADIUS;
    for (int i = 0; i < hs.size(); i++) {
      Host h = hs.get(i);
      double r = (SITE_RADIUS + g.radius() + 4 + g.step() * Math.sqrt(i)) * spread;
      double angle = -Math.PI / 2 + i * GOLDEN_ANGLE;
      Point2D hp = new Point2D(r * Math.cos(angle), r * Math.sin(angle));
      hosts.put(h.name(), hp);
      reach = Math.max(reach, r + hostReach);
      if (!showsContainers(h)) {
        continue;
      }
      List<Container> list = index.containersOn(h.name());
      for (int j = 0; j < list.size(); j++) {
        double cr = containerRing(j) * ringSpread;
        double ca = -Math.PI / 2 + j * GOLDEN_ANGLE;
        Point2D cp = hp.add(cr * Math.cos(ca), cr * Math.sin(ca));
        cts.put(list.get(j).name(), cp);
        reach = Math.max(reach, cp.magnitude() + CONTAINER_RADIUS);
      }
    }
    containerOffsets.put(site, cts);
    return reach;
  }

  /**
   * Centres for the open sites' clusters, each as near its site's true place as it can be while no
   * cluster's circle overlaps another's or covers a closed site or another site's true place, all
   * inside the view; null when they do not fit.
   */
  private Map<String, Point2D> separate(
      List<String> open, Map<String, Point2D> trueXY, Map<String, Double> radii) {
    Map<String, Point2D> c = new LinkedHashMap<>();
    for (String s : open) {
      c.put(s, trueXY.get(s));
    }
    if (open.isEmpty()) {
      return c;
    }
    double w = viewport.width();
    double h = viewport.height();
    for (int iter = 0; iter < 400; iter++) {
      boolean clear = true;
      for (int i = 0; i < open.size(); i++) {
        String a = open.get(i);
        double ra = radii.get(a);
        for (int j = i + 1; j < open.size(); j++) {
          String b = open.get(j);
          double need = ra + radii.get(b) + 4;
          Point2D pa = c.get(a);
          Point2D pb = c.get(b);
          double d = pa.distance(pb);
          if (d < need) {
            clear = false;
            Point2D dir = direction(pa, pb, trueXY.get(a), trueXY.get(b), i + j);
            double push = (need - d) / 2 + 0.5;
            c.put(a, pa.subtract(dir.multiply(push)));
            c.put(b, pb.add(dir.multiply(push)));
          }
        }
        // Other sites' true places: a closed site's disc and name, an open one's pin.
        for (Map.Entry<String, Point2D> o : trueXY.entrySet()) {
          if (o.getKey().equals(a)) {
            continue;
          }
          double room = expanded.contains(o.getKey()) ? PIN_ROOM : CLOSED_SITE_ROOM;
          Point2D pa = c.get(a);
          double d = pa.distance(o.getValue());
          if (d < ra + room) {
            clear = false;
            Point2D dir = direction(o.getValue(), pa, o.getValue(), trueXY.get(a), i);
            c.put(a, pa.add(dir.multiply(ra + room - d + 0.5)));
          }
        }
        Point2D pa = c.get(a);
        double x = clamp(pa.getX(), ra, w - ra);
        double y = clamp(pa.getY(), ra, h - ra);
        if (x != pa.getX() || y != pa.getY()) {
          c.put(a, new Point2D(x, y));
        }
      }
      if (clear) {
        return c;
      }
    }
    return null;
  }

  private static double clamp(double v, double lo, double hi) {
    return lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(hi, v));
  }

  /** Unit vector from a to b; from their true places when they coincide, else a fixed angle. */
  private static Point2D direction(Point2D a, Point2D b, Point2D ta, Point2D tb, int salt) {
    Point2D d = b.subtract(a);
    if (d.magnitude() < 1e-6) {
      d = tb.subtract(ta);
    }
    if (d.magnitude() < 1e-6) {
      double angle = salt * GOLDEN_ANGLE;
      d = new Point2D(Math.cos(angle), Math.sin(angle));
    }
    return d.normalize();
  }

  /** Where a site really is (its projected coordinates); an open site's cluster may stand aside. */
  Point2D trueSite(String name) {
    return trueXY.get(name);
  }

  /** How many times its natural size an open site is spread (grows as the user zooms in). */
  double spread(String name) {
    return usedSpread.getOrDefault(name, 1.0);
  }

  /** Radius of an open site's circle around {@link #site}: every mark of its cluster inside. */
  double clusterRadius(String name) {
    return clusterRadius.getOrDefault(name, 0.0);
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
