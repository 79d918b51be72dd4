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
  private final int[] hostOf;
  private final int[] overlayOf;
  private final int[] ipOf;
  private final long[] macOf;
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
    hostOf = new int[n];
    overlayOf = new int[n];
    ipOf = new int[n];
    macOf = new long[n];
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
      hostOf[i] = hostIndex.get(c.host());
      overlayOf[i] = overlayByName.get(c.overlay());
      ipOf[i] = c.ip().bits();
      macOf[i] = c.mac().bits();
      mtuOf[i] = c.mtu();
      perHost[overlayOf[i]][hostOf[i]]++;
      containerCount[overlayOf[i]]++;
    }
    byIp = new LongIntIndex(n);
    byMac = new LongIntIndex(n);
    for (int i = 0; i < n; i++) {
      byIp.putIfAbsent(ipKey(overlayOf[i], ipOf[i]), i);
      byMac.putIfAbsent(macKey(overlayOf[i], macOf[i]), i);
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
