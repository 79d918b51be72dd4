package org.overlaysim.overlay.dataplane;

/**
 * Path MTUs learnt per destination address (RFC 1191 section 6.3; Linux's route exceptions):
 * lowered by ICMP fragmentation-needed, expiring after {@link #LINUX_EXPIRY_NS} (Linux's {@code
 * net.ipv4.route.mtu_expires}, 600 s), when the route MTU applies again. Open addressing on
 * primitive arrays; a cache with no entry answers in one comparison.
 */
public final class PathMtuCache {
  /** Linux's {@code mtu_expires}: 10 minutes. */
  public static final long LINUX_EXPIRY_NS = 600_000_000_000L;

  // Allocated on the first entry: most stacks never learn a path MTU.
  private int[] keys;
  private int[] mtus;
  private long[] expiresNs;
  private boolean[] used;
  private int size;

  /** The learnt path MTU to {@code ip} at {@code nowNs}, or {@code routeMtu} without one. */
  public int mtu(int ip, int routeMtu, long nowNs) {
    if (size == 0) {
      return routeMtu;
    }
    int slot = slotFor(ip);
    if (!used[slot] || expiresNs[slot] <= nowNs) {
      return routeMtu;
    }
    return Math.min(routeMtu, mtus[slot]);
  }

  /** Records a lower path MTU to {@code ip} until {@code nowNs + LINUX_EXPIRY_NS}. */
  public void lower(int ip, int mtu, long nowNs) {
    if (keys == null) {
      keys = new int[8];
      mtus = new int[8];
      expiresNs = new long[8];
      used = new boolean[8];
    }
    if (size * 2 >= keys.length) {
      grow();
    }
    int slot = slotFor(ip);
    if (!used[slot]) {
      used[slot] = true;
      keys[slot] = ip;
      size++;
    } else if (expiresNs[slot] > nowNs && mtus[slot] <= mtu) {
      return;
    }
    mtus[slot] = mtu;
    expiresNs[slot] = nowNs + LINUX_EXPIRY_NS;
  }

  private int slotFor(int ip) {
    int mask = keys.length - 1;
    int slot = (ip * 0x9E3779B9 >>> 16) & mask;
    while (used[slot] && keys[slot] != ip) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldMtus = mtus;
    long[] oldExpires = expiresNs;
    boolean[] oldUsed = used;
    keys = new int[oldKeys.length * 2];
    mtus = new int[keys.length];
    expiresNs = new long[keys.length];
    used = new boolean[keys.length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        int slot = slotFor(oldKeys[i]);
        used[slot] = true;
        keys[slot] = oldKeys[i];
        mtus[slot] = oldMtus[i];
        expiresNs[slot] = oldExpires[i];
      }
    }
  }
}
