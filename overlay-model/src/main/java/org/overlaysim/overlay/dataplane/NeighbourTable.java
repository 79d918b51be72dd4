package org.overlaysim.overlay.dataplane;

/**
 * A container's resolved neighbours, IPv4 address to MAC (Linux's neighbour table, entries kept
 * once resolved). Open addressing on primitive arrays: no boxing per packet.
 */
final class NeighbourTable {
  static final long NONE = -1;

  // Allocated on the first entry: static and routed overlays never resolve by ARP.
  private int[] ips;
  private long[] macs;
  private boolean[] used;
  private int size;

  long get(int ip) {
    if (size == 0) {
      return NONE;
    }
    int slot = slotFor(ip);
    return used[slot] ? macs[slot] : NONE;
  }

  void put(int ip, long mac) {
    if (ips == null) {
      ips = new int[8];
      macs = new long[8];
      used = new boolean[8];
    }
    if (size * 2 >= ips.length) {
      grow();
    }
    int slot = slotFor(ip);
    if (!used[slot]) {
      used[slot] = true;
      ips[slot] = ip;
      size++;
    }
    macs[slot] = mac;
  }

  private int slotFor(int ip) {
    int mask = ips.length - 1;
    int slot = (ip * 0x9E3779B9 >>> 16) & mask;
    while (used[slot] && ips[slot] != ip) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int[] oldIps = ips;
    long[] oldMacs = macs;
    boolean[] oldUsed = used;
    ips = new int[oldIps.length * 2];
    macs = new long[ips.length];
    used = new boolean[ips.length];
    size = 0;
    for (int i = 0; i < oldIps.length; i++) {
      if (oldUsed[i]) {
        put(oldIps[i], oldMacs[i]);
      }
    }
  }
}
