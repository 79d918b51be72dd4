package org.overlaysim.gui.map;

import javafx.geometry.Point2D;

/**
 * Equirectangular (equidistant cylindrical) projection onto the screen: x grows linearly with
 * longitude, y with latitude, and longitudes are shrunk by the cosine of a standard parallel so
 * that shapes near that latitude keep their proportions. At zoom 1 the whole world fills the width.
 * Immutable; zooming and panning make a new one.
 *
 * @param width screen width in pixels
 * @param height screen height in pixels
 * @param zoom magnification, between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}
 * @param centerLon longitude at the centre of the screen
 * @param centerLat latitude at the centre of the screen
 * @param standardParallel latitude where the projection is true to scale, within ±60 degrees
 */
public record Viewport(
    double width,
    double height,
    double zoom,
    double centerLon,
    double centerLat,
    double standardParallel) {
  public static final double MIN_ZOOM = 0.5;
  public static final double MAX_ZOOM = 400;

  public Viewport {
    width = Math.max(width, 1);
    height = Math.max(height, 1);
    zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    standardParallel = Math.max(-60, Math.min(60, standardParallel));
  }

  public static Viewport world(double width, double height) {
    return new Viewport(width, height, 1, 0, 0, 0);
  }

  /** Pixels per degree of latitude. */
  public double pixelsPerDegree() {
    return width / 360.0 * zoom;
  }

  /** Pixels per degree of longitude. */
  public double pixelsPerDegreeLon() {
    return pixelsPerDegree() * Math.cos(Math.toRadians(standardParallel));
  }

  public Point2D project(double lat, double lon) {
    return new Point2D(
        width / 2 + (lon - centerLon) * pixelsPerDegreeLon(),
        height / 2 - (lat - centerLat) * pixelsPerDegree());
  }

  public double lonAt(double x) {
    return centerLon + (x - width / 2) / pixelsPerDegreeLon();
  }

  public double latAt(double y) {
    return centerLat - (y - height / 2) / pixelsPerDegree();
  }

  public Viewport resized(double newWidth, double newHeight) {
    // Keep the same degrees per pixel when the window grows, so the map does not jump.
    double newZoom = newWidth > 0 ? zoom * width / newWidth : zoom;
    return new Viewport(newWidth, newHeight, newZoom, centerLon, centerLat, standardParallel);
  }

  /** Zooms by {@code factor} keeping the point under the screen position (x, y) in place. */
  public Viewport zoomedAt(double factor, double x, double y) {
    double lon = lonAt(x);
    double lat = latAt(y);
    Viewport z = new Viewport(width, height, zoom * factor, centerLon, centerLat, standardParallel);
    return new Viewport(
        width,
        height,
        z.zoom,
        lon - (x - width / 2) / z.pixelsPerDegreeLon(),
        lat + (y - height / 2) / z.pixelsPerDegree(),
        standardParallel);
  }

  /** Moves the map by (dx, dy) pixels. */
  public Viewport panned(double dx, double dy) {
    return new Viewport(
        width,
        height,
        zoom,
        centerLon - dx / pixelsPerDegreeLon(),
        centerLat + dy / pixelsPerDegree(),
        standardParallel);
  }

  /**
   * The viewport showing every given location with a margin, true to scale at their middle
   * latitude; a single place gets a regional view around it.
   *
   * @param lats latitudes
   * @param lons longitudes, same length
   * @param marginPx free pixels kept on each side for site clusters and labels
   */
  public static Viewport fitting(
      double width, double height, double[] lats, double[] lons, double marginPx) {
    if (lats.length == 0) {
      return world(width, height);
    }
    double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
    for (int i = 0; i < lats.length; i++) {
      minLat = Math.min(minLat, lats[i]);
      maxLat = Math.max(maxLat, lats[i]);
      minLon = Math.min(minLon, lons[i]);
      maxLon = Math.max(maxLon, lons[i]);
    }
    double parallel = (minLat + maxLat) / 2;
    double cos = Math.cos(Math.toRadians(Math.max(-60, Math.min(60, parallel))));
    // At least 8 degrees across, so a single site still shows its surroundings.
    double spanLon = Math.max(maxLon - minLon, 8) * cos;
    double spanLat = Math.max(maxLat - minLat, 4);
    double usableW = Math.max(width - 2 * marginPx, width * 0.3);
    double usableH = Math.max(height - 2 * marginPx, height * 0.3);
    double k = Math.min(usableW / spanLon, usableH / spanLat);
    double zoom = k * 360.0 / width;
    return new Viewport(
        width, height, zoom, (minLon + maxLon) / 2, (minLat + maxLat) / 2, parallel);
  }
}
