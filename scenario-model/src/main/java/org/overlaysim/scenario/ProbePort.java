package org.overlaysim.scenario;

import java.util.Objects;

/** A protocol and port a reachability probe tries. */
public record ProbePort(Protocol protocol, int port) {
  public ProbePort {
    Objects.requireNonNull(protocol, "protocol");
    Checks.range(port, 1, 65535, "port");
  }
}
