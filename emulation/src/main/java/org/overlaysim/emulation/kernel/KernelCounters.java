package org.overlaysim.emulation.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the kernel's own counters: interface statistics and nftables named counters. */
public final class KernelCounters {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** rx/tx bytes, packets and drops of one interface. */
  public record InterfaceStats(
      long rxBytes, long rxPackets, long rxDropped, long txBytes, long txPackets, long txDropped) {
    public InterfaceStats minus(InterfaceStats before) {
      return new InterfaceStats(
          rxBytes - before.rxBytes,
          rxPackets - before.rxPackets,
          rxDropped - before.rxDropped,
          txBytes - before.txBytes,
          txPackets - before.txPackets,
          txDropped - before.txDropped);
    }
  }

  /** packets and bytes of one named counter. */
  public record Count(long packets, long bytes) {}

  private final CommandRunner runner;

  public KernelCounters(CommandRunner runner) {
    this.runner = runner;
  }

  /** {@code ip -j -s link show} in a namespace, by interface name. */
  public Map<String, InterfaceStats> interfaces(String namespace)
      throws IOException, InterruptedException {
    Names.checked(namespace, Names.NAMESPACE);
    CommandResult result = runner.run(List.of("ip", "-n", namespace, "-j", "-s", "link", "show"));
    Map<String, InterfaceStats> stats = new LinkedHashMap<>();
    if (!result.succeeded()) {
      return stats;
    }
    for (JsonNode link : JSON.readTree(result.stdout())) {
      JsonNode s = link.path("stats64");
      JsonNode rx = s.path("rx");
      JsonNode tx = s.path("tx");
      stats.put(
          link.path("ifname").asText(),
          new InterfaceStats(
              rx.path("bytes").asLong(),
              rx.path("packets").asLong(),
              rx.path("dropped").asLong(),
              tx.path("bytes").asLong(),
              tx.path("packets").asLong(),
              tx.path("dropped").asLong()));
    }
    return stats;
  }

  /** Named nftables counters in a namespace, as {@code family/name}. */
  public Map<String, Count> nftCounters(String namespace) throws IOException, InterruptedException {
    Names.checked(namespace, Names.NAMESPACE);
    CommandResult result =
        runner.run(List.of("ip", "netns", "exec", namespace, "nft", "-j", "list", "counters"));
    Map<String, Count> counters = new LinkedHashMap<>();
    if (!result.succeeded() || result.stdout().isBlank()) {
      return counters;
    }
    for (JsonNode entry : JSON.readTree(result.stdout()).path("nftables")) {
      JsonNode counter = entry.path("counter");
      if (counter.isObject()) {
        counters.put(
            counter.path("family").asText() + "/" + counter.path("name").asText(),
            new Count(counter.path("packets").asLong(), counter.path("bytes").asLong()));
      }
    }
    return counters;
  }
}
