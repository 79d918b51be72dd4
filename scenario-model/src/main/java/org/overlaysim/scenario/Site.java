package org.overlaysim.scenario;

import java.util.Objects;

/** A geographic location where routers and hosts stand. */
public record Site(String name, Location location) {
  public Site {
    Checks.name(name, "site name");
    Objects.requireNonNull(location, "location");
  }
}
