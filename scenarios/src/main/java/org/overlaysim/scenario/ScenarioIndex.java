package org.overlaysim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups by name over a {@link Scenario} (built once, O(n)); iteration stays in file order. */
public final class ScenarioIndex {
  private final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Router> routers = new HashMap<>();
  private final Map<String, Host> hosts = new HashMap<>();
  private final Map<String, Overlay> overlays = new HashMap<>();
  private final Map<String, Container> containers = new HashMap<>();
  private final Map<String, Namespace> namespaces = new HashMap<>();
  private final Map<String, LinkSpec> links = new HashMap<>();
  private final Map<String, List<Container>> containersByHost = new LinkedHashMap<>();

  public ScenarioIndex(Scenario scenario) {
    scenario.sites().forEach(s -> sites.put(s.name(), s));
    scenario.underlay().routers().forEach(r -> routers.put(r.name(), r));
    scenario.underlay().links().forEach(l -> links.put(l.name(), l));
    scenario.hosts().forEach(h -> hosts.put(h.name(), h));
    scenario.overlays().forEach(o -> overlays.put(o.name(), o));
    scenario.namespaces().forEach(n -> namespaces.put(n.name(), n));
    for (Container c : scenario.containers()) {
      containers.put(c.name(), c);
      containersByHost.computeIfAbsent(c.host(), h -> new ArrayList<>()).add(c);
    }
  }

  public Optional<Site> site(String name) {
    return Optional.ofNullable(sites.get(name));
  }

  public Optional<Router> router(String name) {
    return Optional.ofNullable(routers.get(name));
  }

  public Optional<LinkSpec> link(String name) {
    return Optional.ofNullable(links.get(name));
  }

  public Optional<Host> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  public Optional<Overlay> overlay(String name) {
    return Optional.ofNullable(overlays.get(name));
  }

  public Optional<Container> container(String name) {
    return Optional.ofNullable(containers.get(name));
  }

  public Optional<Namespace> namespace(String name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  /** Containers on a host, in file order. */
  public List<Container> containersOn(String host) {
    return Collections.unmodifiableList(containersByHost.getOrDefault(host, List.of()));
  }
}
