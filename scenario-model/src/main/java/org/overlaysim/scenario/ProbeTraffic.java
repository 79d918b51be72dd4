package org.overlaysim.scenario;

import java.util.List;

/**
 * Reachability probes: a new connection per ordered pair of distinct containers and port.
 *
 * @param sample number of random pairs to try; 0 means every pair
 * @param timeoutNs how long a probe waits for the reply before counting it denied
 */
public record ProbeTraffic(
    String name, List<ProbePort> ports, int sample, long startNs, long stopNs, long timeoutNs)
    implements TrafficSpec {
  public ProbeTraffic {
    Checks.name(name, "name");
    ports = Checks.list(ports);
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("a probe needs ports");
    }
    Checks.nonNegative(sample, "sample");
    Checks.nonNegative(startNs, "start");
    Checks.range(Long.signum(stopNs - startNs), 0, 1, "stop before start");
    Checks.positive(timeoutNs, "timeout");
  }

  @Override
  public String kind() {
    return "probe";
  }
}
