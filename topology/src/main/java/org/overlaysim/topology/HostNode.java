package org.overlaysim.topology;

import java.util.Objects;

/**
 * A machine with a VTEP, joined to one router by its access link. Hosts are stubs: the underlay
 * routes between routers and hands a packet down the access link of the router its destination
 * hangs off.
 *
 * @param ipv4 the host's underlay address as an unsigned 32-bit value in an int ({@link
 *     org.overlaysim.scenario.Ipv4})
 */
public record HostNode(String name, GeoSite site, String router, int ipv4) implements Node {
  public HostNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(router, "router");
  }

  @Override
  public String toString() {
    return name;
  }
}
