package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second out-of-sample check of the default {@link GeoLatencyModel}: 89 older published
 * round-trip times (test resource published-rtts.csv) that the model was not fitted on:
 *
 * <ul>
 *   <li>WonderProxy, "Miles per Millisecond: A Look at the WonderProxy Network" (P. Reinheimer,
 *       2011), https://wonderproxy.com/blog/miles-per-milisecond/ : pings between 10 cities
 *       (Baltimore, Brisbane, Dallas, Fremont, Milan, Moscow, New York, Paris, Sydney, Zurich), 44
 *       pairs;
 *   <li>average RTTs between 10 AWS regions ("Latency Between AWS Global Regions", as tabulated at
 *       https://acomputerscientistlearnsaws.blogspot.com/2017/04/aws-regions.html ), 45 pairs.
 * </ul>
 *
 * <p>Modelled RTT = 2 x one-way delay of one link between the two places. The former default (route
 * factor 1.8, 0.25 ms per link) was fitted on these very pairs (14.5 % in sample); the current one,
 * fitted on the newer measurements, meets them out of sample. They are noisy (Paris-Zurich at 108
 * ms in 2011; AWS Frankfurt-Singapore at 326 ms in 2017, about Frankfurt-Virginia plus
 * Virginia-Singapore, where 2025 measures 160 ms).
 */
class GeoLatencyCalibrationTest {
  record Pair(String source, GeoSite a, GeoSite b, double rttMs) {}

  static List<Pair> publishedPairs() throws IOException {
    List<Pair> pairs = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                GeoLatencyCalibrationTest.class.getResourceAsStream("/published-rtts.csv"),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",");
        pairs.add(
            new Pair(
                f[0],
                new GeoSite(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3])),
                new GeoSite(f[4], Double.parseDouble(f[5]), Double.parseDouble(f[6])),
                Double.parseDouble(f[7])));
      }
    }
    return pairs;
  }

  static double medianRelativeError(GeoLatencyModel model, List<Pair> pairs) {
    double[] errors = new double[pairs.size()];
    for (int i = 0; i < errors.length; i++) {
      Pair p = pairs.get(i);
      double modelRttMs = 2 * model.oneWayDelayNs(p.a(), p.b()) / 1e6;
      errors[i] = Math.abs(modelRttMs - p.rttMs()) / p.rttMs();
    }
    Arrays.sort(errors);
    int n = errors.length;
    return n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
  }

  @Test
  void dataSetHasAtLeastADozenPairsFromEachSource() throws IOException {
    List<Pair> pairs = publishedPairs();
    assertThat(pairs).hasSize(89);
    assertThat(pairs.stream().filter(p -> p.source().equals("wonderproxy-2011"))).hasSize(44);
    assertThat(pairs.stream().filter(p -> p.source().equals("aws-2017"))).hasSize(45);
  }

  @Test
  void defaultModelHasAMedianErrorOf12point4PercentOnTheOlderPublishedRtts() throws IOException {
    double median = medianRelativeError(GeoLatencyModel.DEFAULT, publishedPairs());
    assertThat(median).isBetween(0.120, 0.130);
  }

  @Test
  void defaultModelBeatsStraightFibreAndTheFormulaAlone() throws IOException {
    List<Pair> pairs = publishedPairs();
    double calibrated = medianRelativeError(GeoLatencyModel.DEFAULT, pairs);
    GeoLatencyModel straightFibre =
        GeoLatencyModel.DEFAULT
            .withRouteFactor(1.0)
            .withPerLinkOverheadNs(0)
            .withMeasuredRoutes(null);
    GeoLatencyModel formulaAlone = GeoLatencyModel.DEFAULT.withMeasuredRoutes(null);
    assertThat(calibrated)
        .isLessThan(medianRelativeError(straightFibre, pairs))
        .isLessThan(medianRelativeError(formulaAlone, pairs));
  }
}
