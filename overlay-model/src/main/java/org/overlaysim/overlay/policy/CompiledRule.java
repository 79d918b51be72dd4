package org.overlaysim.overlay.policy;

import org.overlaysim.scenario.Container;

/**
 * One ingress or egress rule. Empty peers match every peer and empty ports every port, of every
 * protocol (ICMP included, as Calico and Cilium treat a rule without ports); a rule with ports only
 * matches those protocols.
 */
final class CompiledRule {
  private final PeerMatch[] peers;
  private final PortMatch[] ports;

  CompiledRule(PeerMatch[] peers, PortMatch[] ports) {
    this.peers = peers;
    this.ports = ports;
  }

  boolean matches(int peerClass, int peerIp, int protocol, int port, Container destination) {
    if (ports.length > 0) {
      boolean portMatched = false;
      for (PortMatch candidate : ports) {
        if (candidate.matches(protocol, port, destination)) {
          portMatched = true;
          break;
        }
      }
      if (!portMatched) {
        return false;
      }
    }
    if (peers.length == 0) {
      return true;
    }
    for (PeerMatch peer : peers) {
      if (peer.matches(peerClass, peerIp)) {
        return true;
      }
    }
    return false;
  }
}
