package org.overlaysim.overlay.fdb;

/**
 * Docker's overlay driver and Flannel: the control plane (gossip, the Kubernetes API) pushes
 * permanent FDB and neighbour entries to every VTEP before traffic starts; the ARP proxy answers
 * locally and nothing is flooded between hosts (overlay-reference.md, "Systems users run").
 */
public final class StaticForwardingTable extends DirectoryForwardingTable {
  public StaticForwardingTable(Directory directory, int overlay, int host) {
    super(directory, overlay, host, 0);
  }
}
