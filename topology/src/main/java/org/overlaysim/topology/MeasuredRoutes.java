package org.overlaysim.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.overlaysim.scenario.KnownPlaces;

/**
 * Landmarks for {@link GeoLatencyModel}: round-trip times measured between well-known places at
 * least {@link GeoLatencyModel#METRO_KM} apart. A link whose two ends lie near the two ends of a
 * measured pair follows that pair's route: it takes the pair's measured/modelled ratio. This is
 * what a single route factor cannot do — Frankfurt–Tokyo detours by way of Singapore (about 2.4
 * times the fibre time), Virginia–Frankfurt rides straight cables (about 1.4).
 */
public final class MeasuredRoutes {
  /**
   * How near the ends must be: their two displacements add up to at most this share of the link.
   */
  public static final double NEAR_SHARE = 0.25;

  /** One measured pair. */
  public record Route(GeoSite a, GeoSite b, double rttMs) {
    public Route {
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
    }
  }

  private static final MeasuredRoutes STANDARD = fromKnownPlaces();

  private final List<Route> routes;

  private MeasuredRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The measured table shipped with overlaysim ({@link KnownPlaces#standard()}). */
  public static MeasuredRoutes standard() {
    return STANDARD;
  }

  /** These routes; pairs closer than a metro apart are left out (no route to follow). */
  public static MeasuredRoutes of(List<Route> routes) {
    List<Route> kept = new ArrayList<>();
    for (Route r : routes) {
      if (r.a().distanceKm(r.b()) >= GeoLatencyModel.METRO_KM) {
        kept.add(r);
      }
    }
    return new MeasuredRoutes(kept);
  }

  /**
   * The measured route nearest to a link from {@code a} to {@code b} (least sum of the
   * displacements of the two ends, either way round), or null when none lies within {@link
   * #NEAR_SHARE} of the link's length. Ties go to the earlier route in table order.
   */
  public Route nearest(GeoSite a, GeoSite b) {
    double limit = NEAR_SHARE * a.distanceKm(b);
    Route best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (Route r : routes) {
      double km =
          Math.min(
              a.distanceKm(r.a()) + b.distanceKm(r.b()), a.distanceKm(r.b()) + b.distanceKm(r.a()));
      if (km < bestKm) {
        bestKm = km;
        best = r;
      }
    }
    return bestKm <= limit ? best : null;
  }

  private static MeasuredRoutes fromKnownPlaces() {
    List<Route> routes = new ArrayList<>();
    for (KnownPlaces.Measurement m : KnownPlaces.standard().measurements()) {
      routes.add(new Route(site(m.a()), site(m.b()), m.rttMs()));
    }
    return of(routes);
  }

  private static GeoSite site(KnownPlaces.Place p) {
    return new GeoSite(p.id(), p.lat(), p.lon());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MeasuredRoutes other && routes.equals(other.routes);
  }

  @Override
  public int hashCode() {
    return routes.hashCode();
  }
}
