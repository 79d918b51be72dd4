package org.overlaysim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The physical network: link defaults, routers and the links between them.
 *
 * @param convergenceNs the time from a topology change (an event) until every router forwards on
 *     routes recomputed for it ({@code underlay.convergence}); {@link #DEFAULT_CONVERGENCE_NS}
 */
public record Underlay(
    UnderlayDefaults defaults, List<Router> routers, List<LinkSpec> links, long convergenceNs) {
  /**
   * 250 ms: a link-state IGP tuned for fast convergence, as operators commonly run one. Detection
   * by BFD, 3 missed packets at 50 ms (RFC 5880 section 6.8.4: detection time = detect multiplier ×
   * interval, 150 ms), the first SPF run after its initial delay (INITIAL_SPF_DELAY of RFC 8405's
   * back-off, 50 ms as fast-converging networks set it, e.g. Cisco's {@code timers throttle spf 50
   * ...}) and an estimated 50 ms to install the new routes in the forwarding table. An IGP on its
   * RFC defaults detects a silent neighbour only after the dead interval (OSPF: 40 s, RFC 2328
   * appendix C.3): set {@code underlay.convergence} to model one.
   */
  public static final long DEFAULT_CONVERGENCE_NS = 250_000_000L;

  public Underlay {
    Objects.requireNonNull(defaults, "defaults");
    routers = Checks.list(routers);
    links = Checks.list(links);
    Checks.nonNegative(convergenceNs, "convergence");
  }
}
