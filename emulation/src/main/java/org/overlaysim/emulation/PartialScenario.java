package org.overlaysim.emulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Encryption;
import org.overlaysim.scenario.Endpoint;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.PingTraffic;
import org.overlaysim.scenario.RequestResponseTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TcpTraffic;
import org.overlaysim.scenario.TrafficSpec;
import org.overlaysim.scenario.UdpTraffic;

/**
 * The part of a scenario this kernel can build: overlays whose device type it lacks (geneve without
 * CONFIG_GENEVE, ipip without CONFIG_NET_IPIP) are left out, with their containers and every flow
 * that has an end among those containers; so are encrypted overlays (the emulator builds no
 * WireGuard or xfrm state yet), their line saying whether the kernel has the cipher at all. Probes
 * stay (their pairs are drawn from the whole scenario, as the simulator draws them, and pairs with
 * a left-out end are not probed).
 *
 * @param emulated the scenario that is built
 * @param skippedOverlays per left-out overlay, the line saying why
 * @param skippedContainers names of the left-out containers
 * @param skippedFlows names of the left-out flows
 */
public record PartialScenario(
    Scenario emulated,
    Map<String, String> skippedOverlays,
    Set<String> skippedContainers,
    Set<String> skippedFlows) {

  /** The kernel option each tunnel device type needs. */
  public static String kernelOption(Encapsulation encapsulation) {
    return switch (encapsulation) {
      case GENEVE -> "CONFIG_GENEVE";
      case IPIP -> "CONFIG_NET_IPIP";
      case VXLAN -> "CONFIG_VXLAN";
      case NONE -> "nothing";
    };
  }

  /** What the kernel needs for an encryption: WireGuard's module, or AES-GCM for ESP in xfrm. */
  public static String kernelOption(Encryption encryption) {
    return switch (encryption) {
      case WIREGUARD -> "CONFIG_WIREGUARD";
      case IPSEC -> "AES-GCM for xfrm (rfc4106(gcm(aes)): CONFIG_INET_ESP, CONFIG_CRYPTO_GCM)";
      case NONE -> "nothing";
    };
  }

  /**
   * Why a left-out overlay is left out, e.g. {@code geneve overlay 'green' not emulated: kernel
   * lacks CONFIG_GENEVE}, or null when it is built.
   */
  static String skipLine(
      Overlay overlay, Set<Encapsulation> missingDevices, Set<Encryption> missingCiphers) {
    String head = overlay.encapsulation().yamlName() + " overlay '" + overlay.name();
    if (missingDevices.contains(overlay.encapsulation())) {
      return head + "' not emulated: kernel lacks " + kernelOption(overlay.encapsulation());
    }
    Encryption encryption = overlay.encryption();
    if (encryption == Encryption.NONE) {
      return null;
    }
    head = encryption.yamlName() + "-encrypted " + head;
    return missingCiphers.contains(encryption)
        ? head + "' not emulated: kernel lacks " + kernelOption(encryption)
        : head + "' not emulated: the emulator builds no " + encryption.yamlName() + " yet";
  }

  /**
   * {@code scenario} without the overlays whose encapsulation is in {@code missingDevices} and
   * without its encrypted overlays ({@code missingCiphers}: the encryptions the kernel lacks).
   */
  public static PartialScenario of(
      Scenario scenario, Set<Encapsulation> missingDevices, Set<Encryption> missingCiphers) {
    Map<String, String> skippedOverlays = new LinkedHashMap<>();
    List<Overlay> overlays = new ArrayList<>();
    for (Overlay overlay : scenario.overlays()) {
      String skip = skipLine(overlay, missingDevices, missingCiphers);
      if (skip != null) {
        skippedOverlays.put(overlay.name(), skip);
      } else {
        overlays.add(overlay);
      }
    }
    if (skippedOverlays.isEmpty()) {
      return new PartialScenario(scenario, Map.of(), Set.of(), Set.of());
    }
    Set<String> skippedContainers = new LinkedHashSet<>();
    List<Container> containers = new ArrayList<>();
    for (Container c : scenario.containers()) {
      if (skippedOverlays.containsKey(c.overlay())) {
        skippedContainers.add(c.name());
      } else {
        containers.add(c);
      }
    }
    Set<String> skippedFlows = new LinkedHashSet<>();
    List<TrafficSpec> traffic = new ArrayList<>();
    for (TrafficSpec spec : scenario.traffic()) {
      List<Endpoint> ends = ends(spec);
      boolean touches = false;
      for (Endpoint end : ends) {
        touches |= end.containers().stream().anyMatch(skippedContainers::contains);
      }
      if (touches) {
        skippedFlows.add(spec.name());
      } else {
        traffic.add(spec);
      }
    }
    Scenario emulated =
        new Scenario(
            scenario.name(),
            scenario.description(),
            scenario.seed(),
            scenario.durationNs(),
            scenario.replications(),
            scenario.sites(),
            scenario.underlay(),
            scenario.hosts(),
            overlays,
            containers,
            scenario.namespaces(),
            scenario.policies(),
            scenario.acls(),
            traffic,
            scenario.capture(),
            scenario.sweep(),
            scenario.ipBlockMatchesPods(),
            scenario.commonSeeds(),
            scenario.sampleNs(),
            scenario.events());
    return new PartialScenario(emulated, skippedOverlays, skippedContainers, skippedFlows);
  }

  /** The two ends of a flow; none for probes (their pairs are filtered one by one). */
  static List<Endpoint> ends(TrafficSpec spec) {
    if (spec instanceof PingTraffic p) {
      return List.of(p.from(), p.to());
    } else if (spec instanceof UdpTraffic u) {
      return List.of(u.from(), u.to());
    } else if (spec instanceof TcpTraffic t) {
      return List.of(t.from(), t.to());
    } else if (spec instanceof RequestResponseTraffic r) {
      return List.of(r.from(), r.to());
    }
    return List.of();
  }

  public boolean partial() {
    return !skippedOverlays.isEmpty();
  }

  /** The notes emulation.csv gets (compare reads skipped_containers and skipped_flows). */
  public Map<String, String> notes() {
    Map<String, String> notes = new LinkedHashMap<>();
    skippedOverlays.forEach((name, line) -> notes.put("skipped_overlay." + name, line));
    if (partial()) {
      notes.put("skipped_containers", String.join(" ", skippedContainers));
      notes.put("skipped_flows", String.join(" ", skippedFlows));
    }
    return notes;
  }
}
