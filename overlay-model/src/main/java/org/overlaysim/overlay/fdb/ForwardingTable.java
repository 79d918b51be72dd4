package org.overlaysim.overlay.fdb;

/**
 * A VTEP's forwarding database for one VNI: inner MAC to the remote VTEP (host index) behind it
 * (RFC 7348 section 4; Linux's vxlan fdb), and the neighbour entries its ARP proxy answers from.
 */
public interface ForwardingTable {
  /** Returned by lookups that find nothing. */
  int MISS = -1;

  /** The remote VTEP for {@code mac} at {@code nowNs}, or {@link #MISS}. */
  int lookup(long mac, long nowNs);

  /**
   * A frame with source {@code mac} was decapsulated from {@code remoteHost} (Linux's vxlan_snoop).
   * Tables without learning ignore it.
   */
  void learn(long mac, int remoteHost, long nowNs);

  /**
   * Whether a miss or a broadcast is replicated head-end to every other VTEP of the VNI (the
   * all-zeros fdb entries of Linux vxlan); otherwise a miss is dropped ({@code no-fdb}).
   */
  boolean floods();

  /**
   * The MAC the VTEP's ARP proxy answers for {@code ip}, or -1 when it has no entry (or does not
   * proxy: then the ARP request is flooded or dropped).
   */
  long proxyArp(int ip, long nowNs);

  /** Receives a table's entries, one call each: inner MAC, remote VTEP (host index), kind. */
  @FunctionalInterface
  interface EntryVisitor {
    void entry(long mac, int remoteHost, boolean permanent);
  }

  /**
   * Visits the remote entries held at {@code nowNs} in ascending MAC order, as {@code bridge fdb
   * show} lists them: for inspection (the visualizer), never on the packet path.
   */
  void forEachEntry(long nowNs, EntryVisitor visitor);

  /** Entries held at {@code nowNs} (for overlays.csv's fdb_entries). */
  long entries(long nowNs);
}
