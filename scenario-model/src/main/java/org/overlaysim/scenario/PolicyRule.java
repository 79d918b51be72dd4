package org.overlaysim.scenario;

import java.util.List;

/**
 * An ingress rule ({@code from} peers) or egress rule ({@code to} peers). Empty peers match every
 * peer, empty ports every port, as in Kubernetes.
 */
public record PolicyRule(List<PolicyPeer> peers, List<PolicyPort> ports) {
  public PolicyRule {
    peers = Checks.list(peers);
    ports = Checks.list(ports);
  }
}
