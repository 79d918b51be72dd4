package org.overlaysim.topology;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * Which hosts' VTEPs serve which VNI, and the overlay graph that follows: per VNI, a full mesh of
 * VTEP tunnels among its member hosts (as Docker overlay, Flannel and head-end replication see it:
 * every VTEP may send to every other). A pair of hosts sharing several VNIs has one tunnel per VNI
 * (a multigraph). Hosts and VNIs are kept sorted, so iteration order never depends on hashing.
 *
 * <p>The mesh has n(n-1)/2 edges per VNI of n members; {@link #members(int)} answers without it.
 */
public final class OverlayMembership {
  /** VXLAN and Geneve carry a 24-bit VNI (RFC 7348 section 5, RFC 8926 section 3.4). */
  public static final int MAX_VNI = (1 << 24) - 1;

  private static final Comparator<Host> BY_NAME = Comparator.comparing(Host::name);

  private final TreeMap<Integer, List<Host>> membersByVni = new TreeMap<>();
  private final TreeMap<String, SortedSet<Integer>> vnisByHost = new TreeMap<>();
  private final TreeSet<Host> hosts = new TreeSet<>(BY_NAME);
  private Graph<Host, VtepTunnel> graph;

  private OverlayMembership(Map<Host, ? extends Collection<Integer>> vnisOfHost) {
    TreeMap<Integer, TreeSet<Host>> members = new TreeMap<>();
    vnisOfHost.forEach(
        (host, vnis) -> {
          TreeSet<Integer> own = new TreeSet<>();
          hosts.add(host);
          for (int vni : vnis) {
            checkVni(vni);
            own.add(vni);
            members.computeIfAbsent(vni, v -> new TreeSet<>(BY_NAME)).add(host);
          }
          vnisByHost.put(host.name(), Collections.unmodifiableSortedSet(own));
        });
    members.forEach((vni, m) -> membersByVni.put(vni, List.copyOf(m)));
  }

  /** Membership from each host's VNIs. */
  public static OverlayMembership of(Map<Host, ? extends Collection<Integer>> vnisOfHost) {
    return new OverlayMembership(vnisOfHost);
  }

  static void checkVni(int vni) {
    if (vni < 0 || vni > MAX_VNI) {
      throw new IllegalArgumentException("VNI " + vni + " is outside [0, " + MAX_VNI + "]");
    }
  }

  /** VNIs served by at least one host, ascending. */
  public SortedSet<Integer> vnis() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(membersByVni.keySet()));
  }

  /** Hosts serving {@code vni}, by name; empty if none. */
  public List<Host> members(int vni) {
    return membersByVni.getOrDefault(vni, List.of());
  }

  /** VNIs a host serves, ascending. */
  public SortedSet<Integer> vnisOf(Host host) {
    return vnisByHost.getOrDefault(host.name(), Collections.emptySortedSet());
  }

  /** The overlay graph (read-only): every host as a vertex, a full mesh of tunnels per VNI. */
  public Graph<Host, VtepTunnel> graph() {
    if (graph == null) {
      Graph<Host, VtepTunnel> g =
          GraphTypeBuilder.<Host, VtepTunnel>undirected()
              .allowingMultipleEdges(true)
              .allowingSelfLoops(false)
              .weighted(false)
              .buildGraph();
      hosts.forEach(g::addVertex);
      membersByVni.forEach(
          (vni, hosts) -> {
            for (int i = 0; i < hosts.size(); i++) {
              for (int j = i + 1; j < hosts.size(); j++) {
                g.addEdge(
                    hosts.get(i), hosts.get(j), new VtepTunnel(hosts.get(i), hosts.get(j), vni));
              }
            }
          });
      graph = new AsUnmodifiableGraph<>(g);
    }
    return graph;
  }
}
