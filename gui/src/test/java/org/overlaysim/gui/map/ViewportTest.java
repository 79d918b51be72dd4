package org.overlaysim.gui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class ViewportTest {
  private final Viewport view = new Viewport(1000, 500, 3, 10, 45, 45);

  @Test
  void screenPositionsMapBackToTheirCoordinates() {
    Point2D p = view.project(40.4, -3.7);

    assertThat(view.latAt(p.getY())).isCloseTo(40.4, offset(1e-9));
    assertThat(view.lonAt(p.getX())).isCloseTo(-3.7, offset(1e-9));
  }

  @Test
  void theCentreIsInTheMiddleOfTheScreen() {
    Point2D p = view.project(45, 10);

    assertThat(p.getX()).isCloseTo(500, offset(1e-9));
    assertThat(p.getY()).isCloseTo(250, offset(1e-9));
  }

  @Test
  void longitudesShrinkByTheCosineOfTheStandardParallel() {
    double oneDegreeLon = view.project(45, 11).getX() - view.project(45, 10).getX();
    double oneDegreeLat = view.project(45, 10).getY() - view.project(46, 10).getY();

    assertThat(oneDegreeLon / oneDegreeLat).isCloseTo(Math.cos(Math.toRadians(45)), offset(1e-9));
  }

  @Test
  void zoomingKeepsThePointUnderThePointerInPlace() {
    double lat = view.latAt(123);
    double lon = view.lonAt(456);

    Viewport zoomed = view.zoomedAt(2.5, 456, 123);

    assertThat(zoomed.zoom()).isCloseTo(7.5, offset(1e-9));
    assertThat(zoomed.project(lat, lon).getX()).isCloseTo(456, offset(1e-6));
    assertThat(zoomed.project(lat, lon).getY()).isCloseTo(123, offset(1e-6));
  }

  @Test
  void panningMovesEveryPointByTheDragDistance() {
    Point2D before = view.project(40, 0);

    Point2D after = view.panned(30, -20).project(40, 0);

    assertThat(after.getX() - before.getX()).isCloseTo(30, offset(1e-9));
    assertThat(after.getY() - before.getY()).isCloseTo(-20, offset(1e-9));
  }

  @Test
  void zoomStaysWithinItsLimits() {
    assertThat(view.zoomedAt(1e9, 0, 0).zoom()).isEqualTo(Viewport.MAX_ZOOM);
    assertThat(view.zoomedAt(1e-9, 0, 0).zoom()).isEqualTo(Viewport.MIN_ZOOM);
  }

  @Test
  void aFittedViewShowsEveryPlaceWithItsMargin() {
    double[] lats = {40.4, 50.1, 38.9};
    double[] lons = {-3.7, 8.7, -77.4};

    Viewport fit = Viewport.fitting(1600, 900, lats, lons, 100);

    for (int i = 0; i < lats.length; i++) {
      Point2D p = fit.project(lats[i], lons[i]);
      assertThat(p.getX()).isBetween(100 - 1e-6, 1500 + 1e-6);
      assertThat(p.getY()).isBetween(100 - 1e-6, 800 + 1e-6);
    }
  }
}
