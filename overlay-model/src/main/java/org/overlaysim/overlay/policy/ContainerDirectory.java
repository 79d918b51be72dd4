package org.overlaysim.overlay.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.scenario.Container;

/**
 * The containers of a scenario by index: name, address and overlay lookups in flat arrays, so the
 * packet path reads ints and the memory per container stays a few words.
 */
final class ContainerDirectory {
  private final List<Container> containers;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<String, Integer> overlayIndex = new HashMap<>();
  // Each container's overlay (high word) and address (low word) in one long: the packet path
  // reads both for both ends of every packet, one cache line each instead of two.
  private final long[] overlayAndIp;
  // Sorted (overlay, address) keys and the container of each: binary search, no boxing.
  private final long[] addressKeys;
  private final int[] addressContainers;

  ContainerDirectory(List<Container> containers) {
    this.containers = containers;
    int n = containers.size();
    overlayAndIp = new long[n];
    for (int i = 0; i < n; i++) {
      Container container = containers.get(i);
      byName.put(container.name(), i);
      int overlay = overlayIndex.computeIfAbsent(container.overlay(), k -> overlayIndex.size());
      overlayAndIp[i] = addressKey(overlay, container.ip().bits());
    }
    Integer[] order = new Integer[n];
    long[] keys = overlayAndIp;
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
    addressKeys = new long[n];
    addressContainers = new int[n];
    for (int i = 0; i < n; i++) {
      addressKeys[i] = keys[order[i]];
      addressContainers[i] = order[i];
    }
  }

  private static long addressKey(int overlay, int ip) {
    return ((long) overlay << 32) | (ip & 0xFFFF_FFFFL);
  }

  int size() {
    return containers.size();
  }

  Container get(int index) {
    return containers.get(index);
  }

  int index(String name) {
    Integer index = byName.get(name);
    return index == null ? -1 : index;
  }

  int ip(int container) {
    return (int) overlayAndIp[container];
  }

  int overlay(int container) {
    return (int) (overlayAndIp[container] >>> 32);
  }

  int overlayIndex(String overlay) {
    Integer index = overlayIndex.get(overlay);
    return index == null ? -1 : index;
  }

  int at(int overlay, int ip) {
    int found = Arrays.binarySearch(addressKeys, addressKey(overlay, ip));
    return found < 0 ? -1 : addressContainers[found];
  }
}
