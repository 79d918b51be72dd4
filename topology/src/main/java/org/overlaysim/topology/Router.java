package org.overlaysim.topology;

import java.util.Objects;

/** An underlay router (or layer-3 switch) at a site; it forwards by shortest delay with ECMP. */
public record Router(String name, Site site) implements Node {
  public Router {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(site, "site");
  }

  @Override
  public String toString() {
    return name;
  }
}
