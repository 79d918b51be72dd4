package org.overlaysim.overlay.fdb;

import java.util.Arrays;

/**
 * The Linux vxlan driver with a list of remote VTEPs and learning on (overlay-reference.md, "VXLAN
 * and the Linux driver"): a miss or a broadcast is replicated head-end to every all-zeros remote
 * (every other VTEP of the VNI); the source MAC of each decapsulated frame is learnt against the
 * outer source address (vxlan_snoop); a dynamic entry ages out {@code ageingNs} after its last use,
 * a frame sent to it or received from it (Linux refreshes on transmit lookups, {@code used}, and
 * since 6.16 ages by received frames, {@code updated}; 300 s by default).
 *
 * <p>Linux removes aged entries in a scan every 10 s; here an entry is treated as gone from the
 * instant it is older than the ageing time, checked lazily on lookup and count (so it can vanish up
 * to 10 s earlier than on Linux). Open addressing on primitive arrays: no boxing per packet.
 */
public final class LearningForwardingTable implements ForwardingTable {
  private static final long EMPTY = -1L;

  private final long ageingNs;
  private long[] macs = new long[16];
  private int[] hosts = new int[16];
  private long[] updatedNs = new long[16];
  private int size;

  public LearningForwardingTable(long ageingNs) {
    if (ageingNs <= 0) {
      throw new IllegalArgumentException("ageing must be positive: " + ageingNs);
    }
    this.ageingNs = ageingNs;
    Arrays.fill(macs, EMPTY);
  }

  @Override
  public int lookup(long mac, long nowNs) {
    int slot = find(mac);
    if (slot < 0) {
      return MISS;
    }
    if (nowNs - updatedNs[slot] >= ageingNs) {
      return MISS;
    }
    updatedNs[slot] = nowNs;
    return hosts[slot];
  }

  @Override
  public void learn(long mac, int remoteHost, long nowNs) {
    if (size * 2 >= macs.length) {
      grow();
    }
    int slot = slotFor(mac, macs);
    if (macs[slot] == EMPTY) {
      macs[slot] = mac;
      size++;
    }
    hosts[slot] = remoteHost;
    updatedNs[slot] = nowNs;
  }

  @Override
  public boolean floods() {
    return true;
  }

  @Override
  public long proxyArp(int ip, long nowNs) {
    return -1;
  }

  @Override
  public void forEachEntry(long nowNs, EntryVisitor visitor) {
    long[] live = new long[size];
    int count = 0;
    for (int i = 0; i < macs.length; i++) {
      if (macs[i] != EMPTY && nowNs - updatedNs[i] < ageingNs) {
        live[count++] = macs[i];
      }
    }
    Arrays.sort(live, 0, count);
    for (int i = 0; i < count; i++) {
      visitor.entry(live[i], hosts[find(live[i])], false);
    }
  }

  @Override
  public long entries(long nowNs) {
    long live = 0;
    for (int i = 0; i < macs.length; i++) {
      if (macs[i] != EMPTY && nowNs - updatedNs[i] < ageingNs) {
        live++;
      }
    }
    return live;
  }

  private int find(long mac) {
    int slot = slotFor(mac, macs);
    return macs[slot] == EMPTY ? -1 : slot;
  }

  private static int slotFor(long mac, long[] table) {
    int mask = table.length - 1;
    int slot = (int) (mix(mac) & mask);
    while (table[slot] != EMPTY && table[slot] != mac) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return k;
  }

  private void grow() {
    long[] oldMacs = macs;
    int[] oldHosts = hosts;
    long[] oldUpdated = updatedNs;
    macs = new long[oldMacs.length * 2];
    hosts = new int[macs.length];
    updatedNs = new long[macs.length];
    Arrays.fill(macs, EMPTY);
    for (int i = 0; i < oldMacs.length; i++) {
      if (oldMacs[i] != EMPTY) {
        int slot = slotFor(oldMacs[i], macs);
        macs[slot] = oldMacs[i];
        hosts[slot] = oldHosts[i];
        updatedNs[slot] = oldUpdated[i];
      }
    }
  }
}
