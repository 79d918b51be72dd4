package org.overlaysim.scenario;

/** An underlay router standing at a site. */
public record Router(String name, String site) {
  public Router {
    Checks.name(name, "router name");
    Checks.name(site, "router site");
  }
}
