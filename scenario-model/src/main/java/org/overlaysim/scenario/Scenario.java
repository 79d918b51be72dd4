package org.overlaysim.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fully resolved scenario: every reference checked, every unit parsed, every default and mass
 * definition expanded, every address allocated. Lists keep the file's order (expanded entries in
 * place of their {@code count} entry).
 *
 * @param ipBlockMatchesPods whether a NetworkPolicy's {@code ipBlock} matches the addresses of the
 *     scenario's own pods (containers). Kubernetes leaves this to the network plugin (NetworkPolicy
 *     API: ipBlock "should be cluster-external IPs, since Pod IPs are ephemeral"), and the two
 *     common plugins differ: Calico matches an ipBlock (its {@code nets}) against the packet's
 *     address whatever it belongs to ({@code true}, the default); Cilium's CIDR rules do not apply
 *     between endpoints it manages (its "CIDR-based" policy docs: "CIDR rules do not apply to
 *     traffic where both sides of the connection are either managed by Cilium or use an IP
 *     belonging to a node in the cluster"), so a pod peer is matched only by selectors ({@code
 *     false}). The scenario key is {@code ipBlockMatchesPods}.
 * @param commonSeeds {@code seeds: common}: every sweep point runs replication r with the same
 *     random streams (common random numbers), instead of streams of its own
 * @param sampleNs {@code sample}: the interval of timeseries.csv; 0 when the scenario has none
 * @param events {@code events}: what fails or changes during the run, in time order (entries of one
 *     time in the file's order)
 */
public record Scenario(
    String name,
    String description,
    long seed,
    long durationNs,
    int replications,
    List<Site> sites,
    Underlay underlay,
    List<Host> hosts,
    List<Overlay> overlays,
    List<Container> containers,
    List<Namespace> namespaces,
    List<NetworkPolicy> policies,
    List<Acl> acls,
    List<TrafficSpec> traffic,
    List<CaptureSpec> capture,
    Sweep sweep,
    boolean ipBlockMatchesPods,
    boolean commonSeeds,
    long sampleNs,
    List<TimedEvent> events) {
  /**
   * The policies in force after the first {@code eventCount} events (0: at the start), in the order
   * of {@link #policies}: every policy but those whose first event adds them, then as the events
   * add and remove them.
   */
  public List<NetworkPolicy> policiesAfter(int eventCount) {
    Map<String, Boolean> inForce = new HashMap<>();
    for (TimedEvent e : events) {
      if (e.target() == TimedEvent.Target.POLICY) {
        inForce.putIfAbsent(e.name(), e.action() != TimedEvent.Action.ADD);
      }
    }
    for (TimedEvent e : events.subList(0, eventCount)) {
      if (e.target() == TimedEvent.Target.POLICY) {
        inForce.put(e.name(), e.action() == TimedEvent.Action.ADD);
      }
    }
    return policies.stream()
        .filter(p -> inForce.getOrDefault(p.namespace() + "/" + p.name(), true))
        .toList();
  }

  public Scenario {
    Checks.name(name, "scenario name");
    Objects.requireNonNull(description, "description");
    Checks.positive(durationNs, "duration");
    Checks.range(replications, 1, Integer.MAX_VALUE, "replications");
    sites = Checks.list(sites);
    Objects.requireNonNull(underlay, "underlay");
    hosts = Checks.list(hosts);
    overlays = Checks.list(overlays);
    containers = Checks.list(containers);
    namespaces = Checks.list(namespaces);
    policies = Checks.list(policies);
    acls = Checks.list(acls);
    traffic = Checks.list(traffic);
    capture = Checks.list(capture);
    Objects.requireNonNull(sweep, "sweep");
    Checks.nonNegative(sampleNs, "sample");
    events = Checks.list(events);
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).atNs() < events.get(i - 1).atNs()) {
        throw new IllegalArgumentException("events out of time order");
      }
    }
  }
}
