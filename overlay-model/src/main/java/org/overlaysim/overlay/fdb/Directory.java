package org.overlaysim.overlay.fdb;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.engine.collect.LongIntIndex;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * Where every container lives: the one shared table that static and EVPN control planes derive
 * their forwarding and ARP entries from, instead of a copy of the cluster-wide table in every VTEP
 * (Docker pushes the same permanent entries to every host; holding them once is what lets 150,000
 * containers fit). Containers are numbered in scenario order; addresses and MACs are found through
 * open-addressing indexes keyed by overlay and address, so a lookup on the packet path costs about
 * one cache line and no boxing.
 */
public final class Directory {
  private final String[] names;
  // Two words per container, read together on the packet path (one cache line, where four arrays
  // cost four misses on a large cluster): the (overlay, MAC) key, then address and host.
  private final long[] identity;
  private final int[] mtuOf;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<String, Integer> overlayByName = new HashMap<>();
  private final Overlay[] overlays;
  private final LongIntIndex byIp;
  private final LongIntIndex byMac;
  private final int[][] memberHosts;
  private final int[][] memberCounts;
  private final int[] containerCount;

  /**
   * @param hostIndex host name to underlay host index
   */
  public Directory(Scenario scenario, Map<String, Integer> hostIndex) {
    List<Container> cs = scenario.containers();
    int n = cs.size();
    names = new String[n];
    identity = new long[2 * n];
    mtuOf = new int[n];
    overlays = scenario.overlays().toArray(new Overlay[0]);
    if (overlays.length > 0xffff) {
      throw new IllegalArgumentException("at most 65,535 overlays: " + overlays.length);
    }
    for (int o = 0; o < overlays.length; o++) {
      overlayByName.put(overlays[o].name(), o);
    }
    int hosts = hostIndex.size();
    int[][] perHost = new int[overlays.length][hosts];
    containerCount = new int[overlays.length];
    for (int i = 0; i < n; i++) {
      Container c = cs.get(i);
      names[i] = c.name();
      byName.put(c.name(), i);
      int host = hostIndex.get(c.host());
      int overlay = overlayByName.get(c.overlay());
      identity[2 * i] = macKey(overlay, c.mac().bits());
      identity[2 * i + 1] = (long) c.ip().bits() << 32 | host;
      mtuOf[i] = c.mtu();
      perHost[overlay][host]++;
      containerCount[overlay]++;
    }
    byIp = new LongIntIndex(n);
    byMac = new LongIntIndex(n);
    for (int i = 0; i < n; i++) {
      byIp.putIfAbsent(ipKey(overlayOf(i), ip(i)), i);
      byMac.putIfAbsent(identity[2 * i], i);
    }
    memberHosts = new int[overlays.length][];
    memberCounts = new int[overlays.length][];
    for (int o = 0; o < overlays.length; o++) {
      int members = 0;
      for (int h = 0; h < hosts; h++) {
        if (perHost[o][h] > 0) {
          members++;
        }
      }
      memberHosts[o] = new int[members];
      memberCounts[o] = new int[members];
      int m = 0;
      for (int h = 0; h < hosts; h++) {
        if (perHost[o][h] > 0) {
          memberHosts[o][m] = h;
          memberCounts[o][m] = perHost[o][h];
          m++;
        }
      }
    }
  }

  public int containers() {
    return names.length;
  }

  public int overlays() {
    return overlays.length;
  }

  public Overlay overlay(int index) {
    return overlays[index];
  }

  /** Overlay index by name, -1 if none. */
  public int overlayIndex(String name) {
    Integer i = overlayByName.get(name);
    return i == null ? -1 : i;
  }

  /** Container index by name, -1 if none. */
  public int containerIndex(String name) {
    Integer i = byName.get(name);
    return i == null ? -1 : i;
  }

  public String name(int container) {
    return names[container];
  }

  public int host(int container) {
    return (int) identity[2 * container + 1];
  }

  public int overlayOf(int container) {
    return (int) (identity[2 * container] >>> 48);
  }

  public int ip(int container) {
    return (int) (identity[2 * container + 1] >>> 32);
  }

  public long mac(int container) {
    return identity[2 * container] & 0xffff_ffff_ffffL;
  }

  public int mtu(int container) {
    return mtuOf[container];
  }

  /** The container of {@code overlay} with that address, or -1. */
  public int byIp(int overlay, int ip) {
    return byIp.get(ipKey(overlay, ip));
  }

  /** The container of {@code overlay} with that MAC, or -1. */
  public int byMac(int overlay, long mac) {
    return byMac.get(macKey(overlay, mac));
  }

  private static long ipKey(int overlay, int ip) {
    return (long) overlay << 32 | (ip & 0xffffffffL);
  }

  private static long macKey(int overlay, long mac) {
    // A MAC has 48 bits; the overlay index takes the 16 above them.
    return (long) overlay << 48 | (mac & 0xffff_ffff_ffffL);
  }

  /** Hosts with a container in the overlay (the VTEPs serving its VNI), by host index. */
  public int[] memberHosts(int overlay) {
    return memberHosts[overlay];
  }

  /** Containers in the overlay. */
  public int containerCount(int overlay) {
    return containerCount[overlay];
  }

  /** Containers of the overlay on a given host. */
  public int containersOn(int overlay, int host) {
    int i = Arrays.binarySearch(memberHosts[overlay], host);
    return i >= 0 ? memberCounts[overlay][i] : 0;
  }
}
