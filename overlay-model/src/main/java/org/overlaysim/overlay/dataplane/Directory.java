package org.overlaysim.overlay.dataplane;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * Where every container lives: the one shared table that static and EVPN control planes derive
 * their forwarding and ARP entries from, instead of a copy of the cluster-wide table in every VTEP
 * (Docker pushes the same permanent entries to every host; holding them once is what lets 150,000
 * containers fit). Containers are numbered in scenario order; per overlay, addresses and MACs are
 * kept in sorted primitive arrays so a lookup is a binary search without boxing.
 */
public final class Directory {
  private final String[] names;
  private final int[] hostOf;
  private final int[] overlayOf;
  private final int[] ipOf;
  private final long[] macOf;
  private final int[] mtuOf;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<String, Integer> overlayByName = new HashMap<>();
  private final Overlay[] overlays;
  private final int[][] sortedIps;
  private final int[][] sortedIpContainers;
  private final long[][] sortedMacs;
  private final int[][] sortedMacContainers;
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
    hostOf = new int[n];
    overlayOf = new int[n];
    ipOf = new int[n];
    macOf = new long[n];
    mtuOf = new int[n];
    overlays = scenario.overlays().toArray(new Overlay[0]);
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
      hostOf[i] = hostIndex.get(c.host());
      overlayOf[i] = overlayByName.get(c.overlay());
      ipOf[i] = c.ip().bits();
      macOf[i] = c.mac().bits();
      mtuOf[i] = c.mtu();
      perHost[overlayOf[i]][hostOf[i]]++;
      containerCount[overlayOf[i]]++;
    }
    sortedIps = new int[overlays.length][];
    sortedIpContainers = new int[overlays.length][];
    sortedMacs = new long[overlays.length][];
    sortedMacContainers = new int[overlays.length][];
    memberHosts = new int[overlays.length][];
    memberCounts = new int[overlays.length][];
    for (int o = 0; o < overlays.length; o++) {
      long[] ipKeys = new long[containerCount[o]];
      long[][] macKeys = new long[containerCount[o]][];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (overlayOf[i] == o) {
          ipKeys[k] = ((ipOf[i] & 0xffffffffL) << 32) | i;
          macKeys[k] = new long[] {macOf[i], i};
          k++;
        }
      }
      Arrays.sort(ipKeys);
      Arrays.sort(
          macKeys, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      sortedIps[o] = new int[k];
      sortedIpContainers[o] = new int[k];
      sortedMacs[o] = new long[k];
      sortedMacContainers[o] = new int[k];
      for (int j = 0; j < k; j++) {
        sortedIps[o][j] = (int) (ipKeys[j] >>> 32);
        sortedIpContainers[o][j] = (int) ipKeys[j];
        sortedMacs[o][j] = macKeys[j][0];
        sortedMacContainers[o][j] = (int) macKeys[j][1];
      }
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
    return hostOf[container];
  }

  public int overlayOf(int container) {
    return overlayOf[container];
  }

  public int ip(int container) {
    return ipOf[container];
  }

  public long mac(int container) {
    return macOf[container];
  }

  public int mtu(int container) {
    return mtuOf[container];
  }

  /** The container of {@code overlay} with that address, or -1. */
  public int byIp(int overlay, int ip) {
    int[] ips = sortedIps[overlay];
    int lo = 0;
    int hi = ips.length - 1;
    long key = ip & 0xffffffffL;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = ips[mid] & 0xffffffffL;
      if (v < key) {
        lo = mid + 1;
      } else if (v > key) {
        hi = mid - 1;
      } else {
        return sortedIpContainers[overlay][mid];
      }
    }
    return -1;
  }

  /** The container of {@code overlay} with that MAC, or -1. */
  public int byMac(int overlay, long mac) {
    int i = Arrays.binarySearch(sortedMacs[overlay], mac);
    return i >= 0 ? sortedMacContainers[overlay][i] : -1;
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
