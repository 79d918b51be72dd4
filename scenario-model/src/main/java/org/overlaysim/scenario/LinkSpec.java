package org.overlaysim.scenario;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A bidirectional underlay link between two routers, with every default applied.
 *
 * @param name {@code a--b}, {@code a--b#2} for a parallel one, unless given
 * @param delayNs one-way propagation delay if given; empty means derived from the sites'
 *     great-circle distance, {@link #fiberSpeedMps} and {@link #routeFactor}
 * @param jitterNs maximum added random delay per packet, 0 for none
 * @param loss probability that a frame is lost, 0..1
 */
public record LinkSpec(
    String name,
    String a,
    String b,
    long bandwidthBps,
    OptionalLong delayNs,
    long jitterNs,
    double loss,
    int mtu,
    long queueBytes,
    long fiberSpeedMps,
    double routeFactor) {

  public LinkSpec {
    Checks.name(name, "link name");
    Checks.name(a, "link end a");
    Checks.name(b, "link end b");
    Checks.positive(bandwidthBps, "bandwidth");
    Objects.requireNonNull(delayNs, "delayNs");
    delayNs.ifPresent(d -> Checks.nonNegative(d, "delay"));
    Checks.nonNegative(jitterNs, "jitter");
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("loss outside [0,1]: " + loss);
    }
    Checks.range(mtu, 68, 65535, "mtu");
    Checks.positive(queueBytes, "queue");
    Checks.positive(fiberSpeedMps, "fiberSpeed");
  }
}
