package org.overlaysim.scenario;

import java.util.List;
import java.util.Objects;

/** The physical network: link defaults, routers and the links between them. */
public record Underlay(UnderlayDefaults defaults, List<Router> routers, List<LinkSpec> links) {
  public Underlay {
    Objects.requireNonNull(defaults, "defaults");
    routers = Checks.list(routers);
    links = Checks.list(links);
  }
}
