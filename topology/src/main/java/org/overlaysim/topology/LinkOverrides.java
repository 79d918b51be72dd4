package org.overlaysim.topology;

/**
 * What a scenario says about one link: every field optional ({@code null} = take the default; the
 * delay then comes from geography). Built with {@link #DEFAULTS} and the {@code with} methods.
 */
public record LinkOverrides(
    String name,
    Long bandwidthBps,
    Long delayNs,
    Integer mtu,
    Long queueBytes,
    Double loss,
    Long jitterNs) {

  /** Nothing overridden. */
  public static final LinkOverrides DEFAULTS =
      new LinkOverrides(null, null, null, null, null, null, null);

  public LinkOverrides withName(String v) {
    return new LinkOverrides(v, bandwidthBps, delayNs, mtu, queueBytes, loss, jitterNs);
  }

  public LinkOverrides withBandwidthBps(long v) {
    return new LinkOverrides(name, v, delayNs, mtu, queueBytes, loss, jitterNs);
  }

  public LinkOverrides withDelayNs(long v) {
    return new LinkOverrides(name, bandwidthBps, v, mtu, queueBytes, loss, jitterNs);
  }

  public LinkOverrides withMtu(int v) {
    return new LinkOverrides(name, bandwidthBps, delayNs, v, queueBytes, loss, jitterNs);
  }

  public LinkOverrides withQueueBytes(long v) {
    return new LinkOverrides(name, bandwidthBps, delayNs, mtu, v, loss, jitterNs);
  }

  public LinkOverrides withLoss(double v) {
    return new LinkOverrides(name, bandwidthBps, delayNs, mtu, queueBytes, v, jitterNs);
  }

  public LinkOverrides withJitterNs(long v) {
    return new LinkOverrides(name, bandwidthBps, delayNs, mtu, queueBytes, loss, v);
  }

  /** The link between {@code a} and {@code b} with these overrides on {@code defaults}. */
  Link resolve(String linkName, String a, String b, LinkDefaults defaults, long derivedDelayNs) {
    return new Link(
        name != null ? name : linkName,
        a,
        b,
        bandwidthBps != null ? bandwidthBps : defaults.bandwidthBps(),
        delayNs != null ? delayNs : derivedDelayNs,
        mtu != null ? mtu : defaults.mtu(),
        queueBytes != null ? queueBytes : defaults.queueBytes(),
        loss != null ? loss : defaults.loss(),
        jitterNs != null ? jitterNs : defaults.jitterNs());
  }
}
