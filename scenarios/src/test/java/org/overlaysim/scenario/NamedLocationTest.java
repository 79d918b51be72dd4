package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sites named by a well-known city or cloud region instead of coordinates. */
class NamedLocationTest {
  private static String withThirdSite(String location) {
    return Yaml.minimal()
        .replace(
            "  - {name: s2, location: {lat: 50.0, lon: 8.0}}\n",
            "  - {name: s2, location: {lat: 50.0, lon: 8.0}}\n  - {name: s3, location: "
                + location
                + "}\n");
  }

  @Test
  void aCityTakesTheCoordinatesOfItsTableRow() throws Exception {
    Site s3 = Yaml.scenario(withThirdSite("{city: frankfurt}")).sites().get(2);
    KnownPlaces.Place fra = KnownPlaces.standard().city("Frankfurt").get(0);
    assertThat(s3.location()).isEqualTo(new Location(fra.lat(), fra.lon(), "Frankfurt"));
    assertThat(s3.location().isCity()).isTrue();
  }

  @Test
  void aRegionTakesTheCoordinatesOfItsMetro() throws Exception {
    Site s3 = Yaml.scenario(withThirdSite("{region: aws/us-east-1}")).sites().get(2);
    assertThat(s3.location().place()).isEqualTo("aws/us-east-1");
    assertThat(s3.location().isRegion()).isTrue();
    assertThat(s3.location().lat()).isBetween(38.9, 39.1); // Ashburn, Virginia
  }

  @Test
  void anUnknownCityIsAnErrorWithADidYouMean() {
    assertThat(Yaml.problems(withThirdSite("{city: Frankfort}")))
        .singleElement()
        .hasToString(
            "test.yaml:7:33: sites[2].location.city: unknown city 'Frankfort' (did you mean"
                + " 'Frankfurt'?)");
  }

  @Test
  void anUnknownRegionIsAnErrorWithADidYouMean() {
    assertThat(Yaml.problems(withThirdSite("{region: aws/eu-centrl-1}")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("sites[2].location.region");
              assertThat(p.message())
                  .isEqualTo("unknown region 'aws/eu-centrl-1' (did you mean 'aws/eu-central-1'?)");
            });
  }

  @Test
  void coordinatesAndANameTogetherAreAnError() {
    assertThat(Yaml.problems(withThirdSite("{city: Frankfurt, lat: 50.0, lon: 8.0}")))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("sites[2].location"));
  }

  @Test
  void aNamedLocationSurvivesWritingAndReading() throws Exception {
    Scenario s = Yaml.scenario(withThirdSite("{region: ibm/eu-es}"));
    Scenario back = Yaml.scenario(ScenarioWriter.write(s));
    assertThat(back.sites().get(2).location()).isEqualTo(s.sites().get(2).location());
  }

  @Test
  void twoNamedPlacesInDifferentMetrosHaveTheMeasuredRtt() {
    KnownPlaces places = KnownPlaces.standard();
    Location frankfurt = new Location(50.1, 8.675, "aws/eu-central-1");
    Location virginia = new Location(39.03, -77.4711, "aws/us-east-1");
    assertThat(places.measuredRttMs(frankfurt, virginia)).isPresent();
    assertThat(places.measuredRttMs(frankfurt, new Location(39.0, -77.0))).isEmpty();
  }
}
