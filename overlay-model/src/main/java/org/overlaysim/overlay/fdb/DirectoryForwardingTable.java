package org.overlaysim.overlay.fdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entries a control plane pushes to every VTEP, derived from the shared {@link Directory} rather
 * than copied into each VTEP, so a VTEP costs nothing per remote container: permanent FDB (MAC to
 * VTEP) and neighbour (IP to MAC) entries for every remote container of the VNI, published at
 * {@code publishedAtNs}; no learning, no all-zeros entry, hence no flooding. Local containers are
 * always known (the bridge sees them).
 */
abstract sealed class DirectoryForwardingTable implements ForwardingTable
    permits StaticForwardingTable, EvpnForwardingTable {
  private final Directory directory;
  private final int overlay;
  private final int host;
  private final long publishedAtNs;

  DirectoryForwardingTable(Directory directory, int overlay, int host, long publishedAtNs) {
    this.directory = directory;
    this.overlay = overlay;
    this.host = host;
    this.publishedAtNs = publishedAtNs;
  }

  @Override
  public int lookup(long mac, long nowNs) {
    int c = directory.byMac(overlay, mac);
    if (c < 0 || !known(directory.host(c), nowNs)) {
      return MISS;
    }
    return directory.host(c);
  }

  /** Whether the entries of containers on {@code remoteHost} are held at {@code nowNs}. */
  private boolean known(int remoteHost, long nowNs) {
    return remoteHost == host || (nowNs >= publishedAtNs && !withdrawn(remoteHost, nowNs));
  }

  /** Whether the control plane withdrew the entries of {@code remoteHost}'s containers. */
  boolean withdrawn(int remoteHost, long nowNs) {
    return false;
  }

  /** Whether the control plane ever withdrew entries (a host of the overlay went down). */
  boolean withdrawsAny() {
    return false;
  }

  @Override
  public void learn(long mac, int remoteHost, long nowNs) {
    // Learning is off: Docker and Flannel create their vxlan devices with "nolearning", and EVPN
    // VTEPs learn remote MACs from routes only (RFC 8365 section 10.1).
  }

  @Override
  public boolean floods() {
    return false;
  }

  @Override
  public long proxyArp(int ip, long nowNs) {
    int c = directory.byIp(overlay, ip);
    if (c < 0 || !known(directory.host(c), nowNs)) {
      return -1;
    }
    return directory.mac(c);
  }

  @Override
  public void forEachEntry(long nowNs, EntryVisitor visitor) {
    if (nowNs < publishedAtNs) {
      return;
    }
    List<Integer> remote = new ArrayList<>();
    for (int c = 0; c < directory.containers(); c++) {
      if (directory.overlayOf(c) == overlay
          && directory.host(c) != host
          && !withdrawn(directory.host(c), nowNs)) {
        remote.add(c);
      }
    }
    remote.sort(Comparator.comparingLong(directory::mac));
    for (int c : remote) {
      visitor.entry(directory.mac(c), directory.host(c), true);
    }
  }

  @Override
  public long entries(long nowNs) {
    if (nowNs < publishedAtNs) {
      return 0;
    }
    long held = directory.containerCount(overlay) - directory.containersOn(overlay, host);
    if (withdrawsAny()) {
      for (int remote : directory.memberHosts(overlay)) {
        if (remote != host && withdrawn(remote, nowNs)) {
          held -= directory.containersOn(overlay, remote);
        }
      }
    }
    return held;
  }
}
