package org.overlaysim.overlay.fdb;

import java.util.Arrays;

/**
 * Which VTEPs' EVPN routes of one overlay are withdrawn, shared by the overlay's VTEPs (an iBGP
 * full mesh: every VTEP learns a failure alike, {@code convergenceNs} after it). When a host goes
 * down its BGP sessions drop and the others withdraw its type-2 routes, so traffic to its
 * containers stops at the sender ({@code no-fdb}) instead of crossing the underlay to a dead VTEP;
 * when it comes back it advertises them again, installed the convergence time later.
 */
public final class EvpnRoutes {
  private final long convergenceNs;
  private final long[] withdrawnFromNs; // per host: Long.MAX_VALUE while its routes stand
  private final long[] advertisedAgainAtNs;
  private boolean anyHostWentDown;

  public EvpnRoutes(int hosts, long convergenceNs) {
    this.convergenceNs = convergenceNs;
    this.withdrawnFromNs = new long[hosts];
    this.advertisedAgainAtNs = new long[hosts];
    Arrays.fill(withdrawnFromNs, Long.MAX_VALUE);
    Arrays.fill(advertisedAgainAtNs, Long.MAX_VALUE);
  }

  /** Host {@code host} went down at {@code nowNs}: its routes go once the others notice. */
  public void hostDown(int host, long nowNs) {
    anyHostWentDown = true;
    withdrawnFromNs[host] = nowNs + convergenceNs;
    advertisedAgainAtNs[host] = Long.MAX_VALUE;
  }

  /** Host {@code host} came back at {@code nowNs}: its routes are installed again later. */
  public void hostUp(int host, long nowNs) {
    advertisedAgainAtNs[host] = nowNs + convergenceNs;
  }

  boolean anyHostWentDown() {
    return anyHostWentDown;
  }

  /** Whether the routes of the containers on {@code host} are withdrawn at {@code nowNs}. */
  boolean withdrawn(int host, long nowNs) {
    return nowNs >= withdrawnFromNs[host] && nowNs < advertisedAgainAtNs[host];
  }
}
