package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * Where the kernel lacks netem: which tunnel packets a user-space delay relay holds, per host.
 * Every host of a UDP-tunnelled overlay (vxlan, geneve) gets one relay for all its remote VTEPs
 * whose path is at least {@link #MIN_DELAY_NS} one way (or has jitter): an nftables DNAT in the
 * host's output hook sends the outer UDP of each such remote ({@code ip daddr R udp dport P}) to a
 * port of the relay on the host's own address, which sends it on after the path's delay ({@link
 * PathDelays}, the simulator's routing). Routed overlays (ipip, none) carry no UDP: they keep the
 * kernel's own latency.
 */
public final class DelayRelayPlan {
  /**
   * Shorter paths are left to the kernel: its own path (about 0.05 ms one way) plus a pass through
   * the relay would add more error than the delay it gives.
   */
  public static final long MIN_DELAY_NS = 200_000;

  /** nftables table of the DNAT rules (family ip), in each relaying host's namespace. */
  public static final String TABLE = "osim_relay";

  private static final int FIRST_PORT = 20_000;

  /** One remote VTEP a host relays to. */
  public record Route(int listenPort, String remoteIp, int remotePort, PathDelays.Path path) {
    /** The relay's argument: LISTEN_PORT,REMOTE_IP,REMOTE_PORT,DELAY_NS,JITTER_NS[+...]. */
    public String argument() {
      String jitter =
          path.jitterNs().isEmpty()
              ? "0"
              : path.jitterNs().stream().map(String::valueOf).collect(Collectors.joining("+"));
      return listenPort + "," + remoteIp + "," + remotePort + "," + path.delayNs() + "," + jitter;
    }
  }

  /** The relay of one host: its address, the port it sends from, its routes. */
  public record HostRelay(int host, String bindIp, int sendPort, List<Route> routes) {
    public HostRelay {
      routes = List.copyOf(routes);
    }

    /** The nftables script of the host's DNAT rules. */
    public String nftScript() {
      StringBuilder s = new StringBuilder();
      s.append("table ip ").append(TABLE).append(" {\n");
      s.append("  chain out {\n");
      s.append("    type nat hook output priority -100; policy accept;\n");
      for (Route r : routes) {
        s.append(
            String.format(
                Locale.ROOT,
                "    ip daddr %s udp dport %d udp sport != %d dnat to %s:%d%n",
                r.remoteIp(),
                r.remotePort(),
                sendPort,
                bindIp,
                r.listenPort()));
      }
      s.append("  }\n}\n");
      return s.toString();
    }
  }

  private final List<HostRelay> relays;
  private final Map<String, String> overlayMechanism;

  private DelayRelayPlan(List<HostRelay> relays, Map<String, String> overlayMechanism) {
    this.relays = List.copyOf(relays);
    this.overlayMechanism = overlayMechanism;
  }

  /** The relays {@code scenario} needs without netem (none when every path is short). */
  public static DelayRelayPlan of(Scenario scenario) {
    PathDelays delays = new PathDelays(scenario);
    Set<Integer> usedPorts = new HashSet<>();
    scenario.overlays().forEach(o -> usedPorts.add(o.udpPort()));
    int[] next = {FIRST_PORT};
    java.util.function.IntSupplier port =
        () -> {
          while (usedPorts.contains(next[0])) {
            next[0]++;
          }
          return next[0]++;
        };
    int sendPort = port.getAsInt();
    Map<String, String> mechanism = new LinkedHashMap<>();
    List<HostRelay> relays = new ArrayList<>();
    List<Host> hosts = scenario.hosts();
    for (int h = 0; h < hosts.size(); h++) {
      Host host = hosts.get(h);
      Map<String, Route> routes = new LinkedHashMap<>();
      for (Overlay overlay : scenario.overlays()) {
        boolean udp =
            overlay.encapsulation() == Encapsulation.VXLAN
                || overlay.encapsulation() == Encapsulation.GENEVE;
        if (!udp || !member(scenario, host, overlay)) {
          continue;
        }
        for (Host remote : hosts) {
          if (remote == host || !member(scenario, remote, overlay)) {
            continue;
          }
          PathDelays.Path path = delays.between(host.name(), remote.name());
          if (path == null || (path.delayNs() < MIN_DELAY_NS && path.jitterNs().isEmpty())) {
            continue;
          }
          String key = remote.ip() + ":" + overlay.udpPort();
          if (!routes.containsKey(key)) {
            routes.put(
                key, new Route(port.getAsInt(), remote.ip().toString(), overlay.udpPort(), path));
          }
          mechanism.put(overlay.name(), "relay");
        }
      }
      if (!routes.isEmpty()) {
        relays.add(
            new HostRelay(h, host.ip().toString(), sendPort, new ArrayList<>(routes.values())));
      }
    }
    for (Overlay overlay : scenario.overlays()) {
      if (mechanism.containsKey(overlay.name())) {
        continue;
      }
      mechanism.put(
          overlay.name(),
          switch (overlay.encapsulation()) {
            case VXLAN, GENEVE ->
                "kernel (every path under " + MIN_DELAY_NS / 1000 + " us one way: not relayed)";
            case IPIP, NONE ->
                "kernel (routed, no UDP tunnel to relay: path delays not" + " applied)";
          });
    }
    return new DelayRelayPlan(relays, mechanism);
  }

  private static boolean member(Scenario scenario, Host host, Overlay overlay) {
    for (Container c : scenario.containers()) {
      if (c.host().equals(host.name()) && c.overlay().equals(overlay.name())) {
        return true;
      }
    }
    return false;
  }

  public List<HostRelay> relays() {
    return relays;
  }

  /** Per overlay: "relay", or why the kernel's own latency stands. */
  public Map<String, String> overlayMechanism() {
    return overlayMechanism;
  }
}
