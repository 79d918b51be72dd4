package org.overlaysim.topology;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.overlaysim.scenario.KnownPlaces;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Router;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.Site;
import org.overlaysim.scenario.UnderlayDefaults;

/**
 * The one-way delay of a scenario's underlay link and where it came from. The simulator, the
 * visualizer and the emulator all take a link's delay from here, so the three agree.
 *
 * @param ns one-way propagation delay
 * @param source how it was obtained
 * @param detail how, in words, for {@code overlaysim validate --explain}
 */
public record LinkDelay(long ns, Source source, String detail) {

  /** Where a link's delay came from (the {@code delay_source} column of links.csv). */
  public enum Source {
    /** The link's own {@code delay}. */
    EXPLICIT,
    /** {@link GeoLatencyModel} from the sites' positions. */
    MODEL,
    /** Half the RTT measured between the two named places ({@link KnownPlaces}). */
    MEASURED;

    /** The name in reports: explicit, model, measured. */
    public String reportName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Every underlay link's delay, by link name, in the scenario's link order. */
  public static Map<String, LinkDelay> of(Scenario scenario) {
    Map<String, Site> sites = new HashMap<>();
    for (Site s : scenario.sites()) {
      sites.put(s.name(), s);
    }
    Map<String, String> siteOfRouter = new HashMap<>();
    for (Router r : scenario.underlay().routers()) {
      siteOfRouter.put(r.name(), r.site());
    }
    Map<String, LinkDelay> delays = new LinkedHashMap<>();
    for (LinkSpec l : scenario.underlay().links()) {
      delays.put(
          l.name(), of(l, sites.get(siteOfRouter.get(l.a())), sites.get(siteOfRouter.get(l.b()))));
    }
    return delays;
  }

  /**
   * The delay of {@code link} between routers standing at sites {@code a} and {@code b}: its own
   * {@code delay} if given; else, with the default fibre speed and route factor, the measured RTT
   * between two named places (halved) if there is one; else {@link GeoLatencyModel}. A link that
   * sets its own {@code fiberSpeed} or {@code routeFactor} gets the plain formula with them (no
   * measurement, no landmark), so that the numbers it gives are the ones it computes with.
   */
  public static LinkDelay of(LinkSpec link, Site a, Site b) {
    if (link.delayNs().isPresent()) {
      return new LinkDelay(link.delayNs().getAsLong(), Source.EXPLICIT, "the link's delay");
    }
    boolean standard =
        link.fiberSpeedMps() == UnderlayDefaults.DEFAULT_FIBER_SPEED_MPS
            && link.routeFactor() == UnderlayDefaults.DEFAULT_ROUTE_FACTOR;
    if (standard && !a.name().equals(b.name())) {
      OptionalDouble rttMs = KnownPlaces.standard().measuredRttMs(a.location(), b.location());
      if (rttMs.isPresent()) {
        return new LinkDelay(
            Math.round(rttMs.getAsDouble() / 2 * 1e6),
            Source.MEASURED,
            String.format(
                Locale.ROOT,
                "half the RTT of %s ms measured between %s and %s",
                decimal(rttMs.getAsDouble()),
                a.location().place(),
                b.location().place()));
      }
    }
    GeoLatencyModel model =
        standard
            ? GeoLatencyModel.DEFAULT
            : GeoLatencyModel.DEFAULT
                .withFiberSpeedKmPerS(link.fiberSpeedMps() / 1000.0)
                .withRouteFactor(link.routeFactor())
                .withMeasuredRoutes(null);
    GeoSite sa = site(a);
    GeoSite sb = site(b);
    return new LinkDelay(model.oneWayDelayNs(sa, sb), Source.MODEL, explain(model, sa, sb));
  }

  private static String explain(GeoLatencyModel model, GeoSite a, GeoSite b) {
    double km = a.distanceKm(b);
    if (a.equals(b) || km < GeoLatencyModel.METRO_KM) {
      return a.name().equals(b.name())
          ? "within one site"
          : String.format(Locale.ROOT, "one metro (%.0f km)", km);
    }
    String formula =
        String.format(
            Locale.ROOT,
            "%s ms + %.0f km x %s / %.0f km/s",
            decimal(model.perLinkOverheadNs() / 1e6),
            km,
            decimal(model.routeFactor()),
            model.fiberSpeedKmPerS());
    MeasuredRoutes.Route route =
        model.measuredRoutes() == null ? null : model.measuredRoutes().nearest(a, b);
    if (model.measuredRoutes() == null) {
      return formula + " (its own fiberSpeed or routeFactor: no measured route followed)";
    }
    if (route == null) {
      return formula + " (no measured route near both ends)";
    }
    return String.format(
        Locale.ROOT,
        "%s, following the route measured between %s and %s (RTT %s ms)",
        formula,
        route.a().name(),
        route.b().name(),
        decimal(route.rttMs()));
  }

  /** Up to 3 decimals, no trailing zeros. */
  private static String decimal(double v) {
    return new java.math.BigDecimal(v)
        .setScale(3, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static GeoSite site(Site s) {
    return new GeoSite(s.name(), s.location().lat(), s.location().lon());
  }
}
