package org.overlaysim.topology;

import java.util.Objects;

/** An underlay router (or layer-3 switch) at a site; it forwards by shortest delay with ECMP. */
public record RouterNode(String name, GeoSite site) implements Node {
  public RouterNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(site, "site");
  }

  @Override
  public String toString() {
    return name;
  }
}
