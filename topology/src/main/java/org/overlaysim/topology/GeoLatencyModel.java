package org.overlaysim.topology;

/**
 * One-way delay of a link between two sites, from geography and measurements:
 *
 * <ul>
 *   <li>the same site: {@code sameSiteDelayNs} (a data-centre fabric);
 *   <li>two sites less than {@link #METRO_KM} apart: {@code sameMetroDelayNs} (the median RTT
 *       measured between zones and regions of one metro, halved);
 *   <li>farther: {@code perLinkOverheadNs + distance * routeFactor / fiberSpeed}, times the
 *       measured/modelled ratio of the nearest measured route ({@link MeasuredRoutes}) when one
 *       runs near both ends.
 * </ul>
 *
 * <p>The model gives a link the delay of the measured end-to-end path between its places (cloud
 * backbones and the Internet alike), so a WAN path between two sites is best one link. The defaults
 * are fitted on measured RTTs and tested out of sample (topology/README.md, {@code
 * GeoLatencyCrossValidationTest}).
 *
 * @param fiberSpeedKmPerS speed of light in fibre, about c / 1.47
 * @param routeFactor fibre path length over great-circle distance, at least 1
 * @param perLinkOverheadNs fixed one-way delay added to every link between metros
 * @param sameSiteDelayNs one-way delay of a link whose ends are at the same site
 * @param sameMetroDelayNs one-way delay of a link between two sites of one metro
 * @param measuredRoutes landmarks to follow, or null for the plain formula
 */
public record GeoLatencyModel(
    double fiberSpeedKmPerS,
    double routeFactor,
    long perLinkOverheadNs,
    long sameSiteDelayNs,
    long sameMetroDelayNs,
    MeasuredRoutes measuredRoutes) {

  /** Sites closer than this are one metro: a city's data centres and availability zones. */
  public static final double METRO_KM = 100;

  /** About c / 1.47 (group index of standard single-mode fibre at 1550 nm). */
  public static final double DEFAULT_FIBER_SPEED_KM_PER_S = 204_000;

  /**
   * Fitted (least absolute relative RTT error) on the 574 measured pairs between metros in
   * scenario's places/measured-rtts.csv: 1.60 with 2.84 ms.
   */
  public static final double DEFAULT_ROUTE_FACTOR = 1.6;

  /** Fitted together with the route factor: 5.68 ms of RTT that distance does not explain. */
  public static final long DEFAULT_PER_LINK_OVERHEAD_NS = 2_840_000;

  /** A link inside one site (a data-centre fabric): 50 us one way. */
  public static final long DEFAULT_SAME_SITE_DELAY_NS = 50_000;

  /** Half the median of the 74 RTTs measured within one metro (between zones or regions). */
  public static final long DEFAULT_SAME_METRO_DELAY_NS = 850_000;

  public static final GeoLatencyModel DEFAULT =
      new GeoLatencyModel(
          DEFAULT_FIBER_SPEED_KM_PER_S,
          DEFAULT_ROUTE_FACTOR,
          DEFAULT_PER_LINK_OVERHEAD_NS,
          DEFAULT_SAME_SITE_DELAY_NS,
          DEFAULT_SAME_METRO_DELAY_NS,
          MeasuredRoutes.standard());

  public GeoLatencyModel {
    if (!(fiberSpeedKmPerS > 0) || Double.isInfinite(fiberSpeedKmPerS)) {
      throw new IllegalArgumentException("fiber speed must be positive: " + fiberSpeedKmPerS);
    }
    if (!(routeFactor >= 1.0) || Double.isInfinite(routeFactor)) {
      throw new IllegalArgumentException("route factor must be at least 1: " + routeFactor);
    }
    if (perLinkOverheadNs < 0 || sameSiteDelayNs < 0 || sameMetroDelayNs < 0) {
      throw new IllegalArgumentException("negative delay in latency model");
    }
  }

  public GeoLatencyModel withFiberSpeedKmPerS(double kmPerS) {
    return new GeoLatencyModel(
        kmPerS, routeFactor, perLinkOverheadNs, sameSiteDelayNs, sameMetroDelayNs, measuredRoutes);
  }

  public GeoLatencyModel withRouteFactor(double factor) {
    return new GeoLatencyModel(
        fiberSpeedKmPerS,
        factor,
        perLinkOverheadNs,
        sameSiteDelayNs,
        sameMetroDelayNs,
        measuredRoutes);
  }

  public GeoLatencyModel withPerLinkOverheadNs(long ns) {
    return new GeoLatencyModel(
        fiberSpeedKmPerS, routeFactor, ns, sameSiteDelayNs, sameMetroDelayNs, measuredRoutes);
  }

  public GeoLatencyModel withSameSiteDelayNs(long ns) {
    return new GeoLatencyModel(
        fiberSpeedKmPerS, routeFactor, perLinkOverheadNs, ns, sameMetroDelayNs, measuredRoutes);
  }

  /** The same model following other landmarks, or none (null: the plain formula). */
  public GeoLatencyModel withMeasuredRoutes(MeasuredRoutes routes) {
    return new GeoLatencyModel(
        fiberSpeedKmPerS,
        routeFactor,
        perLinkOverheadNs,
        sameSiteDelayNs,
        sameMetroDelayNs,
        routes);
  }

  /** Light-in-fibre time over {@code distanceKm} of fibre, without route factor or overhead. */
  public long fiberDelayNs(double distanceKm) {
    return Math.round(distanceKm / fiberSpeedKmPerS * 1e9);
  }

  /**
   * One-way delay of a link spanning {@code distanceKm} of great-circle distance by the formula
   * alone (no landmark: without positions there is no route to follow).
   */
  public long oneWayDelayNs(double distanceKm) {
    if (!(distanceKm >= 0)) {
      throw new IllegalArgumentException("distance must be non-negative: " + distanceKm);
    }
    if (distanceKm == 0) {
      return sameSiteDelayNs;
    }
    if (distanceKm < METRO_KM) {
      return sameMetroDelayNs;
    }
    return fiberDelayNs(distanceKm * routeFactor) + perLinkOverheadNs;
  }

  /** One-way delay of a link between two sites, following the nearest measured route if any. */
  public long oneWayDelayNs(GeoSite a, GeoSite b) {
    if (a.equals(b)) {
      return sameSiteDelayNs;
    }
    double km = a.distanceKm(b);
    if (km < METRO_KM) {
      return sameMetroDelayNs;
    }
    long formula = oneWayDelayNs(km);
    MeasuredRoutes.Route route = measuredRoutes == null ? null : measuredRoutes.nearest(a, b);
    if (route == null) {
      return formula;
    }
    double modelledRttMs = 2 * oneWayDelayNs(route.a().distanceKm(route.b())) / 1e6;
    return Math.round(formula * (route.rttMs() / modelledRttMs));
  }
}
