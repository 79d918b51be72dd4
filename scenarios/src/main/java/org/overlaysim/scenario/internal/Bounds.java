package org.overlaysim.scenario.internal;

import java.util.List;
import org.overlaysim.scenario.Overlay;

/**
 * The numeric bounds of the scenario format, one source for the validator (the binders read them
 * here) and the JSON Schema ({@code ScenarioSchema} writes them at the schema locations listed), so
 * the two never disagree. A size bound applies to the schema's plain-number form; a size with a
 * unit ({@code 64KiB}) is checked by the loader only.
 *
 * @param key where the bound applies, for messages and tests ({@code traffic[ping].size})
 * @param schema JSON pointers of the schema nodes the bound applies to
 */
public record Bounds(String key, long min, long max, List<String> schema) {
  private static final String TRAFFIC = "/properties/traffic/items/oneOf/";

  public static final Bounds REPLICATIONS =
      of("replications", 1, 1_000_000, "/properties/replications");

  /**
   * A site's coordinates. The schema keeps its own copy of these two (the sites' location is being
   * reshaped on another branch, {city|region} beside lat/lon); BoundsAgreementTest holds them
   * equal.
   */
  public static final Bounds LATITUDE = of("sites[].location.lat", -90, 90);

  public static final Bounds LONGITUDE = of("sites[].location.lon", -180, 180);

  public static final Bounds ROUTE_FACTOR =
      of(
          "routeFactor",
          1,
          100,
          "/properties/underlay/properties/links/items/properties/routeFactor",
          "/definitions/linkDefaults/properties/routeFactor");
  public static final Bounds MTU = of("mtu", 68, 65535, "/definitions/mtu");
  public static final Bounds PORT = of("port", 1, 65535, "/definitions/port");
  public static final Bounds VNI =
      of("overlays[].vni", 1, Overlay.MAX_VNI, "/properties/overlays/items/properties/vni");
  public static final Bounds HOST_COUNT =
      of("hosts[].count", 1, 1_000_000, "/properties/hosts/items/properties/count");
  public static final Bounds HOST_CORES =
      of("hosts[].cores", 1, 4096, "/properties/hosts/items/properties/cores");
  public static final Bounds CONTAINER_COUNT =
      of("containers[].count", 1, 10_000_000, "/properties/containers/items/properties/count");

  /** 65507 = 65535 - IPv4 header 20 - ICMP header 8, as ping -s refuses above it. */
  public static final Bounds PING_SIZE =
      of("traffic[ping].size", 0, 65507, TRAFFIC + "0/properties/size");

  /** 65507 = 65535 - IPv4 header 20 - UDP header 8. */
  public static final Bounds UDP_SIZE =
      of("traffic[udp].size", 1, 65507, TRAFFIC + "1/properties/size");

  public static final Bounds PING_COUNT =
      of("traffic[ping].count", 0, Integer.MAX_VALUE, TRAFFIC + "0/properties/count");
  public static final Bounds PROBE_SAMPLE =
      of("traffic[probe].sample", 0, Integer.MAX_VALUE, TRAFFIC + "4/properties/sample");
  public static final Bounds ACL_PORT =
      of(
          "acls[].rules[].srcPort|dstPort",
          0,
          65535,
          "/properties/acls/items/properties/rules/items/properties/srcPort/oneOf/0",
          "/properties/acls/items/properties/rules/items/properties/dstPort/oneOf/0");

  /** Every bound, for the schema and the test that the schema and the loader agree. */
  public static final List<Bounds> ALL =
      List.of(
          REPLICATIONS,
          LATITUDE,
          LONGITUDE,
          ROUTE_FACTOR,
          MTU,
          PORT,
          VNI,
          HOST_COUNT,
          HOST_CORES,
          CONTAINER_COUNT,
          PING_SIZE,
          UDP_SIZE,
          PING_COUNT,
          PROBE_SAMPLE,
          ACL_PORT);

  public Bounds {
    schema = List.copyOf(schema);
  }

  private static Bounds of(String key, long min, long max, String... schema) {
    return new Bounds(key, min, max, List.of(schema));
  }
}
