package org.overlaysim.scenario;

import java.util.List;

/**
 * A traffic end as written ({@code ref}: a container or a group) and the containers it names, in
 * definition order.
 */
public record Endpoint(String ref, List<String> containers) {
  public Endpoint {
    Checks.name(ref, "endpoint");
    containers = Checks.list(containers);
    if (containers.isEmpty()) {
      throw new IllegalArgumentException("endpoint " + ref + " names no container");
    }
  }
}
