package org.overlaysim.scenario;

import java.util.Objects;

/** A port a container listens on; {@code name} lets policies refer to it (may be empty). */
public record ContainerPort(String name, int containerPort, Protocol protocol) {
  public ContainerPort {
    Objects.requireNonNull(name, "name");
    Checks.range(containerPort, 1, 65535, "containerPort");
    Objects.requireNonNull(protocol, "protocol");
  }
}
