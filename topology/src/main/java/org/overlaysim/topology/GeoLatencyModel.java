package org.overlaysim.topology;

/**
 * One-way propagation delay of a long-haul link from the great-circle distance between its sites:
 * {@code distance * routeFactor / fiberSpeed + perLinkOverhead}. Fibre does not follow great
 * circles (the route factor) and every link adds amplifiers, transponders and router hops at its
 * ends (the fixed overhead). Two sites at the same place are joined by a short in-site link.
 *
 * <p>The defaults are calibrated against published round-trip times between cities and cloud
 * regions; see topology/README.md and {@code GeoLatencyCalibrationTest} for the sources and the
 * resulting error.
 *
 * @param fiberSpeedKmPerS speed of light in fibre, about c / 1.47
 * @param routeFactor fibre path length over great-circle distance, at least 1
 * @param perLinkOverheadNs fixed one-way delay added to every geographic link
 * @param sameSiteDelayNs one-way delay of a link whose ends are at the same site
 */
public record GeoLatencyModel(
    double fiberSpeedKmPerS, double routeFactor, long perLinkOverheadNs, long sameSiteDelayNs) {

  /** About c / 1.47 (group index of standard single-mode fibre at 1550 nm). */
  public static final double DEFAULT_FIBER_SPEED_KM_PER_S = 204_000;

  /** Calibrated: minimises the median relative RTT error over the published pairs. */
  public static final double DEFAULT_ROUTE_FACTOR = 1.8;

  /** Calibrated together with the route factor (0.25 ms one way). */
  public static final long DEFAULT_PER_LINK_OVERHEAD_NS = 250_000;

  /** A link inside one site (a data-centre fabric): 50 us one way. */
  public static final long DEFAULT_SAME_SITE_DELAY_NS = 50_000;

  public static final GeoLatencyModel DEFAULT =
      new GeoLatencyModel(
          DEFAULT_FIBER_SPEED_KM_PER_S,
          DEFAULT_ROUTE_FACTOR,
          DEFAULT_PER_LINK_OVERHEAD_NS,
          DEFAULT_SAME_SITE_DELAY_NS);

  public GeoLatencyModel {
    if (!(fiberSpeedKmPerS > 0) || Double.isInfinite(fiberSpeedKmPerS)) {
      throw new IllegalArgumentException("fiber speed must be positive: " + fiberSpeedKmPerS);
    }
    if (!(routeFactor >= 1.0) || Double.isInfinite(routeFactor)) {
      throw new IllegalArgumentException("route factor must be at least 1: " + routeFactor);
    }
    if (perLinkOverheadNs < 0 || sameSiteDelayNs < 0) {
      throw new IllegalArgumentException("negative delay in latency model");
    }
  }

  public GeoLatencyModel withFiberSpeedKmPerS(double kmPerS) {
    return new GeoLatencyModel(kmPerS, routeFactor, perLinkOverheadNs, sameSiteDelayNs);
  }

  public GeoLatencyModel withRouteFactor(double factor) {
    return new GeoLatencyModel(fiberSpeedKmPerS, factor, perLinkOverheadNs, sameSiteDelayNs);
  }

  public GeoLatencyModel withPerLinkOverheadNs(long ns) {
    return new GeoLatencyModel(fiberSpeedKmPerS, routeFactor, ns, sameSiteDelayNs);
  }

  public GeoLatencyModel withSameSiteDelayNs(long ns) {
    return new GeoLatencyModel(fiberSpeedKmPerS, routeFactor, perLinkOverheadNs, ns);
  }

  /** Light-in-fibre time over {@code distanceKm} of fibre, without route factor or overhead. */
  public long fiberDelayNs(double distanceKm) {
    return Math.round(distanceKm / fiberSpeedKmPerS * 1e9);
  }

  /** One-way delay of a link spanning {@code distanceKm} of great-circle distance. */
  public long oneWayDelayNs(double distanceKm) {
    if (!(distanceKm >= 0)) {
      throw new IllegalArgumentException("distance must be non-negative: " + distanceKm);
    }
    if (distanceKm == 0) {
      return sameSiteDelayNs;
    }
    return fiberDelayNs(distanceKm * routeFactor) + perLinkOverheadNs;
  }

  /** One-way delay of a link between two sites (the same-site delay when they coincide). */
  public long oneWayDelayNs(Site a, Site b) {
    if (a.equals(b)) {
      return sameSiteDelayNs;
    }
    return oneWayDelayNs(a.distanceKm(b));
  }
}
