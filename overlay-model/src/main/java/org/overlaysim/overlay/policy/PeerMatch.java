package org.overlaysim.overlay.policy;

import java.util.List;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.IpBlock;

/**
 * One compiled {@code from}/{@code to} peer: either the pod classes its selectors match, or an
 * ipBlock as masks. Kubernetes leaves pod IPs in ipBlocks to the plugin ({@link
 * org.overlaysim.scenario.Scenario#ipBlockMatchesPods()}): by default an ipBlock is matched against
 * the peer's IP whether or not that IP is a pod's, as Calico does; with {@code ipBlockMatchesPods:
 * false} it matches no pod, as Cilium's CIDR rules do not apply between the endpoints it manages.
 */
final class PeerMatch {
  private final ClassSet classes;
  private final int network;
  private final int mask;
  private final int[] exceptNetworks;
  private final int[] exceptMasks;
  private final boolean matchesPods;

  private PeerMatch(
      ClassSet classes,
      int network,
      int mask,
      int[] exceptNetworks,
      int[] exceptMasks,
      boolean matchesPods) {
    this.classes = classes;
    this.matchesPods = matchesPods;
    this.network = network;
    this.mask = mask;
    this.exceptNetworks = exceptNetworks;
    this.exceptMasks = exceptMasks;
  }

  static PeerMatch classes(ClassSet classes) {
    return new PeerMatch(classes, 0, 0, null, null, true);
  }

  /** An ipBlock; {@code matchesPods} false: no pod peer matches it (Cilium). */
  static PeerMatch ipBlock(IpBlock block, boolean matchesPods) {
    List<Cidr> except = block.except();
    int[] networks = new int[except.size()];
    int[] masks = new int[except.size()];
    for (int i = 0; i < networks.length; i++) {
      networks[i] = except.get(i).network().bits();
      masks[i] = mask(except.get(i).prefixLength());
    }
    return new PeerMatch(
        null,
        block.cidr().network().bits(),
        mask(block.cidr().prefixLength()),
        networks,
        masks,
        matchesPods);
  }

  static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  /** {@code podClass} is -1 for a peer that is no pod (then only an ipBlock can match). */
  boolean matches(int podClass, int ip) {
    if (classes != null) {
      return podClass >= 0 && classes.contains(podClass);
    }
    if ((!matchesPods && podClass >= 0) || (ip & mask) != network) {
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
