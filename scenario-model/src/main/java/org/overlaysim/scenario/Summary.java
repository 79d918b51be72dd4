package org.overlaysim.scenario;

/** Counts the validate command prints. */
public record Summary(
    int sites, int hosts, int containers, int overlays, int policies, int flows, int runs) {

  public static Summary of(ScenarioSet set) {
    Scenario s = set.base();
    return new Summary(
        s.sites().size(),
        s.hosts().size(),
        s.containers().size(),
        s.overlays().size(),
        s.policies().size(),
        s.traffic().size(),
        set.runs().size());
  }

  /** {@code 3 sites, 6 hosts, 12 containers, 1 overlay, 0 policies, 2 flows, 1 run}. */
  @Override
  public String toString() {
    return count(sites, "site", "sites")
        + ", "
        + count(hosts, "host", "hosts")
        + ", "
        + count(containers, "container", "containers")
        + ", "
        + count(overlays, "overlay", "overlays")
        + ", "
        + count(policies, "policy", "policies")
        + ", "
        + count(flows, "flow", "flows")
        + ", "
        + count(runs, "run", "runs");
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
