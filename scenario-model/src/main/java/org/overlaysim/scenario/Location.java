package org.overlaysim.scenario;

/**
 * Geographic position in decimal degrees (WGS 84), and the well-known place it was named by, if
 * any.
 *
 * @param place null for plain coordinates; a cloud region id ({@code aws/eu-central-1}, always with
 *     a slash) or a city name ({@code Frankfurt}) from {@link KnownPlaces}, whose coordinates these
 *     are
 */
public record Location(double lat, double lon, String place) {
  public Location {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("latitude outside -90..90: " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("longitude outside -180..180: " + lon);
    }
  }

  /** Plain coordinates. */
  public Location(double lat, double lon) {
    this(lat, lon, null);
  }

  /** Named by {@code location: {region: ...}}. */
  public boolean isRegion() {
    return place != null && place.contains("/");
  }

  /** Named by {@code location: {city: ...}}. */
  public boolean isCity() {
    return place != null && !place.contains("/");
  }
}
