package org.overlaysim.gui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Router;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.Site;
import org.overlaysim.topology.UnderlayPlan;

/** Look-ups the map needs over a scenario, built once per scenario, in file order. */
public final class SceneIndex {
  private final Scenario scenario;
  private final Map<String, Site> sites = new LinkedHashMap<>();
  private final Map<String, String> routerSite = new LinkedHashMap<>();
  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final Map<String, List<Host>> hostsBySite = new LinkedHashMap<>();
  private final Map<String, List<Container>> containersByHost = new LinkedHashMap<>();
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final Map<String, Integer> overlayIndex = new LinkedHashMap<>();
  private final Map<String, Overlay> overlays = new LinkedHashMap<>();
  private List<Container> isolated;
  private final Map<String, List<String>> vtepHosts = new LinkedHashMap<>();
  private final Map<String, List<String>> overlaysAt = new LinkedHashMap<>();
  private UnderlayPlan plan;

  public SceneIndex(Scenario scenario) {
    this.scenario = scenario;
    for (Site s : scenario.sites()) {
      sites.put(s.name(), s);
      hostsBySite.put(s.name(), new ArrayList<>());
    }
    for (Router r : scenario.underlay().routers()) {
      routerSite.put(r.name(), r.site());
    }
    for (Host h : scenario.hosts()) {
      hosts.put(h.name(), h);
      hostsBySite.computeIfAbsent(h.site(), k -> new ArrayList<>()).add(h);
      containersByHost.put(h.name(), new ArrayList<>());
    }
    for (Container c : scenario.containers()) {
      containers.put(c.name(), c);
      containersByHost.computeIfAbsent(c.host(), k -> new ArrayList<>()).add(c);
    }
    int i = 0;
    for (Overlay o : scenario.overlays()) {
      overlays.put(o.name(), o);
      overlayIndex.put(o.name(), i++);
    }
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The scenario's underlay plan (the simulator's links, delays and routes), built when asked. */
  public UnderlayPlan plan() {
    if (plan == null) {
      plan = UnderlayPlan.of(scenario);
    }
    return plan;
  }

  public Site site(String name) {
    return sites.get(name);
  }

  /** The site a router stands at, or null for an unknown router. */
  public Site siteOfRouter(String router) {
    String site = routerSite.get(router);
    return site == null ? null : sites.get(site);
  }

  public Host host(String name) {
    return hosts.get(name);
  }

  public List<Host> hostsAt(String site) {
    return hostsBySite.getOrDefault(site, List.of());
  }

  public List<Container> containersOn(String host) {
    return containersByHost.getOrDefault(host, List.of());
  }

  public Container container(String name) {
    return containers.get(name);
  }

  public Overlay overlay(String name) {
    return overlays.get(name);
  }

  /** Position of the overlay in the file, which picks its colour. */
  public int overlayIndex(String name) {
    return overlayIndex.getOrDefault(name, 0);
  }

  /** The site a container runs at (through its host). */
  public String siteOf(Container c) {
    Host h = hosts.get(c.host());
    return h == null ? "" : h.site();
  }

  /**
   * The hosts that run a container of the overlay (its VTEPs), in file order; worked out once per
   * overlay, as the map redraws on every pan and zoom.
   */
  public List<String> vtepHosts(String overlay) {
    return vtepHosts.computeIfAbsent(
        overlay,
        o -> {
          Set<String> hostsOf = new LinkedHashSet<>();
          for (Container c : scenario.containers()) {
            if (c.overlay().equals(o)) {
              hostsOf.add(c.host());
            }
          }
          return List.copyOf(hostsOf);
        });
  }

  /** The overlays with a container at the site, in order of first container; worked out once. */
  public List<String> overlaysAt(String site) {
    return overlaysAt.computeIfAbsent(
        site,
        s -> {
          Set<String> found = new LinkedHashSet<>();
          for (Host h : hostsAt(s)) {
            for (Container c : containersOn(h.name())) {
              found.add(c.overlay());
            }
          }
          return List.copyOf(found);
        });
  }

  /**
   * The containers some NetworkPolicy selects, in file order; worked out once, on first use, and
   * only against the policies of the container's own namespace (k8s-max: 150,000 containers and 500
   * policies would otherwise be 75 million selector matches per redraw).
   */
  public List<Container> isolated() {
    if (isolated == null) {
      Map<String, List<NetworkPolicy>> byNamespace = new LinkedHashMap<>();
      for (NetworkPolicy p : scenario.policies()) {
        byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
      }
      List<Container> found = new ArrayList<>();
      for (Container c : scenario.containers()) {
        for (NetworkPolicy p : byNamespace.getOrDefault(c.namespace(), List.of())) {
          if (selects(p, c)) {
            found.add(c);
            break;
          }
        }
      }
      isolated = List.copyOf(found);
    }
    return isolated;
  }

  /**
   * Whether a NetworkPolicy selects the container: same namespace and its podSelector matches the
   * labels (Kubernetes: a policy applies to pods of its own namespace only).
   */
  public static boolean selects(NetworkPolicy policy, Container c) {
    return policy.namespace().equals(c.namespace()) && policy.podSelector().matches(c.labels());
  }
}
