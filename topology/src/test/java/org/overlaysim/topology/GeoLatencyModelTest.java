package org.overlaysim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoLatencyModelTest {
  @Test
  void oneDegreeOfLongitudeOnTheEquatorIs111point195Kilometres() {
    // 2 * pi * 6371.0088 km / 360 = 111.195 km.
    double km = new GeoSite("x", 0, 0).distanceKm(new GeoSite("y", 0, 1));
    assertThat(km).isCloseTo(111.195, within(0.001));
  }

  @Test
  void antipodesAreHalfTheCircumferenceApart() {
    double km = GeoSite.haversineKm(0, 0, 0, 180);
    assertThat(km).isCloseTo(Math.PI * GeoSite.EARTH_MEAN_RADIUS_KM, within(1e-6));
  }

  @Test
  void distanceIsSymmetric() {
    GeoSite madrid = new GeoSite("madrid", 40.4168, -3.7038);
    GeoSite frankfurt = new GeoSite("frankfurt", 50.1109, 8.6821);
    assertThat(madrid.distanceKm(frankfurt)).isEqualTo(frankfurt.distanceKm(madrid));
  }

  @Test
  void thousandKilometresOfFibreTake4point902Milliseconds() {
    // 1000 km / 204,000 km/s = 4.90196 ms.
    assertThat(GeoLatencyModel.DEFAULT.fiberDelayNs(1000)).isEqualTo(4_901_961);
  }

  @Test
  void theFormulaGivesAThousandKilometreLink10point683Milliseconds() {
    // 1000 km * route factor 1.6 / 204,000 km/s = 7.843 ms, + 2.84 ms per link = 10.683 ms.
    assertThat(GeoLatencyModel.DEFAULT.oneWayDelayNs(1000)).isEqualTo(10_683_137);
  }

  @Test
  void routeFactorOneAndNoOverheadIsPureFibre() {
    GeoLatencyModel fibreOnly =
        GeoLatencyModel.DEFAULT.withRouteFactor(1.0).withPerLinkOverheadNs(0);
    assertThat(fibreOnly.oneWayDelayNs(1000)).isEqualTo(4_901_961);
  }

  @Test
  void twoSitesOfOneMetroTakeTheMetroDelay() {
    GeoSite a = new GeoSite("a", 50.1, 8.675);
    GeoSite b = new GeoSite("b", 50.2, 8.7);
    assertThat(GeoLatencyModel.DEFAULT.oneWayDelayNs(a, b)).isEqualTo(850_000);
  }

  @Test
  void aLinkNearAMeasuredRouteFollowsIt() {
    // Frankfurt-Tokyo detours (AWS measures 228 ms, IBM 229 ms where the formula gives 152 ms):
    // a link between points near both cities takes the measured route's ratio.
    GeoSite frankfurt = new GeoSite("fra", 50.1109, 8.6821);
    GeoSite tokyo = new GeoSite("tyo", 35.6762, 139.6503);
    long followed = GeoLatencyModel.DEFAULT.oneWayDelayNs(frankfurt, tokyo);
    long formula = GeoLatencyModel.DEFAULT.withMeasuredRoutes(null).oneWayDelayNs(frankfurt, tokyo);
    assertThat(2 * followed / 1e6).isBetween(220.0, 236.0);
    assertThat(followed).isGreaterThan(formula);
  }

  @Test
  void aLinkFarFromEveryMeasuredRouteTakesTheFormula() {
    // Reykjavik-Anchorage: no measured pair within a quarter of the distance of both ends.
    GeoSite reykjavik = new GeoSite("rey", 64.1466, -21.9426);
    GeoSite anchorage = new GeoSite("anc", 61.2181, -149.9003);
    assertThat(GeoLatencyModel.DEFAULT.oneWayDelayNs(reykjavik, anchorage))
        .isEqualTo(GeoLatencyModel.DEFAULT.oneWayDelayNs(reykjavik.distanceKm(anchorage)));
  }

  @Test
  void linkWithinOneSiteTakesTheShortSameSiteDelay() {
    GeoSite dc = new GeoSite("dc", 40, -3);
    assertThat(GeoLatencyModel.DEFAULT.oneWayDelayNs(dc, dc)).isEqualTo(50_000);
    assertThat(GeoLatencyModel.DEFAULT.oneWayDelayNs(0.0)).isEqualTo(50_000);
  }

  @Test
  void routeFactorBelowOneIsRejected() {
    assertThatThrownBy(() -> GeoLatencyModel.DEFAULT.withRouteFactor(0.9))
        .hasMessageContaining("route factor");
  }

  @Test
  void latitudeOutOfRangeIsRejected() {
    assertThatThrownBy(() -> new GeoSite("mars", 91, 0)).hasMessageContaining("latitude 91");
  }
}
