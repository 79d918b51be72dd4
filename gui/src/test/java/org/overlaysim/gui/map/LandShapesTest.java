package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LandShapesTest {
  private static final LandShapes WORLD = LandShapes.world();

  @Test
  void theBundledWorldHasTheNaturalEarthLandPolygonsInDegrees() {
    assertThat(WORLD.rings()).hasSizeGreaterThan(100);
    for (LandShapes.Ring ring : WORLD.rings()) {
      for (int i = 0; i < ring.points(); i++) {
        assertThat(ring.lon(i)).isBetween(-540.0, 540.0);
        assertThat(ring.lat(i)).isBetween(-90.0, 90.0);
      }
    }
  }

  @Test
  void noRingJumpsAcrossTheWholeMap() {
    // An edge from 180 to -180 would draw a line across the world; only polar closures run
    // along the pole itself.
    for (LandShapes.Ring ring : WORLD.rings()) {
      for (int i = 1; i < ring.points(); i++) {
        boolean alongPole = Math.abs(ring.lat(i)) == 90 && Math.abs(ring.lat(i - 1)) == 90;
        if (!alongPole) {
          assertThat(Math.abs(ring.lon(i) - ring.lon(i - 1))).isLessThan(180.0);
        }
      }
    }
  }

  @Test
  void citiesAreOnLand() {
    assertThat(onLand(40.42, -3.70)).as("Madrid").isTrue();
    assertThat(onLand(38.96, -77.36)).as("Virginia").isTrue();
    assertThat(onLand(-33.87, 151.21 - 0.2)).as("Sydney").isTrue();
    assertThat(onLand(64.7, 177.5)).as("Anadyr, Russia east of the antimeridian").isTrue();
  }

  @Test
  void oceansAreNotLand() {
    assertThat(onLand(30, -40)).as("mid-Atlantic").isFalse();
    assertThat(onLand(0, -150)).as("Pacific").isFalse();
  }

  /** Even-odd point in polygon over all rings: holes cancel their outer ring. */
  private static boolean onLand(double lat, double lon) {
    boolean inside = false;
    for (LandShapes.Ring r : WORLD.rings()) {
      for (int i = 0, j = r.points() - 1; i < r.points(); j = i++) {
        if ((r.lat(i) > lat) != (r.lat(j) > lat)
            && lon < (r.lon(j) - r.lon(i)) * (lat - r.lat(i)) / (r.lat(j) - r.lat(i)) + r.lon(i)) {
          inside = !inside;
        }
      }
    }
    return inside;
  }
}
