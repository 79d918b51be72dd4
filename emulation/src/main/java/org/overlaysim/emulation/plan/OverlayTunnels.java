package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.emulation.plan.NetworkPlan.Device;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ControlPlane;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * The overlays' devices on every member host: a bridge and a kernel vxlan device (static FDB and
 * neighbour entries, or learning plus all-zeros entries for flood-and-learn), or a bridge and one
 * geneve device per remote, or one ipip device with a route per remote container; routed overlays
 * (none) need nothing here. Part of the {@link NetworkPlan}, which adds the containers' ports.
 */
final class OverlayTunnels {
  private static final String ZERO_MAC = "00:00:00:00:00:00";

  private final Scenario scenario;
  private final Names names;

  /**
   * Without netem a delay relay may carry the outer UDP ({@link DelayRelayPlan}): vxlan devices
   * then send it without a UDP checksum ({@code noudpcsum}, as geneve's default), since the DNAT to
   * the relay cannot rewrite a checksum the kernel left to offload.
   */
  private final boolean relayable;

  private final List<Step> steps = new ArrayList<>();
  private final List<Device> counted;

  private OverlayTunnels(Scenario scenario, Names names, boolean relayable, List<Device> counted) {
    this.scenario = scenario;
    this.names = names;
    this.relayable = relayable;
    this.counted = counted;
  }

  /**
   * The steps of every overlay's devices; the devices whose counters drops.csv reads are added to
   * {@code counted}. {@code relayable}: vxlan devices send without a UDP checksum, for the delay
   * relay (see {@link NetworkPlan}).
   */
  static List<Step> steps(Scenario scenario, Names names, boolean relayable, List<Device> counted) {
    OverlayTunnels tunnels = new OverlayTunnels(scenario, names, relayable, counted);
    tunnels.build();
    return tunnels.steps;
  }

  private void build() {
    for (int o = 0; o < scenario.overlays().size(); o++) {
      Overlay overlay = scenario.overlays().get(o);
      List<Integer> members = memberHosts(overlay);
      for (int h : members) {
        String ns = names.host(h);
        Host host = scenario.hosts().get(h);
        switch (overlay.encapsulation()) {
          case VXLAN -> vxlan(o, overlay, h, ns, host, members);
          case GENEVE -> geneve(o, overlay, h, ns, members);
          case IPIP -> ipip(o, overlay, h, ns, host, members);
          case NONE -> {
            // Routed without a tunnel: the containers' /32 routes are all there is.
          }
        }
      }
    }
  }

  private void bridge(String ns, int o) {
    String bridge = names.bridge(o);
    steps.add(Step.of("ip", "-n", ns, "link", "add", bridge, "type", "bridge"));
    steps.add(Step.of("ip", "-n", ns, "link", "set", bridge, "up"));
  }

  private void vxlan(int o, Overlay overlay, int h, String ns, Host host, List<Integer> members) {
    bridge(ns, o);
    String vx = names.vxlan(o);
    boolean learning = overlay.controlPlane() == ControlPlane.FLOOD_AND_LEARN;
    List<String> add =
        new ArrayList<>(
            List.of(
                "ip",
                "-n",
                ns,
                "link",
                "add",
                vx,
                "type",
                "vxlan",
                "id",
                Integer.toString(overlay.vni()),
                "dstport",
                Integer.toString(overlay.udpPort()),
                "local",
                host.ip().toString()));
    // Static control plane (Docker, Flannel): no learning; the vxlan device answers ARP itself
    // from the neighbour entries pushed to it (proxy), so no broadcast crosses the underlay.
    add.addAll(learning ? List.of("learning") : List.of("nolearning", "proxy"));
    if (relayable) {
      add.add("noudpcsum");
    }
    steps.add(new Step(add, "", false));
    steps.addAll(attachToBridge(ns, vx, overlay.mtu(), names.bridge(o)));
    counted.add(new Device(ns, vx, "vtep " + host.name() + " " + overlay.name()));
    for (int remote : members) {
      if (remote == h) {
        continue;
      }
      String remoteIp = scenario.hosts().get(remote).ip().toString();
      if (learning) {
        // Head-end replication: one all-zeros entry per remote VTEP (RFC 7348 section 4.2).
        steps.add(fdbEntry(ns, ZERO_MAC, vx, remoteIp));
        continue;
      }
      for (Container c : containersOn(remote, overlay)) {
        steps.add(fdbEntry(ns, c.mac().toString(), vx, remoteIp));
        steps.add(
            Step.of(
                "ip",
                "-n",
                ns,
                "neigh",
                "add",
                c.ip().toString(),
                "lladdr",
                c.mac().toString(),
                "dev",
                vx,
                "nud",
                "permanent"));
      }
    }
  }

  private void geneve(int o, Overlay overlay, int h, String ns, List<Integer> members) {
    bridge(ns, o);
    for (int remote : members) {
      if (remote == h) {
        continue;
      }
      String dev = names.geneve(o, remote);
      steps.add(
          Step.of(
              "ip",
              "-n",
              ns,
              "link",
              "add",
              dev,
              "type",
              "geneve",
              "id",
              Integer.toString(overlay.vni()),
              "remote",
              scenario.hosts().get(remote).ip().toString(),
              "dstport",
              Integer.toString(overlay.udpPort())));
      steps.addAll(attachToBridge(ns, dev, overlay.mtu(), names.bridge(o)));
      counted.add(
          new Device(
              ns,
              dev,
              "vtep "
                  + scenario.hosts().get(h).name()
                  + " "
                  + overlay.name()
                  + " to "
                  + scenario.hosts().get(remote).name()));
      if (overlay.controlPlane() != ControlPlane.FLOOD_AND_LEARN) {
        for (Container c : containersOn(remote, overlay)) {
          steps.add(
              Step.of(
                  "bridge",
                  "-n",
                  ns,
                  "fdb",
                  "add",
                  c.mac().toString(),
                  "dev",
                  dev,
                  "master",
                  "static"));
        }
      }
    }
  }

  /** Gives a device its MTU, makes it a port of the bridge, and brings it up. */
  static List<Step> attachToBridge(String ns, String device, int mtu, String bridge) {
    return List.of(
        Step.of(
            "ip", "-n", ns, "link", "set", device, "mtu", Integer.toString(mtu), "master", bridge),
        Step.of("ip", "-n", ns, "link", "set", device, "up"));
  }

  /**
   * A permanent forwarding entry of the VTEP {@code vx}: frames to {@code mac} go to the remote.
   */
  private static Step fdbEntry(String ns, String mac, String vx, String remoteIp) {
    return Step.of(
        "bridge", "-n", ns, "fdb", "append", mac, "dev", vx, "dst", remoteIp, "self", "permanent");
  }

  private void ipip(int o, Overlay overlay, int h, String ns, Host host, List<Integer> members) {
    // Calico's IPIP mode: one tunnel device without a fixed remote, a route per remote container.
    String tunnel = names.ipip(o);
    steps.add(
        Step.of(
            "ip", "-n", ns, "link", "add", tunnel, "type", "ipip", "local", host.ip().toString()));
    steps.add(
        Step.of(
            "ip",
            "-n",
            ns,
            "link",
            "set",
            tunnel,
            "mtu",
            Integer.toString(host.mtu() - Encapsulation.IPIP.overheadBytes()),
            "up"));
    counted.add(new Device(ns, tunnel, "vtep " + host.name() + " " + overlay.name()));
    for (int remote : members) {
      if (remote == h) {
        continue;
      }
      for (Container c : containersOn(remote, overlay)) {
        steps.add(
            Step.of(
                "ip",
                "-n",
                ns,
                "route",
                "add",
                c.ip() + "/32",
                "via",
                scenario.hosts().get(remote).ip().toString(),
                "dev",
                tunnel,
                "onlink"));
      }
    }
  }

  /** Hosts with at least one container of the overlay, in host order. */
  private List<Integer> memberHosts(Overlay overlay) {
    List<Integer> members = new ArrayList<>();
    for (int h = 0; h < scenario.hosts().size(); h++) {
      if (!containersOn(h, overlay).isEmpty()) {
        members.add(h);
      }
    }
    return members;
  }

  private List<Container> containersOn(int host, Overlay overlay) {
    String hostName = scenario.hosts().get(host).name();
    List<Container> on = new ArrayList<>();
    for (Container c : scenario.containers()) {
      if (c.host().equals(hostName) && c.overlay().equals(overlay.name())) {
        on.add(c);
      }
    }
    return on;
  }
}
