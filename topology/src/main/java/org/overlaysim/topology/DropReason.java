package org.overlaysim.topology;

/**
 * Why a packet was dropped: every drop in the simulator has exactly one reason, reported by its
 * name in {@code drops.csv} and {@code links.csv}. The list is the one fixed by the scenario
 * format; the underlay itself produces {@link #QUEUE_FULL}, {@link #LINK_LOSS}, {@link #NO_ROUTE},
 * {@link #TTL_EXPIRED}, {@link #MTU_EXCEEDED} and {@link #LINK_DOWN}; the overlay model produces
 * the others.
 */
public enum DropReason {
  ACL_DENY("acl-deny"),
  POLICY_DENY("policy-deny"),
  MTU_EXCEEDED("mtu-exceeded"),
  NO_ROUTE("no-route"),
  NO_FDB("no-fdb"),
  QUEUE_FULL("queue-full"),
  LINK_LOSS("link-loss"),
  TTL_EXPIRED("ttl-expired"),
  VNI_MISMATCH("vni-mismatch"),
  /** Sent onto a link that is down, or on it when it went down (a scenario event). */
  LINK_DOWN("link-down"),
  /** Sent by or to a container of a host that is down (a scenario event). */
  HOST_DOWN("host-down");

  private final String reportName;

  DropReason(String reportName) {
    this.reportName = reportName;
  }

  /** The name used in reports and the scenario format, e.g. {@code queue-full}. */
  public String reportName() {
    return reportName;
  }

  /** The reason with the given report name. */
  public static DropReason fromReportName(String name) {
    for (DropReason r : values()) {
      if (r.reportName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown drop reason '" + name + "'");
  }

  @Override
  public String toString() {
    return reportName;
  }
}
