package org.overlaysim.scenario;

/** Geographic position in decimal degrees (WGS 84). */
public record Location(double lat, double lon) {
  public Location {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("latitude outside -90..90: " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("longitude outside -180..180: " + lon);
    }
  }
}
