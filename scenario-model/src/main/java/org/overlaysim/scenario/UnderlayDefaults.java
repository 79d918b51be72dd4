package org.overlaysim.scenario;

/**
 * Link properties applied to every underlay link (and host access link) unless overridden.
 *
 * @param bandwidthBps link rate, bits per second
 * @param mtu IP MTU of underlay links, bytes
 * @param queueBytes drop-tail buffer per link direction
 * @param fiberSpeedMps speed of light in fibre, metres per second
 * @param routeFactor fibre path length divided by the great-circle distance
 */
public record UnderlayDefaults(
    long bandwidthBps, int mtu, long queueBytes, long fiberSpeedMps, double routeFactor) {

  public static final long DEFAULT_BANDWIDTH_BPS = 10_000_000_000L;
  public static final int DEFAULT_MTU = 1500;
  public static final long DEFAULT_QUEUE_BYTES = 1L << 20;

  /** About c / 1.47, the group index of standard single-mode fibre (G.652) at 1550 nm. */
  public static final long DEFAULT_FIBER_SPEED_MPS = 204_000_000L;

  /**
   * Fibre routes are longer than the great circle. 1.6, with the topology GeoLatencyModel's 2.84 ms
   * per link and its measured routes, is fitted on 574 measured RTTs between metros
   * (topology/README.md gives the sources and the cross-validated error). A link that sets its own
   * routeFactor or fiberSpeed gets the plain formula with them.
   */
  public static final double DEFAULT_ROUTE_FACTOR = 1.6;

  public static final UnderlayDefaults STANDARD =
      new UnderlayDefaults(
          DEFAULT_BANDWIDTH_BPS,
          DEFAULT_MTU,
          DEFAULT_QUEUE_BYTES,
          DEFAULT_FIBER_SPEED_MPS,
          DEFAULT_ROUTE_FACTOR);

  public UnderlayDefaults {
    Checks.positive(bandwidthBps, "bandwidth");
    Checks.range(mtu, 68, 65535, "mtu");
    Checks.positive(queueBytes, "queue");
    Checks.positive(fiberSpeedMps, "fiberSpeed");
    if (!(routeFactor >= 1.0) || Double.isInfinite(routeFactor)) {
      throw new IllegalArgumentException("routeFactor must be at least 1: " + routeFactor);
    }
  }
}
