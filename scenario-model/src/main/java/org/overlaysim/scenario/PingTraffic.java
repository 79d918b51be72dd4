package org.overlaysim.scenario;

import java.util.Objects;

/**
 * ICMP echo requests, as Linux ping.
 *
 * @param count echo requests to send; 0 means until {@code stopNs}
 * @param size ICMP payload bytes (ping -s, default 56)
 * @param df set Don't Fragment (ping -M do); without it an oversized echo is fragmented
 */
public record PingTraffic(
    String name,
    Endpoint from,
    Endpoint to,
    long intervalNs,
    int count,
    int size,
    boolean df,
    long startNs,
    long stopNs)
    implements TrafficSpec {
  public PingTraffic {
    Checks.name(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Checks.positive(intervalNs, "interval");
    Checks.nonNegative(count, "count");
    Checks.range(size, 0, 65507, "size");
    Checks.nonNegative(startNs, "start");
    Checks.range(Long.signum(stopNs - startNs), 0, 1, "stop before start");
  }

  @Override
  public String kind() {
    return "ping";
  }
}
