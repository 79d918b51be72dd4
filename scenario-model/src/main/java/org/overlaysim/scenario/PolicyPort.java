package org.overlaysim.scenario;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A NetworkPolicy port: a protocol and, optionally, a port number (with an optional {@code endPort}
 * making it a range) or a named container port. No port means every port.
 */
public record PolicyPort(
    Protocol protocol, OptionalInt port, Optional<String> namedPort, OptionalInt endPort) {
  public PolicyPort {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(namedPort, "namedPort");
    Objects.requireNonNull(endPort, "endPort");
    if (port.isPresent() && namedPort.isPresent()) {
      throw new IllegalArgumentException("port is a number or a name, not both");
    }
    port.ifPresent(p -> Checks.range(p, 1, 65535, "port"));
    if (endPort.isPresent()) {
      if (port.isEmpty()) {
        throw new IllegalArgumentException("endPort needs a numeric port");
      }
      Checks.range(endPort.getAsInt(), port.getAsInt(), 65535, "endPort");
    }
  }

  /** Whether a numeric destination port matches; named ports are resolved per pod by callers. */
  public boolean matchesNumber(Protocol candidateProtocol, int candidatePort) {
    if (candidateProtocol != protocol || namedPort.isPresent()) {
      return false;
    }
    if (port.isEmpty()) {
      return true;
    }
    int last = endPort.isPresent() ? endPort.getAsInt() : port.getAsInt();
    return candidatePort >= port.getAsInt() && candidatePort <= last;
  }
}
