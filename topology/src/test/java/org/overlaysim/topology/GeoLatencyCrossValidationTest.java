package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.KnownPlaces;

/**
 * The default {@link GeoLatencyModel} out of sample, by cross-validation grouped by metro, on the
 * measured RTTs shipped with overlaysim (scenarios' places/measured-rtts.csv, sources in
 * places/SOURCES.md).
 *
 * <p>Why grouped: pairs share places (Frankfurt appears in 40 pairs), so a random split would test
 * Frankfurt-Tokyo with Frankfurt-Osaka in the training set and its measured route as a landmark.
 * Metros are dealt into 10 groups (sorted names shuffled with seed 17, round robin); the pair
 * between metros of groups g and h is predicted by a model fitted, and given landmarks, only from
 * pairs touching neither group. Every pair thus meets a model that never saw either of its metros.
 *
 * <p>The fit: RTT = c0 + c1 * (fibre RTT over the great circle), minimising the sum of absolute
 * relative errors (iteratively reweighted least squares) over the pairs at least a metro apart;
 * routeFactor = c1, per-link overhead = c0 / 2. Within a metro: half the median measured RTT. The
 * figures printed by {@link #table()} are the ones in topology/README.md (checked below).
 */
class GeoLatencyCrossValidationTest {
  static final int GROUPS = 10;
  static final long SEED = 17;
  static final List<String> CLASSES =
      List.of(
          "same metro",
          "same continent",
          "transatlantic",
          "transpacific",
          "Europe-Asia",
          "southern hemisphere",
          "other");

  record Pair(KnownPlaces.Measurement m, GeoSite a, GeoSite b, double km, String routeClass) {
    String cityA() {
      return m.a().city();
    }

    String cityB() {
      return m.b().city();
    }

    double rttMs() {
      return m.rttMs();
    }
  }

  record Result(Pair pair, double predictedRttMs) {
    double error() {
      return Math.abs(predictedRttMs - pair.rttMs()) / pair.rttMs();
    }
  }

  static List<Pair> pairs;
  static List<Result> results;

  @BeforeAll
  static void crossValidate() {
    pairs = measuredPairs();
    List<String> metros =
        new ArrayList<>(
            new TreeSet<>(
                pairs.stream().flatMap(p -> List.of(p.cityA(), p.cityB()).stream()).toList()));
    Collections.shuffle(metros, new Random(SEED));
    Map<String, Integer> group = new HashMap<>();
    for (int i = 0; i < metros.size(); i++) {
      group.put(metros.get(i), i % GROUPS);
    }
    Map<String, GeoLatencyModel> fitted = new HashMap<>();
    results = new ArrayList<>();
    for (Pair p : pairs) {
      int g = group.get(p.cityA());
      int h = group.get(p.cityB());
      GeoLatencyModel model =
          fitted.computeIfAbsent(
              Math.min(g, h) + "," + Math.max(g, h),
              k ->
                  fit(
                      pairs.stream()
                          .filter(t -> !List.of(g, h).contains(group.get(t.cityA())))
                          .filter(t -> !List.of(g, h).contains(group.get(t.cityB())))
                          .toList()));
      results.add(new Result(p, 2 * model.oneWayDelayNs(p.a(), p.b()) / 1e6));
    }
  }

  /** Every measurement as a pair of sites; the two ends of a pair within one place are distinct. */
  static List<Pair> measuredPairs() {
    List<Pair> list = new ArrayList<>();
    for (KnownPlaces.Measurement m : KnownPlaces.standard().measurements()) {
      GeoSite a = new GeoSite(m.a().id() + " a", m.a().lat(), m.a().lon());
      GeoSite b = new GeoSite(m.b().id() + " b", m.b().lat(), m.b().lon());
      double km = a.distanceKm(b);
      list.add(new Pair(m, a, b, km, routeClass(m.a(), m.b(), km)));
    }
    return list;
  }

  /** The route classes the issue names, the first that applies. */
  static String routeClass(KnownPlaces.Place a, KnownPlaces.Place b, double km) {
    if (km < GeoLatencyModel.METRO_KM) {
      return "same metro";
    }
    if (a.continent().equals(b.continent())) {
      return "same continent";
    }
    if (a.lat() < 0 || b.lat() < 0) {
      return "southern hemisphere";
    }
    List<String> both = new ArrayList<>(List.of(a.continent(), b.continent()));
    Collections.sort(both);
    if (both.equals(List.of("europe", "north-america"))) {
      return "transatlantic";
    }
    if (both.equals(List.of("asia", "north-america"))) {
      double asianLon = a.continent().equals("asia") ? a.lon() : b.lon();
      return asianLon > 90 ? "transpacific" : "other";
    }
    if (both.equals(List.of("asia", "europe"))) {
      return "Europe-Asia";
    }
    return "other";
  }

  /** The model fitted on {@code training}, following the training pairs' routes only. */
  static GeoLatencyModel fit(List<Pair> training) {
    List<Pair> far = training.stream().filter(p -> p.km() >= GeoLatencyModel.METRO_KM).toList();
    double[] c = leastAbsoluteRelativeError(far);
    double[] metro =
        training.stream()
            .filter(p -> p.km() < GeoLatencyModel.METRO_KM)
            .mapToDouble(Pair::rttMs)
            .sorted()
            .toArray();
    List<MeasuredRoutes.Route> routes = new ArrayList<>();
    for (Pair p : far) {
      routes.add(new MeasuredRoutes.Route(p.a(), p.b(), p.rttMs()));
    }
    return new GeoLatencyModel(
        GeoLatencyModel.DEFAULT_FIBER_SPEED_KM_PER_S,
        c[1],
        Math.round(c[0] / 2 * 1e6),
        GeoLatencyModel.DEFAULT_SAME_SITE_DELAY_NS,
        Math.round(median(metro) / 2 * 1e6),
        MeasuredRoutes.of(routes));
  }

  /** c0, c1 minimising sum |c0 + c1 * fibreRtt - rtt| / rtt, by iteratively reweighted LS. */
  static double[] leastAbsoluteRelativeError(List<Pair> pairs) {
    int n = pairs.size();
    double[] x0 = new double[n];
    double[] x1 = new double[n];
    for (int i = 0; i < n; i++) {
      Pair p = pairs.get(i);
      x0[i] = 1 / p.rttMs();
      x1[i] = 2 * p.km() / GeoLatencyModel.DEFAULT_FIBER_SPEED_KM_PER_S * 1e3 / p.rttMs();
    }
    double[] w = new double[n];
    Arrays.fill(w, 1);
    double c0 = 0;
    double c1 = 1;
    for (int iteration = 0; iteration < 100; iteration++) {
      double s00 = 0;
      double s01 = 0;
      double s11 = 0;
      double t0 = 0;
      double t1 = 0;
      for (int i = 0; i < n; i++) {
        s00 += w[i] * x0[i] * x0[i];
        s01 += w[i] * x0[i] * x1[i];
        s11 += w[i] * x1[i] * x1[i];
        t0 += w[i] * x0[i];
        t1 += w[i] * x1[i];
      }
      double det = s00 * s11 - s01 * s01;
      c0 = (t0 * s11 - t1 * s01) / det;
      c1 = (s00 * t1 - s01 * t0) / det;
      for (int i = 0; i < n; i++) {
        w[i] = 1 / Math.max(Math.abs(c0 * x0[i] + c1 * x1[i] - 1), 1e-3);
      }
    }
    return new double[] {c0, c1};
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The q-quantile by linear interpolation between order statistics (as numpy's default). */
  static double quantile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
  }

  static double[] errors(String routeClass) {
    return results.stream()
        .filter(r -> routeClass == null || r.pair().routeClass().equals(routeClass))
        .mapToDouble(Result::error)
        .sorted()
        .toArray();
  }

  /** The README's table: pairs, median and 90th percentile of |error| overall and per class. */
  static String table() {
    Map<String, double[]> rows = new LinkedHashMap<>();
    rows.put("all pairs", errors(null));
    for (String c : CLASSES) {
      rows.put(c, errors(c));
    }
    StringBuilder t =
        new StringBuilder("| route class | pairs | median error | 90th percentile |\n");
    t.append("| --- | ---: | ---: | ---: |\n");
    rows.forEach(
        (name, e) ->
            t.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f %% | %.1f %% |%n",
                    name,
                    e.length,
                    100 * median(e),
                    100 * quantile(e, 0.9))));
    return t.toString();
  }

  @Test
  void calibrationSetHasAtLeast300PairsOnEveryInhabitedContinentAndInEveryRouteClass() {
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
    assertThat(pairs.stream().flatMap(p -> List.of(p.cityA(), p.cityB()).stream()).distinct())
        .hasSize(37); // as topology/README.md says
    assertThat(
            pairs.stream()
                .flatMap(p -> List.of(p.m().a(), p.m().b()).stream())
                .map(KnownPlaces.Place::continent)
                .distinct())
        .containsExactlyInAnyOrder(
            "africa", "asia", "europe", "north-america", "oceania", "south-america");
    for (String c : CLASSES.subList(0, 6)) {
      assertThat(errors(c)).as(c).hasSizeGreaterThanOrEqualTo(30);
    }
  }

  @Test
  void crossValidatedMedianErrorIsAtMost15Percent() {
    double median = median(errors(null));
    System.out.println(table());
    assertThat(median).isLessThanOrEqualTo(0.15);
  }

  @Test
  void readmeShowsTheseFigures() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains(table());
  }

  @Test
  void defaultsAreTheFitOnAllPairs() {
    GeoLatencyModel all = fit(pairs);
    assertThat(all.routeFactor()).isCloseTo(GeoLatencyModel.DEFAULT_ROUTE_FACTOR, within(0.01));
    assertThat(all.perLinkOverheadNs() / 1e6)
        .isCloseTo(GeoLatencyModel.DEFAULT_PER_LINK_OVERHEAD_NS / 1e6, within(0.02));
    assertThat(all.sameMetroDelayNs() / 1e6)
        .isCloseTo(GeoLatencyModel.DEFAULT_SAME_METRO_DELAY_NS / 1e6, within(0.01));
  }

  @Test
  void fittingOnTheTestPairsToo_wouldFlatterTheModel() {
    // The in-sample error is lower than the cross-validated one: the grouping matters.
    GeoLatencyModel all = fit(pairs);
    double[] inSample =
        pairs.stream()
            .mapToDouble(
                p -> Math.abs(2 * all.oneWayDelayNs(p.a(), p.b()) / 1e6 - p.rttMs()) / p.rttMs())
            .sorted()
            .toArray();
    assertThat(median(inSample)).isLessThan(median(errors(null)));
  }

  @Test
  void theFormerDefaultIsOff18point4PercentOnThesePairs() {
    // Route factor 1.8 and 0.25 ms per link, no metro delay, no measured routes: what the issue
    // set out to replace, met with pairs it was not fitted on.
    GeoLatencyModel former = new GeoLatencyModel(204_000, 1.8, 250_000, 50_000, 250_000, null);
    double[] e =
        pairs.stream()
            .mapToDouble(
                p -> Math.abs(2 * former.oneWayDelayNs(p.km()) / 1e6 - p.rttMs()) / p.rttMs())
            .sorted()
            .toArray();
    assertThat(median(e)).isBetween(0.175, 0.195);
    System.out.printf(Locale.ROOT, "former default: median %.1f %%%n", 100 * median(e));
  }

  @Test
  void fittedOnAwsAloneTheModelMeetsIbmsRttsWithin6point1PercentInTheMedian() {
    // Another provider's network, measured another way (netperf between VMs, not cloudping):
    // the model and its measured routes from the AWS rows only, the error on IBM's 78 pairs.
    GeoLatencyModel aws =
        fit(pairs.stream().filter(p -> p.m().source().startsWith("aws")).toList());
    double[] e =
        pairs.stream()
            .filter(p -> p.m().source().equals("ibm-vpc-2026"))
            .mapToDouble(
                p -> Math.abs(2 * aws.oneWayDelayNs(p.a(), p.b()) / 1e6 - p.rttMs()) / p.rttMs())
            .sorted()
            .toArray();
    assertThat(e).hasSize(78);
    System.out.printf(
        Locale.ROOT,
        "AWS -> IBM: median %.1f %%, p90 %.1f %%%n",
        100 * median(e),
        100 * quantile(e, 0.9));
    assertThat(median(e)).isBetween(0.056, 0.066);
  }
}
