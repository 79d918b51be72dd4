package org.overlaysim.overlay.fdb;

/**
 * BGP EVPN (RFC 7432, RFC 8365): each VTEP advertises a MAC/IP advertisement route (type 2) per
 * local container; the other VTEPs install the FDB and neighbour entries when the route arrives,
 * {@code convergenceNs} after the container appeared (every container appears at time 0). Until
 * then traffic to a remote container finds no entry and is dropped ({@code no-fdb}); nothing is
 * flooded (ARP suppression). A host that goes down has its routes withdrawn ({@link EvpnRoutes}).
 */
public final class EvpnForwardingTable extends DirectoryForwardingTable {
  /**
   * Bytes of a BGP UPDATE carrying one EVPN MAC/IP advertisement route with an IPv4 address: BGP
   * header 19, withdrawn and attribute lengths 4, ORIGIN 4, AS_PATH 3 (iBGP, empty), LOCAL_PREF 7,
   * EXTENDED_COMMUNITIES 19 (route target, encapsulation), MP_REACH_NLRI 52 (AFI/SAFI 3, next hop
   * 5, reserved 1, route type and length 2, RD 8, ESI 10, Ethernet tag 4, MAC 7, IP 5, label 3).
   */
  public static final int TYPE_2_UPDATE_BYTES = 108;

  /** The update on the underlay: IPv4 20 + TCP 20 + timestamps option 12 (RFC 7323). */
  public static final int TYPE_2_UPDATE_IP_BYTES = TYPE_2_UPDATE_BYTES + 20 + 32;

  private final EvpnRoutes routes;

  public EvpnForwardingTable(
      Directory directory, int overlay, int host, long convergenceNs, EvpnRoutes routes) {
    super(directory, overlay, host, convergenceNs);
    this.routes = routes;
  }

  @Override
  boolean withdrawn(int remoteHost, long nowNs) {
    return routes.withdrawn(remoteHost, nowNs);
  }

  @Override
  boolean withdrawsAny() {
    return routes.anyHostWentDown();
  }
}
