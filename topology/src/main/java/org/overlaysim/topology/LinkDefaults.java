package org.overlaysim.topology;

/**
 * Parameters a link takes when its {@link LinkOverrides} leaves them unset (the scenario's {@code
 * underlay.defaults}).
 *
 * @param accessDelayNs one-way delay of a host's access link when host and router share a site
 */
public record LinkDefaults(
    long bandwidthBps, int mtu, long queueBytes, double loss, long jitterNs, long accessDelayNs) {

  /** 10 Gbit/s, IP MTU 1500, 1 MiB per direction, no loss or jitter, 10 us access links. */
  public static final LinkDefaults STANDARD =
      new LinkDefaults(10_000_000_000L, 1500, 1L << 20, 0.0, 0, 10_000);

  public LinkDefaults {
    // Validated through a throw-away link so both share one set of rules.
    new Link("defaults", "a", "b", bandwidthBps, 0, mtu, queueBytes, loss, jitterNs);
    if (accessDelayNs < 0) {
      throw new IllegalArgumentException("negative access delay");
    }
  }

  public LinkDefaults withBandwidthBps(long v) {
    return new LinkDefaults(v, mtu, queueBytes, loss, jitterNs, accessDelayNs);
  }

  public LinkDefaults withMtu(int v) {
    return new LinkDefaults(bandwidthBps, v, queueBytes, loss, jitterNs, accessDelayNs);
  }

  public LinkDefaults withQueueBytes(long v) {
    return new LinkDefaults(bandwidthBps, mtu, v, loss, jitterNs, accessDelayNs);
  }

  public LinkDefaults withLoss(double v) {
    return new LinkDefaults(bandwidthBps, mtu, queueBytes, v, jitterNs, accessDelayNs);
  }

  public LinkDefaults withJitterNs(long v) {
    return new LinkDefaults(bandwidthBps, mtu, queueBytes, loss, v, accessDelayNs);
  }

  public LinkDefaults withAccessDelayNs(long v) {
    return new LinkDefaults(bandwidthBps, mtu, queueBytes, loss, jitterNs, v);
  }
}
