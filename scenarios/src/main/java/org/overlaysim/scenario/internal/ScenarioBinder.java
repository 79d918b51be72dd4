package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntUnaryOperator;
import org.overlaysim.scenario.CaptureSpec;
import org.overlaysim.scenario.Cidr;
import org.overlaysim.scenario.ControlPlane;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Encryption;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.KnownPlaces;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Location;
import org.overlaysim.scenario.Namespace;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Router;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.Site;
import org.overlaysim.scenario.Sweep;
import org.overlaysim.scenario.TimedEvent;
import org.overlaysim.scenario.Underlay;
import org.overlaysim.scenario.UnderlayDefaults;

/**
 * Turns a scenario tree into a {@link Scenario}: checks every key and value, resolves every
 * reference, applies defaults and expands mass definitions. Reports every problem it finds to the
 * {@link Ctx}; returns null when there was any.
 */
public final class ScenarioBinder {
  static final List<String> ROOT_REQUIRED =
      List.of("name", "seed", "duration", "sites", "underlay", "hosts", "overlays", "containers");
  static final List<String> ROOT_OPTIONAL =
      List.of(
          "description",
          "replications",
          "namespaces",
          "policies",
          "acls",
          "tcp",
          "traffic",
          "capture",
          "sweep",
          "ipBlockMatchesPods",
          "seeds",
          "sample",
          "events");
  static final List<String> DEFAULT_KEYS =
      List.of("bandwidth", "mtu", "queue", "fiberSpeed", "routeFactor");

  private final Ctx ctx;
  private final Registry registry;
  private UnderlayDefaults defaults = UnderlayDefaults.STANDARD;

  private ScenarioBinder(Ctx ctx) {
    this.ctx = ctx;
    this.registry = new Registry(ctx);
  }

  public static Scenario bind(JsonNode root, Ctx ctx) {
    return new ScenarioBinder(ctx).scenario(root);
  }

  private Scenario scenario(JsonNode root) {
    Obj doc = Obj.of(ctx, root, "", "the scenario", ROOT_REQUIRED, ROOT_OPTIONAL);
    if (doc == null) {
      return null;
    }
    String name = doc.name("name");
    if (name != null) {
      registry.claim("scenario", "scenario", name, doc.path("name"));
    }
    String description = doc.has("description") ? doc.text("description", "") : "";
    long seed = doc.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0);
    long duration = doc.duration("duration", 1);
    if (doc.has("duration") && duration <= 0) {
      ctx.at(doc.path("duration"), "the duration must be above zero");
      duration = 1;
    }
    registry.durationNs = duration;
    int replications =
        (int) doc.integer("replications", Bounds.REPLICATIONS.min(), Bounds.REPLICATIONS.max(), 1);
    declare(root);

    List<Site> sites = sites(doc);
    Underlay underlay = underlay(doc);
    var hosts = new HostBinder(ctx, registry, defaults).bind(doc.list("hosts"), doc.path("hosts"));
    List<Overlay> overlays = overlays(doc);
    List<Namespace> namespaces = namespaces(doc);
    var containers =
        new ContainerBinder(ctx, registry).bind(doc.list("containers"), doc.path("containers"));
    var policies = new PolicyBinder(ctx, registry).bind(doc.list("policies"), doc.path("policies"));
    var acls = new AclBinder(ctx, registry).bind(doc.list("acls"), doc.path("acls"));
    var traffic =
        new TrafficBinder(ctx, registry, tcpDefaults(doc))
            .bind(doc.list("traffic"), doc.path("traffic"));
    List<CaptureSpec> capture = capture(doc);
    List<TimedEvent> events =
        new EventBinder(ctx, registry, policies).bind(doc.list("events"), doc.path("events"));
    Sweep sweep = SweepReader.read(ctx, doc.get("sweep"), doc.path("sweep"));
    boolean ipBlockMatchesPods = doc.bool("ipBlockMatchesPods", true);
    boolean commonSeeds = doc.choice("seeds", SEEDS, false);
    long sampleNs = sample(doc, registry.durationNs);

    if (!ctx.ok() || name == null || underlay == null) {
      return null;
    }
    return Safe.make(
        ctx,
        "",
        () ->
            new Scenario(
                name,
                description,
                seed,
                registry.durationNs,
                replications,
                sites,
                underlay,
                hosts,
                overlays,
                containers,
                namespaces,
                policies,
                acls,
                traffic,
                capture,
                sweep,
                ipBlockMatchesPods,
                commonSeeds,
                sampleNs,
                events));
  }

  /** {@code seeds:} independent (each sweep point its own streams) or common (the same). */
  static final Map<String, Boolean> SEEDS = new LinkedHashMap<>();

  static {
    SEEDS.put("independent", false);
    SEEDS.put("common", true);
  }

  /** timeseries.csv has at most this many intervals per run. */
  static final long MAX_SAMPLES = 1_000_000;

  /** The optional {@code sample:} interval of timeseries.csv; 0 without. */
  private long sample(Obj doc, long durationNs) {
    Long parsed = doc.duration("sample");
    long sampleNs = parsed == null ? 0 : parsed;
    if (parsed != null && sampleNs <= 0) {
      ctx.at(doc.path("sample"), "a sample interval must be above zero (leave it out for none)");
      return 0;
    }
    if (sampleNs > 0 && (durationNs + sampleNs - 1) / sampleNs > MAX_SAMPLES) {
      ctx.at(
          doc.path("sample"),
          "a sample every "
              + doc.text("sample")
              + " makes "
              + (durationNs + sampleNs - 1) / sampleNs
              + " intervals over the duration; at most "
              + MAX_SAMPLES);
      return 0;
    }
    return sampleNs;
  }

  /** Every name the file writes, so a broken entry's name is not also reported as unknown. */
  private void declare(JsonNode root) {
    registry.declareRequired("site", root.path("sites"));
    registry.declareRequired("router", root.path("underlay").path("routers"));
    registry.declare("link", root.path("underlay").path("links"));
    registry.declareRequired("host", root.path("hosts"));
    registry.declareRequired("overlay", root.path("overlays"));
    registry.declare("namespace", root.path("namespaces"));
    registry.declareRequired("container", root.path("containers"));
  }

  /** The optional {@code tcp:} block: defaults of the tcp and request-response flows. */
  private TrafficBinder.TcpDefaults tcpDefaults(Obj doc) {
    Obj tcp = doc.child("tcp", "tcp defaults", List.of(), List.of("congestionControl", "trace"));
    if (tcp == null) {
      return TrafficBinder.TcpDefaults.LINUX;
    }
    return new TrafficBinder.TcpDefaults(
        tcp.choice(
            "congestionControl",
            TrafficBinder.CONGESTION_CONTROLS,
            TrafficBinder.TcpDefaults.LINUX.congestionControl()),
        TrafficBinder.positiveDuration(ctx, tcp, "trace", 0));
  }

  private List<Site> sites(Obj doc) {
    List<Site> sites = new ArrayList<>();
    List<JsonNode> entries = doc.list("sites");
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(doc.path("sites"), i);
      Obj entry = Obj.of(ctx, entries.get(i), path, "site", List.of("name", "location"), List.of());
      if (entry == null) {
        continue;
      }
      String name = entry.name("name");
      Obj location =
          entry.child("location", "location", List.of(), List.of("lat", "lon", "city", "region"));
      Location where = location == null ? null : location(location);
      if (name != null
          && registry.claim("site", "site", name, entry.path("name"))
          && where != null) {
        Site site = new Site(name, where);
        sites.add(site);
        registry.sites.put(name, site);
      }
    }
    return sites;
  }

  /** {lat, lon}, or a well-known place: {city: Frankfurt} or {region: aws/eu-central-1}. */
  private Location location(Obj location) {
    boolean coordinates = location.has("lat") || location.has("lon");
    int ways =
        (coordinates ? 1 : 0) + (location.has("city") ? 1 : 0) + (location.has("region") ? 1 : 0);
    if (ways != 1) {
      ctx.at(
          location.path(),
          ways == 0
              ? "location needs lat and lon, a city or a region"
              : "location takes one of lat/lon, city or region, not several");
      return null;
    }
    KnownPlaces places = KnownPlaces.standard();
    if (location.has("city")) {
      String city = location.text("city");
      if (city == null) {
        return null;
      }
      List<KnownPlaces.Place> found = places.city(city);
      if (found.isEmpty()) {
        ctx.at(
            location.path("city"),
            "unknown city '" + city + "'" + Suggest.didYouMean(city, places.cityNames()));
        return null;
      }
      KnownPlaces.Place p = found.get(0);
      return new Location(p.lat(), p.lon(), p.city());
    }
    if (location.has("region")) {
      String region = location.text("region");
      if (region == null) {
        return null;
      }
      var found = places.region(region);
      if (found.isEmpty()) {
        ctx.at(
            location.path("region"),
            "unknown region '" + region + "'" + Suggest.didYouMean(region, places.regionIds()));
        return null;
      }
      return new Location(found.get().lat(), found.get().lon(), region);
    }
    if (!location.has("lat") || !location.has("lon")) {
      ctx.at(
          location.path(),
          "missing key '" + (location.has("lat") ? "lon" : "lat") + "' in location");
      return null;
    }
    Double lat = location.number("lat", -90, 90);
    Double lon = location.number("lon", -180, 180);
    return lat == null || lon == null ? null : new Location(lat, lon);
  }

  private Underlay underlay(Obj doc) {
    if (!doc.has("underlay")) {
      return null; // reported as a missing key already
    }
    Obj underlay =
        Obj.of(
            ctx,
            doc.node().get("underlay"),
            doc.path("underlay"),
            "underlay",
            List.of("routers"),
            List.of("defaults", "links", "convergence"));
    if (underlay == null) {
      return null;
    }
    Obj given = underlay.child("defaults", "underlay defaults", List.of(), DEFAULT_KEYS);
    if (given != null) {
      UnderlayDefaults standard = UnderlayDefaults.STANDARD;
      Double factor =
          given.number("routeFactor", Bounds.ROUTE_FACTOR.min(), Bounds.ROUTE_FACTOR.max());
      Long speed = given.speed("fiberSpeed");
      Long queue = positiveSize(given, "queue");
      defaults =
          new UnderlayDefaults(
              given.rate("bandwidth", standard.bandwidthBps()),
              (int) given.integer("mtu", Bounds.MTU.min(), Bounds.MTU.max(), standard.mtu()),
              queue == null ? standard.queueBytes() : queue,
              speed == null ? standard.fiberSpeedMps() : speed,
              factor == null ? standard.routeFactor() : factor);
    }
    List<Router> routers = new ArrayList<>();
    List<JsonNode> entries = underlay.list("routers");
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(underlay.path("routers"), i);
      Obj entry = Obj.of(ctx, entries.get(i), path, "router", List.of("name", "site"), List.of());
      if (entry == null) {
        continue;
      }
      String name = entry.name("name");
      Site site = registry.ref(registry.sites, "site", entry.text("site"), entry.path("site"));
      if (name != null
          && registry.claim("node", "router", name, entry.path("name"))
          && site != null) {
        Router router = new Router(name, site.name());
        routers.add(router);
        registry.routers.put(name, router);
      }
    }
    long convergence = underlay.duration("convergence", Underlay.DEFAULT_CONVERGENCE_NS);
    return new Underlay(defaults, routers, links(underlay), convergence);
  }

  private static Long positiveSize(Obj obj, String key) {
    Long size = obj.size(key);
    if (size != null && size == 0) {
      obj.ctx().at(obj.path(key), "must be above zero");
      return null;
    }
    return size;
  }

  private List<LinkSpec> links(Obj underlay) {
    List<LinkSpec> links = new ArrayList<>();
    Map<String, Integer> parallel = new HashMap<>();
    List<String> optional = new ArrayList<>(DEFAULT_KEYS);
    optional.addAll(List.of("name", "delay", "loss", "jitter"));
    List<JsonNode> entries = underlay.list("links");
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(underlay.path("links"), i);
      Obj entry = Obj.of(ctx, entries.get(i), path, "link", List.of("a", "b"), optional);
      if (entry == null) {
        continue;
      }
      String a = entry.text("a");
      String b = entry.text("b");
      Router ra = registry.ref(registry.routers, "router", a, entry.path("a"));
      Router rb = registry.ref(registry.routers, "router", b, entry.path("b"));
      if (a != null && a.equals(b)) {
        ctx.at(entry.path("b"), "a link from router '" + a + "' to itself");
      }
      String name = entry.text("name");
      if (name == null && a != null && b != null) {
        String base = a + "--" + b;
        int n = parallel.merge(base, 1, Integer::sum);
        name = n == 1 ? base : base + "#" + n;
      }
      long bandwidth = entry.rate("bandwidth", defaults.bandwidthBps());
      Long delay = entry.duration("delay");
      long jitter = entry.duration("jitter", 0);
      Double loss = entry.fraction("loss");
      int mtu = (int) entry.integer("mtu", Bounds.MTU.min(), Bounds.MTU.max(), defaults.mtu());
      Long queue = positiveSize(entry, "queue");
      Long speed = entry.speed("fiberSpeed");
      Double factor =
          entry.number("routeFactor", Bounds.ROUTE_FACTOR.min(), Bounds.ROUTE_FACTOR.max());
      String linkName = name;
      String claimPath = entry.has("name") ? entry.path("name") : path;
      if (linkName != null
          && registry.claim("link", "link", linkName, claimPath)
          && ra != null
          && rb != null
          && !a.equals(b)) {
        LinkSpec link =
            Safe.make(
                ctx,
                path,
                () ->
                    new LinkSpec(
                        linkName,
                        ra.name(),
                        rb.name(),
                        bandwidth,
                        delay == null ? OptionalLong.empty() : OptionalLong.of(delay),
                        jitter,
                        loss == null ? 0 : loss,
                        mtu,
                        queue == null ? defaults.queueBytes() : queue,
                        speed == null ? defaults.fiberSpeedMps() : speed,
                        factor == null ? defaults.routeFactor() : factor));
        if (link != null) {
          links.add(link);
          registry.links.put(linkName, link);
        }
      }
    }
    return links;
  }

  private static final Map<String, Encapsulation> ENCAPSULATIONS = new LinkedHashMap<>();
  private static final Map<String, ControlPlane> CONTROL_PLANES = new LinkedHashMap<>();
  private static final Map<String, Encryption> ENCRYPTIONS = new LinkedHashMap<>();

  static {
    for (Encapsulation e : Encapsulation.values()) {
      ENCAPSULATIONS.put(e.yamlName(), e);
    }
    for (ControlPlane c : ControlPlane.values()) {
      CONTROL_PLANES.put(c.yamlName(), c);
    }
    for (Encryption e : Encryption.values()) {
      ENCRYPTIONS.put(e.yamlName(), e);
    }
  }

  private List<Overlay> overlays(Obj doc) {
    List<Overlay> overlays = new ArrayList<>();
    Map<Integer, String> vnis = new HashMap<>();
    Map<String, String> paths = new HashMap<>();
    List<JsonNode> entries = doc.list("overlays");
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(doc.path("overlays"), i);
      Obj entry =
          Obj.of(
              ctx,
              entries.get(i),
              path,
              "overlay",
              List.of("name", "subnet"),
              List.of(
                  "vni",
                  "encapsulation",
                  "udpPort",
                  "controlPlane",
                  "mtu",
                  "fdbAgeing",
                  "convergence",
                  "optionsBytes",
                  "encryption",
                  "cryptoRate"));
      if (entry == null) {
        continue;
      }
      String name = entry.name("name");
      Encapsulation encapsulation =
          entry.choice("encapsulation", ENCAPSULATIONS, Encapsulation.VXLAN);
      Long vni = entry.integer("vni", Bounds.VNI.min(), Bounds.VNI.max());
      if (!entry.has("vni") && encapsulation.carriesVni()) {
        ctx.at(
            path,
            "missing key 'vni' in overlay ("
                + encapsulation.yamlName()
                + " needs a VNI 1.."
                + Overlay.MAX_VNI
                + ")");
      }
      if (vni != null && encapsulation.carriesVni()) {
        String first = vnis.putIfAbsent(vni.intValue(), name == null ? path : name);
        if (first != null) {
          ctx.at(
              entry.path("vni"),
              "duplicate VNI " + vni + " (already used by overlay '" + first + "')");
        }
      }
      Cidr subnet = entry.cidr("subnet");
      if (subnet != null && subnet.prefixLength() > 30) {
        ctx.at(
            entry.path("subnet"),
            "subnet "
                + subnet
                + " leaves no address for containers beside the gateway; use /30 or shorter");
        subnet = null;
      }
      int udpPort =
          (int)
              entry.integer(
                  "udpPort", Bounds.PORT.min(), Bounds.PORT.max(), encapsulation.defaultUdpPort());
      ControlPlane controlPlane = entry.choice("controlPlane", CONTROL_PLANES, ControlPlane.STATIC);
      int optionsBytes = (int) entry.integer("optionsBytes", 0, Overlay.MAX_OPTIONS_BYTES, 0);
      if (entry.has("optionsBytes")
          && (encapsulation != Encapsulation.GENEVE || optionsBytes % 4 != 0)) {
        ctx.at(
            entry.path("optionsBytes"),
            encapsulation != Encapsulation.GENEVE
                ? "only geneve carries options; drop optionsBytes"
                : "Geneve options come in 4-byte words: optionsBytes must be a multiple of 4");
        optionsBytes = 0;
      }
      Encryption encryption = entry.choice("encryption", ENCRYPTIONS, Encryption.NONE);
      // Ignored without encryption (as vni without a VNI-carrying tunnel): a sweep can switch it.
      long cryptoRate = entry.rate("cryptoRate", encryption.defaultRateBps());
      if (encryption == Encryption.NONE) {
        cryptoRate = 0;
      } else if (cryptoRate <= 0) {
        ctx.at(entry.path("cryptoRate"), "must be above zero");
        cryptoRate = encryption.defaultRateBps();
      }
      long finalCryptoRate = cryptoRate;
      int finalOptionsBytes = optionsBytes;
      int mtu =
          overlayMtu(
              entry,
              name,
              hostMtu -> Overlay.autoMtu(hostMtu, encapsulation, finalOptionsBytes, encryption),
              doc);
      long ageing = entry.duration("fdbAgeing", Overlay.DEFAULT_FDB_AGEING_NS);
      long convergence = entry.duration("convergence", Overlay.DEFAULT_CONVERGENCE_NS);
      if (name == null || !registry.claim("overlay", "overlay", name, entry.path("name"))) {
        continue;
      }
      if (subnet == null) {
        continue;
      }
      Cidr finalSubnet = subnet;
      int finalOptions = optionsBytes;
      Overlay overlay =
          Safe.make(
              ctx,
              path,
              () ->
                  new Overlay(
                      name,
                      vni == null ? 0 : vni.intValue(),
                      finalSubnet,
                      encapsulation,
                      encapsulation.defaultUdpPort() == 0 && !entry.has("udpPort") ? 0 : udpPort,
                      controlPlane,
                      mtu,
                      ageing,
                      convergence,
                      finalOptions,
                      encryption,
                      finalCryptoRate));
      if (overlay != null) {
        overlays.add(overlay);
        registry.overlays.put(name, overlay);
        paths.put(name, entry.path("subnet"));
      }
    }
    checkAmbiguousSubnets(overlays, paths);
    return overlays;
  }

  /**
   * An overlay's MTU: its number, or for {@code auto} (the default) the smallest MTU of the hosts
   * it has containers on (a host's own {@code mtu}, else the underlay's) minus the tunnel's and the
   * encryption's overhead ({@link Overlay#autoMtu}), as Linux derives a tunnel device's MTU from
   * the device under it. An overlay has one MTU for all its members, so the smallest host decides;
   * without members, the underlay's.
   */
  private int overlayMtu(Obj entry, String name, IntUnaryOperator autoMtu, Obj doc) {
    JsonNode mtu = entry.get("mtu");
    int auto = autoMtu.applyAsInt(smallestMemberHostMtu(name, doc));
    if (mtu == null || (mtu.isTextual() && mtu.asText().equals("auto"))) {
      return auto;
    }
    if (!mtu.isIntegralNumber()) {
      ctx.at(
          entry.path("mtu"), "mtu must be 'auto' or a number of bytes, not " + Obj.describe(mtu));
      return auto;
    }
    return (int) entry.integer("mtu", Bounds.MTU.min(), Bounds.MTU.max(), auto);
  }

  /**
   * The smallest MTU of the hosts the containers entries put members of overlay {@code name} on
   * (read ahead of the containers' binding: a literal host, or the hosts a pattern spreads a count
   * over, in the containers' own order); the underlay's MTU without any.
   */
  private int smallestMemberHostMtu(String name, Obj doc) {
    int smallest = Integer.MAX_VALUE;
    List<Host> byName = new ArrayList<>(registry.hosts.values());
    byName.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.name(), b.name()));
    for (JsonNode entry : doc.list("containers")) {
      JsonNode overlay = entry.get("overlay");
      JsonNode host = entry.get("host");
      if (overlay == null || host == null || !overlay.asText().equals(name)) {
        continue;
      }
      String ref = host.asText();
      List<Host> hosts = new ArrayList<>();
      if (Glob.isGlob(ref)) {
        java.util.regex.Pattern pattern = Glob.compile(ref);
        byName.stream().filter(h -> pattern.matcher(h.name()).matches()).forEach(hosts::add);
      } else if (registry.hosts.containsKey(ref)) {
        hosts.add(registry.hosts.get(ref));
      }
      JsonNode count = entry.get("count");
      int members = count != null && count.canConvertToInt() ? count.asInt() : hosts.size();
      for (int i = 0; i < Math.min(members, hosts.size()); i++) {
        smallest = Math.min(smallest, hosts.get(i).mtu());
      }
    }
    return smallest == Integer.MAX_VALUE ? defaults.mtu() : smallest;
  }

  /**
   * Overlays in different VNIs may reuse addresses, as tenants do; a routed overlay (ipip, none)
   * has no VNI to tell its packets apart, so its subnet must not overlap any other. CIDR ranges
   * nest or are disjoint, so a sweep in address order with a stack of enclosing prefixes finds
   * every overlap in O(n log n).
   */
  private void checkAmbiguousSubnets(List<Overlay> overlays, Map<String, String> paths) {
    List<Overlay> sorted = new ArrayList<>(overlays);
    sorted.sort(
        Comparator.comparing((Overlay o) -> o.subnet().network())
            .thenComparingInt(o -> o.subnet().prefixLength()));
    List<Overlay> enclosing = new ArrayList<>();
    for (Overlay overlay : sorted) {
      while (!enclosing.isEmpty()
          && !enclosing.get(enclosing.size() - 1).subnet().contains(overlay.subnet())) {
        enclosing.remove(enclosing.size() - 1);
      }
      for (Overlay outer : enclosing) {
        if (!outer.encapsulation().carriesVni() || !overlay.encapsulation().carriesVni()) {
          ctx.at(
              paths.get(overlay.name()),
              "subnet "
                  + overlay.subnet()
                  + " of overlay '"
                  + overlay.name()
                  + "' overlaps "
                  + outer.subnet()
                  + " of overlay '"
                  + outer.name()
                  + "'; without a VNI (ipip, none) the addresses would be ambiguous");
        }
      }
      enclosing.add(overlay);
    }
  }

  private List<Namespace> namespaces(Obj doc) {
    List<Namespace> namespaces = new ArrayList<>();
    List<JsonNode> entries = doc.list("namespaces");
    boolean declaresDefault = false;
    for (JsonNode entry : entries) {
      declaresDefault |= entry.isObject() && Namespace.DEFAULT.equals(entry.path("name").asText());
    }
    if (!declaresDefault) {
      Namespace implicit =
          new Namespace(Namespace.DEFAULT, Map.of(Namespace.NAME_LABEL, Namespace.DEFAULT));
      namespaces.add(implicit);
      registry.namespaces.put(Namespace.DEFAULT, implicit);
    }
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(doc.path("namespaces"), i);
      Obj entry =
          Obj.of(ctx, entries.get(i), path, "namespace", List.of("name"), List.of("labels"));
      if (entry == null) {
        continue;
      }
      String name = entry.name("name");
      Map<String, String> labels = entry.labels("labels");
      if (name != null && registry.claim("namespace", "namespace", name, entry.path("name"))) {
        String given = labels.putIfAbsent(Namespace.NAME_LABEL, name);
        if (given != null && !given.equals(name)) {
          ctx.at(
              entry.path("labels"),
              "label " + Namespace.NAME_LABEL + " is set by Kubernetes to the namespace's name");
        }
        Namespace namespace = new Namespace(name, labels);
        namespaces.add(namespace);
        registry.namespaces.put(name, namespace);
      }
    }
    return namespaces;
  }

  private List<CaptureSpec> capture(Obj doc) {
    List<CaptureSpec> captures = new ArrayList<>();
    List<JsonNode> entries = doc.list("capture");
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(doc.path("capture"), i);
      Obj entry =
          Obj.of(
              ctx,
              entries.get(i),
              path,
              "capture",
              List.of(),
              List.of("link", "container", "host"));
      if (entry == null) {
        continue;
      }
      int given =
          (entry.has("link") ? 1 : 0)
              + (entry.has("container") ? 1 : 0)
              + (entry.has("host") ? 1 : 0);
      if (given != 1) {
        ctx.at(path, "a capture names exactly one of link, container, host");
        continue;
      }
      CaptureSpec capture = null;
      if (entry.has("link")) {
        String name = entry.text("link");
        if (registry.ref(registry.links, "link", name, entry.path("link")) != null) {
          capture = new CaptureSpec(CaptureSpec.Target.LINK, name);
        }
      } else if (entry.has("host")) {
        String name = entry.text("host");
        if (registry.ref(registry.hosts, "host", name, entry.path("host")) != null) {
          capture = new CaptureSpec(CaptureSpec.Target.HOST, name);
        }
      } else {
        String name = entry.text("container");
        if (registry.ref(registry.containers, "container", name, entry.path("container")) != null) {
          capture = new CaptureSpec(CaptureSpec.Target.CONTAINER, name);
        }
      }
      if (capture != null) {
        captures.add(capture);
      }
    }
    return captures;
  }
}
