package org.overlaysim.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Well-known places a site may be named by ({@code location: {city: Frankfurt}} or {@code location:
 * {region: aws/eu-central-1}}) and the round-trip times measured between them. Both tables are
 * resources next to this class ({@code places/places.csv}, {@code places/measured-rtts.csv}); their
 * sources, dates and licences are in {@code places/SOURCES.md} and in the files' headers.
 */
public final class KnownPlaces {
  private static final String DIR = "/org/overlaysim/scenario/places/";

  /**
   * A cloud region at the metro of its data centres.
   *
   * @param id provider and region, e.g. {@code aws/eu-central-1}
   * @param city the metro, e.g. {@code Frankfurt}
   * @param continent africa, asia, europe, north-america, oceania or south-america
   */
  public record Place(
      String id, String city, String country, String continent, double lat, double lon) {}

  /** One published RTT between two places ({@code a == b}: within one region or metro). */
  public record Measurement(String source, Place a, Place b, double rttMs, String detail) {}

  private static final KnownPlaces STANDARD = load();

  private final Map<String, Place> byId;
  private final Map<String, List<Place>> byCity; // lower-case city -> its places
  private final Map<String, String> cityNames; // lower-case -> as written
  private final List<Measurement> measurements;

  private KnownPlaces(Map<String, Place> byId, List<Measurement> measurements) {
    this.byId = byId;
    this.measurements = List.copyOf(measurements);
    Map<String, List<Place>> cities = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (Place p : byId.values()) {
      String key = p.city().toLowerCase(Locale.ROOT);
      cities.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      names.put(key, p.city());
    }
    this.byCity = cities;
    this.cityNames = names;
  }

  /** The tables shipped with overlaysim. */
  public static KnownPlaces standard() {
    return STANDARD;
  }

  /** The place of a region id ({@code aws/eu-central-1}), exactly as listed. */
  public Optional<Place> region(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The places in a city, matched without regard to case; empty if the city is not listed. */
  public List<Place> city(String name) {
    return byCity.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Region ids, sorted. */
  public List<String> regionIds() {
    return List.copyOf(byId.keySet());
  }

  /** City names as written in the table, sorted. */
  public List<String> cityNames() {
    return List.copyOf(cityNames.values());
  }

  /** Every measurement, in file order. */
  public List<Measurement> measurements() {
    return measurements;
  }

  /** The places a location was named by: its region, or every region in its city; else none. */
  public List<Place> placesOf(Location location) {
    if (location.place() == null) {
      return List.of();
    }
    if (location.isRegion()) {
      return region(location.place()).map(List::of).orElse(List.of());
    }
    return city(location.place());
  }

  /**
   * The measured RTT between two named locations in different metros: the median of the
   * measurements between their places (one region each, or every region of a city), or empty when
   * nothing was measured between them or either is not named.
   */
  public OptionalDouble measuredRttMs(Location a, Location b) {
    List<Place> as = placesOf(a);
    List<Place> bs = placesOf(b);
    List<Double> found = new ArrayList<>();
    for (Measurement m : measurements) {
      if (m.a().city().equals(m.b().city())) {
        continue;
      }
      if ((as.contains(m.a()) && bs.contains(m.b()))
          || (as.contains(m.b()) && bs.contains(m.a()))) {
        found.add(m.rttMs());
      }
    }
    if (found.isEmpty()) {
      return OptionalDouble.empty();
    }
    Collections.sort(found);
    int n = found.size();
    return OptionalDouble.of(
        n % 2 == 1 ? found.get(n / 2) : (found.get(n / 2 - 1) + found.get(n / 2)) / 2);
  }

  private static KnownPlaces load() {
    Map<String, Place> places = new TreeMap<>();
    for (String[] f : rows("places.csv")) {
      places.put(
          f[0],
          new Place(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5])));
    }
    List<Measurement> measurements = new ArrayList<>();
    for (String[] f : rows("measured-rtts.csv")) {
      Place a = places.get(f[1]);
      Place b = places.get(f[2]);
      if (a == null || b == null) {
        throw new IllegalStateException(
            "measured-rtts.csv names an unknown place: " + f[1] + ", " + f[2]);
      }
      measurements.add(
          new Measurement(f[0], a, b, Double.parseDouble(f[3]), f.length > 4 ? f[4] : ""));
    }
    return new KnownPlaces(new LinkedHashMap<>(places), measurements);
  }

  /** Data rows of a resource CSV: '#' comment lines and the header row skipped; no quoting used. */
  private static List<String[]> rows(String file) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = KnownPlaces.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + DIR + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
