package org.overlaysim.gui.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The world's land as polygon rings in degrees, read from the bundled Natural Earth 110m resource
 * ({@code land-110m.txt}, see gui/README.md): one ring per line, {@code P} for the outer ring of a
 * polygon, {@code H} for a hole, then {@code lon,lat} pairs. Rings crossing the antimeridian are
 * unwrapped (continuous, longitudes beyond ±180), so no edge runs across the whole map.
 */
public final class LandShapes {
  /** The bundled resource, relative to the {@code org.overlaysim.gui} package. */
  public static final String RESOURCE = "/org/overlaysim/gui/land-110m.txt";

  /** One closed ring. {@code lonLat} alternates longitude and latitude. */
  public record Ring(boolean hole, double[] lonLat) {
    public Ring {
      if (lonLat.length < 6 || lonLat.length % 2 != 0) {
        throw new IllegalArgumentException("a ring needs at least three points");
      }
      lonLat = lonLat.clone();
    }

    public int points() {
      return lonLat.length / 2;
    }

    public double lon(int i) {
      return lonLat[2 * i];
    }

    public double lat(int i) {
      return lonLat[2 * i + 1];
    }

    public double minLon() {
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < lonLat.length; i += 2) {
        min = Math.min(min, lonLat[i]);
      }
      return min;
    }

    public double maxLon() {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < lonLat.length; i += 2) {
        max = Math.max(max, lonLat[i]);
      }
      return max;
    }
  }

  private final List<Ring> rings;

  private LandShapes(List<Ring> rings) {
    this.rings = List.copyOf(rings);
  }

  public List<Ring> rings() {
    return rings;
  }

  /** Reads the bundled world. */
  public static LandShapes world() {
    try (InputStream in = LandShapes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LandShapes parse(BufferedReader reader) throws IOException {
    List<Ring> rings = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split(" ");
      double[] lonLat = new double[(parts.length - 1) * 2];
      for (int i = 1; i < parts.length; i++) {
        int comma = parts[i].indexOf(',');
        lonLat[2 * (i - 1)] = Double.parseDouble(parts[i].substring(0, comma));
        lonLat[2 * (i - 1) + 1] = Double.parseDouble(parts[i].substring(comma + 1));
      }
      rings.add(new Ring(parts[0].equals("H"), lonLat));
    }
    return new LandShapes(rings);
  }
}
