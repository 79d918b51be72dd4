package org.overlaysim.scenario;

import java.util.Objects;

/** Constant bit rate UDP datagrams of {@code size} payload bytes to {@code port}. */
public record UdpTraffic(
    String name,
    Endpoint from,
    Endpoint to,
    long rateBps,
    int size,
    int port,
    boolean df,
    long startNs,
    long stopNs)
    implements TrafficSpec {
  public UdpTraffic {
    Checks.name(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Checks.positive(rateBps, "rate");
    Checks.range(size, 1, 65507, "size");
    Checks.range(port, 1, 65535, "port");
    Checks.nonNegative(startNs, "start");
    Checks.range(Long.signum(stopNs - startNs), 0, 1, "stop before start");
  }

  @Override
  public String kind() {
    return "udp";
  }
}
