package org.overlaysim.overlay.policy;

import java.util.List;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ContainerPort;
import org.overlaysim.scenario.PolicyPort;

/**
 * One compiled NetworkPolicy port: protocol plus a range ({@code port}..{@code endPort}; no port
 * means all), or a named port resolved against the destination pod's container ports of the same
 * protocol, as Kubernetes resolves it (for ingress the selected pod, for egress the peer pod).
 */
final class PortMatch {
  private final int protocol;
  private final int first;
  private final int last;
  private final String name;

  PortMatch(PolicyPort port) {
    this.protocol = Transport.of(port.protocol());
    this.name = port.namedPort().orElse(null);
    this.first = port.port().isPresent() ? port.port().getAsInt() : 0;
    this.last =
        port.endPort().isPresent()
            ? port.endPort().getAsInt()
            : port.port().isPresent() ? port.port().getAsInt() : 65535;
  }

  /** {@code destination} is null when the destination is no pod (a named port cannot match). */
  boolean matches(int packetProtocol, int port, Container destination) {
    if (packetProtocol != protocol) {
      return false;
    }
    if (name == null) {
      return port >= first && port <= last;
    }
    if (destination == null) {
      return false;
    }
    List<ContainerPort> declared = destination.ports();
    for (int i = 0; i < declared.size(); i++) {
      ContainerPort candidate = declared.get(i);
      if (candidate.containerPort() == port
          && name.equals(candidate.name())
          && Transport.of(candidate.protocol()) == protocol) {
        return true;
      }
    }
    return false;
  }
}
