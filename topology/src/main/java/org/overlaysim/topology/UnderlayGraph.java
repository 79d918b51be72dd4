package org.overlaysim.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.overlaysim.engine.collect.LongIntIndex;
import org.overlaysim.scenario.Ipv4;

/**
 * The physical network, immutable: sites, routers, hosts and links as a JGraphT multigraph
 * (parallel links allowed; edge weight = one-way delay in ns), and the routes between routers,
 * computed once when built. Run-time state (queues, counters) lives in {@link UnderlayNetwork}.
 *
 * <p>Every list is in the order things were added to the {@link Builder}; indexes into them are the
 * int ids the hot path uses. Links come in the order {@code link(...)} and {@code host(...)} calls
 * were made (each host adds its access link {@code host--router}).
 */
public final class UnderlayGraph {
  private final List<GeoSite> sites;
  private final List<RouterNode> routers;
  private final List<HostNode> hosts;
  private final List<Link> links;
  private final Graph<Node, Link> graph;
  private final Map<String, GeoSite> siteByName;
  private final Map<String, Node> nodeByName;
  private final Map<String, Integer> routerIndex;
  private final Map<String, Integer> hostIndex;
  private final Map<String, Integer> linkIndex;
  private final int[] hostRouter;
  private final int[] hostAccessLink;
  private final LongIntIndex hostByIpv4;
  private final long ecmpToleranceNs;
  private final RoutingTable routing;
  private final GeoLatencyModel latencyModel;
  private final LinkDefaults defaults;

  private UnderlayGraph(Builder b) {
    this.sites = List.copyOf(b.sites.values());
    this.routers = List.copyOf(b.routers);
    this.hosts = List.copyOf(b.hosts);
    this.links = List.copyOf(b.links);
    this.siteByName = Collections.unmodifiableMap(new LinkedHashMap<>(b.sites));
    this.nodeByName = Collections.unmodifiableMap(new LinkedHashMap<>(b.nodes));
    this.latencyModel = b.latencyModel;
    this.defaults = b.defaults;

    Graph<Node, Link> g =
        GraphTypeBuilder.<Node, Link>undirected()
            .allowingMultipleEdges(true)
            .allowingSelfLoops(false)
            .weighted(true)
            .buildGraph();
    b.nodes.values().forEach(g::addVertex);
    linkIndex = new HashMap<>();
    for (int i = 0; i < links.size(); i++) {
      Link link = links.get(i);
      g.addEdge(nodeByName.get(link.a()), nodeByName.get(link.b()), link);
      g.setEdgeWeight(link, link.delayNs());
      linkIndex.put(link.name(), i);
    }
    this.graph = new AsUnmodifiableGraph<>(g);

    routerIndex = new HashMap<>();
    for (int i = 0; i < routers.size(); i++) {
      routerIndex.put(routers.get(i).name(), i);
    }
    hostIndex = new HashMap<>();
    hostRouter = new int[hosts.size()];
    hostAccessLink = new int[hosts.size()];
    hostByIpv4 = new LongIntIndex(hosts.size());
    for (int i = 0; i < hosts.size(); i++) {
      HostNode h = hosts.get(i);
      hostIndex.put(h.name(), i);
      hostRouter[i] = routerIndex.get(h.router());
      hostAccessLink[i] = linkIndex.get(b.accessLinkNames.get(i));
      hostByIpv4.putIfAbsent(h.ipv4() & 0xFFFF_FFFFL, i);
    }
    this.ecmpToleranceNs = b.ecmpToleranceNs;
    this.routing = routing(link -> true, Link::delayNs);
  }

  /**
   * The routes over the links {@code up} with {@code delayNs} as their delays: what the routers
   * install once they have converged on a changed topology ({@link #routing()} is this with every
   * link up at its own delay).
   */
  public RoutingTable routing(Predicate<Link> up, ToLongFunction<Link> delayNs) {
    return RoutingTable.compute(
        graph, routers, routerIndex, linkIndex, ecmpToleranceNs, up, delayNs);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Read-only view: routers and hosts as vertices, links as edges weighted by delay in ns. */
  public Graph<Node, Link> graph() {
    return graph;
  }

  public List<GeoSite> sites() {
    return sites;
  }

  public List<RouterNode> routers() {
    return routers;
  }

  public List<HostNode> hosts() {
    return hosts;
  }

  /** All links, access links included, in the order they were added. */
  public List<Link> links() {
    return links;
  }

  public GeoLatencyModel latencyModel() {
    return latencyModel;
  }

  public LinkDefaults defaults() {
    return defaults;
  }

  public RoutingTable routing() {
    return routing;
  }

  public GeoSite site(String name) {
    return require(siteByName.get(name), "site", name);
  }

  /** The router or host of that name. */
  public Node node(String name) {
    return require(nodeByName.get(name), "node", name);
  }

  public RouterNode router(String name) {
    return routers.get(routerIndex(name));
  }

  public HostNode host(String name) {
    return hosts.get(hostIndex(name));
  }

  public Link link(String name) {
    return links.get(linkIndex(name));
  }

  public int routerIndex(String name) {
    return require(routerIndex.get(name), "router", name);
  }

  public int hostIndex(String name) {
    return require(hostIndex.get(name), "host", name);
  }

  public int linkIndex(String name) {
    return require(linkIndex.get(name), "link", name);
  }

  /** Index of the router a host hangs off. */
  public int hostRouterIndex(int host) {
    return hostRouter[host];
  }

  /** Index of a host's access link (the host is its {@code a} end). */
  public int accessLinkIndex(int host) {
    return hostAccessLink[host];
  }

  public Link accessLink(HostNode host) {
    return links.get(hostAccessLink[hostIndex(host.name())]);
  }

  /** The host with that underlay address, or -1 (an int-keyed index: no boxing per packet). */
  public int hostIndexByIpv4(int ipv4) {
    return hostByIpv4.get(ipv4 & 0xFFFF_FFFFL);
  }

  /** Whether every node can reach every other (JGraphT connectivity). */
  public boolean isConnected() {
    return new ConnectivityInspector<>(graph).isConnected();
  }

  /** A shortest path by delay between two nodes (Dijkstra), or {@code null} if disconnected. */
  public GraphPath<Node, Link> shortestPath(Node from, Node to) {
    return DijkstraShortestPath.findPathBetween(graph, from, to);
  }

  private static <T> T require(T value, String kind, String name) {
    if (value == null) {
      throw new IllegalArgumentException("no " + kind + " named '" + name + "'");
    }
    return value;
  }

  /**
   * Collects sites, routers, links and hosts, then validates and builds an {@link UnderlayGraph}.
   */
  public static final class Builder {
    private final Map<String, GeoSite> sites = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<RouterNode> routers = new ArrayList<>();
    private final List<HostNode> hosts = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<String> accessLinkNames = new ArrayList<>();
    private final Map<String, Integer> pairCount = new HashMap<>();
    private final Map<String, Link> linkNames = new HashMap<>();
    private final Map<Integer, String> hostByIp = new HashMap<>();
    private final List<Runnable> pending = new ArrayList<>();
    private GeoLatencyModel latencyModel = GeoLatencyModel.DEFAULT;
    private LinkDefaults defaults = LinkDefaults.STANDARD;
    private long ecmpToleranceNs = RoutingTable.DEFAULT_ECMP_TOLERANCE_NS;

    private Builder() {}

    /** Defaults for every link's unset parameters (applies to links added before too). */
    public Builder defaults(LinkDefaults defaults) {
      this.defaults = Objects.requireNonNull(defaults);
      return this;
    }

    /** How delays are derived from geography (applies to links added before too). */
    public Builder latencyModel(GeoLatencyModel model) {
      this.latencyModel = Objects.requireNonNull(model);
      return this;
    }

    public Builder ecmpToleranceNs(long toleranceNs) {
      this.ecmpToleranceNs = toleranceNs;
      return this;
    }

    public Builder site(String name, double latitudeDeg, double longitudeDeg) {
      GeoSite site = new GeoSite(name, latitudeDeg, longitudeDeg);
      if (sites.putIfAbsent(name, site) != null) {
        throw new IllegalArgumentException("duplicate site '" + name + "'");
      }
      return this;
    }

    public Builder router(String name, String site) {
      RouterNode router = new RouterNode(name, siteNamed(site, "router " + name));
      addNode(router);
      routers.add(router);
      return this;
    }

    /** A link between two routers with default parameters, its delay from geography. */
    public Builder link(String a, String b) {
      return link(a, b, LinkOverrides.DEFAULTS);
    }

    /** A link between two routers; parallel links are named {@code a--b#2}, {@code #3}... */
    public Builder link(String a, String b, LinkOverrides spec) {
      Objects.requireNonNull(spec, "spec");
      RouterNode ra = routerNamed(a);
      RouterNode rb = routerNamed(b);
      String pair = a + "--" + b;
      int n = pairCount.merge(pair, 1, Integer::sum);
      String name = n == 1 ? pair : pair + "#" + n;
      int position = reserveLink();
      pending.add(
          () ->
              placeLink(
                  position,
                  spec.resolve(
                      name, a, b, defaults, latencyModel.oneWayDelayNs(ra.site(), rb.site()))));
      return this;
    }

    /** A host with a default access link to its router. */
    public Builder host(String name, String site, String router, String ipv4) {
      return host(name, site, router, ipv4, LinkOverrides.DEFAULTS);
    }

    /**
     * A host and its access link {@code name--router}. Unset access parameters take the link
     * defaults; the delay is {@link LinkDefaults#accessDelayNs()} when host and router share a
     * site, else from geography. A host's {@code bandwidth} is its access link's bandwidth.
     */
    public Builder host(
        String name, String site, String router, String ipv4, LinkOverrides access) {
      return host(name, site, router, Ipv4.parse(ipv4).bits(), access);
    }

    /** As {@link #host(String, String, String, String, LinkOverrides)}, the address as an int. */
    public Builder host(String name, String site, String router, int ip, LinkOverrides access) {
      Objects.requireNonNull(access, "access");
      RouterNode r = routerNamed(router);
      GeoSite s = siteNamed(site, "host " + name);
      String previous = hostByIp.putIfAbsent(ip, name);
      if (previous != null) {
        throw new IllegalArgumentException(
            "host "
                + name
                + ": address "
                + Ipv4.format(ip)
                + " is already host "
                + previous
                + "'s");
      }
      HostNode host = new HostNode(name, s, router, ip);
      addNode(host);
      hosts.add(host);
      String linkName = name + "--" + router;
      accessLinkNames.add(access.name() != null ? access.name() : linkName);
      int position = reserveLink();
      pending.add(
          () -> {
            long delay =
                s.equals(r.site())
                    ? defaults.accessDelayNs()
                    : latencyModel.oneWayDelayNs(s, r.site());
            placeLink(position, access.resolve(linkName, name, router, defaults, delay));
          });
      return this;
    }

    /** Validates names and builds the underlay and its routes. */
    public UnderlayGraph build() {
      links.clear();
      linkNames.clear();
      for (int i = 0; i < pending.size(); i++) {
        links.add(null);
      }
      pending.forEach(Runnable::run);
      return new UnderlayGraph(this);
    }

    private int reserveLink() {
      return pending.size();
    }

    private void placeLink(int position, Link link) {
      Link clash = linkNames.putIfAbsent(link.name(), link);
      if (clash != null) {
        throw new IllegalArgumentException("duplicate link name '" + link.name() + "'");
      }
      links.set(position, link);
    }

    private void addNode(Node node) {
      if (nodes.putIfAbsent(node.name(), node) != null) {
        throw new IllegalArgumentException(
            "duplicate name '" + node.name() + "' (routers and hosts share one namespace)");
      }
    }

    private GeoSite siteNamed(String name, String user) {
      GeoSite s = sites.get(name);
      if (s == null) {
        throw new IllegalArgumentException(user + ": no site named '" + name + "'");
      }
      return s;
    }

    private RouterNode routerNamed(String name) {
      Node n = nodes.get(name);
      if (n instanceof RouterNode r) {
        return r;
      }
      throw new IllegalArgumentException(
          n == null
              ? "no router named '" + name + "'"
              : "'" + name + "' is a host; links join routers (hosts hang off one router)");
    }
  }
}
