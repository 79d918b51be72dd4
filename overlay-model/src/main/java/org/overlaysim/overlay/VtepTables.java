package org.overlaysim.overlay;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.overlay.dataplane.HostStack;
import org.overlaysim.overlay.fdb.Directory;
import org.overlaysim.overlay.fdb.ForwardingTable;
import org.overlaysim.scenario.Ipv4;
import org.overlaysim.scenario.MacAddress;
import org.overlaysim.scenario.Overlay;

/**
 * A host VTEP's tables as {@code bridge fdb show} and {@code ip neigh show} would list them, for
 * inspection after (or during) a run: the forwarding entries (inner MAC to remote VTEP) and the
 * neighbour entries its ARP proxy answers from, per overlay the host serves.
 */
public final class VtepTables {
  /** One forwarding entry: a remote container's MAC behind a remote VTEP. */
  public record FdbEntry(
      String overlay, int vni, String mac, String remoteVtep, boolean permanent) {}

  /** One neighbour entry of the ARP proxy. */
  public record NeighbourEntry(String overlay, int vni, String ip, String mac) {}

  /** Both tables of one host. */
  public record Tables(List<FdbEntry> fdb, List<NeighbourEntry> neighbours) {
    public Tables {
      fdb = List.copyOf(fdb);
      neighbours = List.copyOf(neighbours);
    }
  }

  private VtepTables() {}

  /** The tables of {@code host} now, overlays in scenario order, entries by MAC. */
  public static Tables of(OverlayNetwork network, String host) {
    Directory directory = network.dataPlane().directory();
    int hostIndex = network.underlay().hostIndex(host);
    HostStack stack = network.dataPlane().host(hostIndex);
    long now = stack.partition().simulator().nowNs();
    List<FdbEntry> fdb = new ArrayList<>();
    List<NeighbourEntry> neighbours = new ArrayList<>();
    for (int o = 0; o < directory.overlays(); o++) {
      if (!serves(directory, o, hostIndex)) {
        continue;
      }
      int overlayIndex = o;
      Overlay overlay = directory.overlay(o);
      ForwardingTable table = stack.table(o);
      table.forEachEntry(
          now,
          (mac, remoteHost, permanent) -> {
            String vtep = new Ipv4(network.dataPlane().host(remoteHost).ip()).toString();
            String macText = new MacAddress(mac).toString();
            fdb.add(new FdbEntry(overlay.name(), overlay.vni(), macText, vtep, permanent));
            int container = directory.byMac(overlayIndex, mac);
            long proxied = container < 0 ? -1 : table.proxyArp(directory.ip(container), now);
            if (proxied >= 0) {
              neighbours.add(
                  new NeighbourEntry(
                      overlay.name(),
                      overlay.vni(),
                      new Ipv4(directory.ip(container)).toString(),
                      macText));
            }
          });
    }
    return new Tables(fdb, neighbours);
  }

  /**
   * At most how many entries {@link #of} would list for {@code host} (forwarding plus neighbour
   * entries): two per container on another host of every overlay the host serves (exactly that for
   * a static control plane). Cheap, for deciding whether the tables are worth materializing at all
   * (a static control plane derives them from one shared directory; listing them for every VTEP of
   * a 150,000-container cluster would take billions).
   */
  public static long entryBound(OverlayNetwork network, String host) {
    Directory directory = network.dataPlane().directory();
    int hostIndex = network.underlay().hostIndex(host);
    long bound = 0;
    for (int o = 0; o < directory.overlays(); o++) {
      if (serves(directory, o, hostIndex)) {
        bound += 2L * (directory.containerCount(o) - directory.containersOn(o, hostIndex));
      }
    }
    return bound;
  }

  private static boolean serves(Directory directory, int overlay, int host) {
    for (int h : directory.memberHosts(overlay)) {
      if (h == host) {
        return true;
      }
    }
    return false;
  }
}
