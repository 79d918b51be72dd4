package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * Addresses the scenario does not give: router ends of links, taken from 198.18.0.0/15 (RFC 2544,
 * reserved for benchmarking, never routed on the Internet). Router-router link {@code k} is the /30
 * at 198.18.0.0 + 4k; the router end of host {@code j}'s access link is 198.19.0.0 + 4j + 1.
 * Containers of routed overlays reach their host at the link-local 169.254.1.1 (as Calico does).
 */
public final class AddressPlan {
  public static final Cidr RESERVED = Cidr.parse("198.18.0.0/15");
  public static final Ipv4 ROUTED_GATEWAY = Ipv4.parse("169.254.1.1");
  private static final Ipv4 LINKS = Ipv4.parse("198.18.0.0");
  private static final Ipv4 ACCESS = Ipv4.parse("198.19.0.0");

  private AddressPlan() {}

  /** The address of link {@code k}'s end at router a ({@code aEnd}) or b. */
  public static Ipv4 linkEnd(int link, boolean aEnd) {
    return LINKS.plus(4L * link + (aEnd ? 1 : 2));
  }

  public static Ipv4 accessRouterEnd(int host) {
    return ACCESS.plus(4L * host + 1);
  }

  /** Scenario addresses inside the reserved block, which this plan cannot use; empty when none. */
  public static List<String> conflicts(Scenario scenario) {
    List<String> problems = new ArrayList<>();
    for (Host host : scenario.hosts()) {
      if (RESERVED.contains(host.ip())) {
        problems.add("host " + host.name() + " address " + host.ip() + " lies in " + RESERVED);
      }
    }
    for (Overlay overlay : scenario.overlays()) {
      Cidr link = Cidr.parse("169.254.1.1/32");
      if (overlay.subnet().overlaps(RESERVED) || overlay.subnet().overlaps(link)) {
        problems.add(
            "overlay "
                + overlay.name()
                + " subnet "
                + overlay.subnet()
                + " overlaps "
                + RESERVED
                + " or 169.254.1.1, which the emulation uses for its own links");
      }
    }
    for (Container c : scenario.containers()) {
      if (RESERVED.contains(c.ip())) {
        problems.add("container " + c.name() + " address " + c.ip() + " lies in " + RESERVED);
      }
    }
    return problems;
  }
}
