package org.overlaysim.overlay.policy;

import java.util.List;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.IpBlock;

/**
 * One compiled {@code from}/{@code to} peer: either the pod classes its selectors match, or an
 * ipBlock as masks. An ipBlock is matched against the peer's IP whether or not that IP is a pod's:
 * Kubernetes leaves pod IPs in ipBlocks to the plugin, and matching by address is what Calico and
 * Cilium do for the packet they see.
 */
final class PeerMatch {
  private final ClassSet classes;
  private final int network;
  private final int mask;
  private final int[] exceptNetworks;
  private final int[] exceptMasks;

  private PeerMatch(
      ClassSet classes, int network, int mask, int[] exceptNetworks, int[] exceptMasks) {
    this.classes = classes;
    this.network = network;
    this.mask = mask;
    this.exceptNetworks = exceptNetworks;
    this.exceptMasks = exceptMasks;
  }

  static PeerMatch classes(ClassSet classes) {
    return new PeerMatch(classes, 0, 0, null, null);
  }

  static PeerMatch ipBlock(IpBlock block) {
    List<Cidr> except = block.except();
    int[] networks = new int[except.size()];
    int[] masks = new int[except.size()];
    for (int i = 0; i < networks.length; i++) {
      networks[i] = except.get(i).network().bits();
      masks[i] = mask(except.get(i).prefixLength());
    }
    return new PeerMatch(
        null, block.cidr().network().bits(), mask(block.cidr().prefixLength()), networks, masks);
  }

  static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  /** {@code podClass} is -1 for a peer that is no pod (then only an ipBlock can match). */
  boolean matches(int podClass, int ip) {
    if (classes != null) {
      return podClass >= 0 && classes.contains(podClass);
    }
    if ((ip & mask) != network) {
      return false;
    }
    for (int i = 0; i < exceptNetworks.length; i++) {
      if ((ip & exceptMasks[i]) == exceptNetworks[i]) {
        return false;
      }
    }
    return true;
  }
}
