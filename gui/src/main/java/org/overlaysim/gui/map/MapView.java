package org.overlaysim.gui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Translate;
import org.overlaysim.gui.RunResults;
import org.overlaysim.gui.RunResults.ReachabilityCell;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.Site;
import org.overlaysim.scenario.Units;
import org.overlaysim.topology.GeoLatencyModel;

/**
 * The map: land, sites at their coordinates, underlay links, and, for expanded sites, hosts and
 * containers. Three layers can be hidden: underlay (links), overlays (VTEP tunnels, overlay
 * markers, legend) and policies (isolated containers, reachability of the selected container).
 *
 * <p>Zoom is semantic: marks keep their pixel size and only their positions follow the {@link
 * Viewport}, so a site stays readable at any zoom. Nodes carry ids for look-up ({@code site-NAME},
 * {@code host-NAME}, {@code container-NAME}, {@code link-NAME}) and style classes ({@code tunnel},
 * {@code policy-ring}, {@code reach-line}).
 */
public final class MapView extends Region {
  private static final double SITE_RADIUS = 9;
  private static final double CONTAINER_RADIUS = 6;
  private static final double HOST_SIZE = 10;

  /** The golden angle: successive sunflower points never line up (Vogel's model). */
  private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

  /** Above this many tunnel lines per overlay, tunnels are drawn between sites only. */
  private static final int MAX_TUNNELS_PER_OVERLAY = 600;

  private final LandShapes land;
  private final Group landGroup = new Group();
  private final Affine landTransform = new Affine();
  private final Group content = new Group();
  private final Translate dragShift = new Translate();
  private final Group underlayLayer = new Group();
  private final Group overlayLayer = new Group();
  private final Group markLayer = new Group();
  private final Group policyLayer = new Group();
  private final VBox legend = new VBox(2);
  private final VBox overlayLegend = new VBox(2);
  private final VBox policyLegend = new VBox(2);
  private final Set<String> expanded = new LinkedHashSet<>();
  private final Map<String, Point2D> siteXY = new LinkedHashMap<>();
  private final Map<String, Point2D> hostXY = new LinkedHashMap<>();
  private final Map<String, Point2D> containerXY = new LinkedHashMap<>();

  private final ObjectProperty<Container> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObjectProperty<RunResults> results = new SimpleObjectProperty<>(this, "results");
  private final IntegerProperty timeBin = new SimpleIntegerProperty(this, "timeBin", -1);
  private final BooleanProperty underlayVisible = new SimpleBooleanProperty(true);
  private final BooleanProperty overlaysVisible = new SimpleBooleanProperty(true);
  private final BooleanProperty policiesVisible = new SimpleBooleanProperty(true);

  private SceneIndex index;
  private Viewport viewport = Viewport.world(800, 450);
  private boolean fitPending = true;
  private boolean dirty = true;
  private double pressX;
  private double pressY;
  private boolean dragging;

  public MapView() {
    this(LandShapes.world());
  }

  public MapView(LandShapes land) {
    this.land = land;
    setId("map");
    setBackground(new Background(new BackgroundFill(Palette.SEA, null, Insets.EMPTY)));
    setMinSize(200, 120);
    setPrefSize(1200, 700);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    buildLand();
    underlayLayer.setId("layer-underlay");
    overlayLayer.setId("layer-overlays");
    markLayer.setId("layer-marks");
    policyLayer.setId("layer-policies");
    underlayLayer.visibleProperty().bind(underlayVisible);
    overlayLayer.visibleProperty().bind(overlaysVisible);
    policyLayer.visibleProperty().bind(policiesVisible);
    content.getTransforms().add(dragShift);
    content.getChildren().addAll(landGroup, underlayLayer, overlayLayer, markLayer, policyLayer);
    legend.setId("legend");
    legend.setPadding(new Insets(6));
    legend.setBackground(
        new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.85), null, Insets.EMPTY)));
    legend.setMouseTransparent(true);
    overlayLegend.visibleProperty().bind(overlaysVisible);
    overlayLegend.managedProperty().bind(overlaysVisible);
    policyLegend.visibleProperty().bind(policiesVisible);
    policyLegend.managedProperty().bind(policiesVisible);
    legend.getChildren().addAll(overlayLegend, policyLegend);
    getChildren().addAll(content, legend);

    overlaysVisible.addListener((o, a, b) -> redraw());
    results.addListener((o, a, b) -> redraw());
    timeBin.addListener((o, a, b) -> redraw());
    selected.addListener((o, a, b) -> redraw());
    addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPress);
    addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDrag);
    addEventFilter(MouseEvent.MOUSE_RELEASED, this::onRelease);
  }

  // ---- state -----------------------------------------------------------------------------

  /** Shows a scenario (or nothing); keeps the view and expanded sites that still exist. */
  public void setScenario(Scenario scenario) {
    SceneIndex old = index;
    index = scenario == null ? null : new SceneIndex(scenario);
    if (index == null) {
      expanded.clear();
    } else {
      expanded.removeIf(s -> index.site(s) == null);
    }
    Container sel = selected.get();
    if (sel != null) {
      selected.set(index == null ? null : index.container(sel.name()));
    }
    if (old == null) {
      fitPending = true;
    }
    redraw();
  }

  public Optional<Scenario> scenario() {
    return index == null ? Optional.empty() : Optional.of(index.scenario());
  }

  public ObjectProperty<Container> selectedContainerProperty() {
    return selected;
  }

  public ObjectProperty<RunResults> resultsProperty() {
    return results;
  }

  /** The utilization bin shown; -1 shows each link's peak over the run. */
  public IntegerProperty timeBinProperty() {
    return timeBin;
  }

  public BooleanProperty underlayVisibleProperty() {
    return underlayVisible;
  }

  public BooleanProperty overlaysVisibleProperty() {
    return overlaysVisible;
  }

  public BooleanProperty policiesVisibleProperty() {
    return policiesVisible;
  }

  public boolean isExpanded(String site) {
    return expanded.contains(site);
  }

  public void setExpanded(String site, boolean open) {
    boolean changed = open ? expanded.add(site) : expanded.remove(site);
    if (changed) {
      redraw();
    }
  }

  /** Opens every site: each host and container gets its own mark. */
  public void expandAll() {
    if (index != null) {
      for (Site s : index.scenario().sites()) {
        expanded.add(s.name());
      }
    }
    redraw();
  }

  /**
   * Opens the sites whose hosts and containers fit in the view at their natural size; larger ones
   * stay closed (a picture of a thousand overlapping dots says less than a count).
   */
  public void expandAllThatFit() {
    if (index != null) {
      double room = Math.min(width(), height()) * 0.45;
      for (Site s : index.scenario().sites()) {
        if (cluster(s.name()).reach() <= room) {
          expanded.add(s.name());
        }
      }
    }
    redraw();
  }

  public Viewport viewport() {
    return viewport;
  }

  public void setViewport(Viewport v) {
    viewport = v;
    fitPending = false;
    redraw();
  }

  /** Zooms and centres so every site is in view. */
  public void fitToSites() {
    fitPending = false;
    if (index == null || index.scenario().sites().isEmpty()) {
      viewport = Viewport.world(width(), height());
    } else {
      List<Site> sites = index.scenario().sites();
      double[] lats = new double[sites.size()];
      double[] lons = new double[sites.size()];
      for (int i = 0; i < lats.length; i++) {
        lats[i] = sites.get(i).location().lat();
        lons[i] = sites.get(i).location().lon();
      }
      viewport = Viewport.fitting(width(), height(), lats, lons, clusterMargin());
    }
    redraw();
  }

  /** Pixels an open site's marks reach beyond its centre, plus room for its label. */
  private double clusterMargin() {
    double margin = 60;
    for (Site s : index.scenario().sites()) {
      if (expanded.contains(s.name())) {
        margin = Math.max(margin, cluster(s.name()).reach() + 30);
      }
    }
    return Math.min(margin, 260);
  }

  /** Screen position of a site's centre, in this view's coordinates. */
  public Optional<Point2D> sitePosition(String site) {
    if (fitPending && index != null) {
      fitToSites();
    }
    if (dirty) {
      rebuild();
    }
    return Optional.ofNullable(siteXY.get(site));
  }

  private double width() {
    return getWidth() > 0 ? getWidth() : getPrefWidth();
  }

  private double height() {
    return getHeight() > 0 ? getHeight() : getPrefHeight();
  }

  @Override
  protected void layoutChildren() {
    double w = width();
    double h = height();
    if (Math.abs(viewport.width() - w) > 0.5 || Math.abs(viewport.height() - h) > 0.5) {
      if (fitPending) {
        viewport = new Viewport(w, h, 1, 0, 0, 0);
        fitToSites();
      } else {
        viewport = viewport.resized(w, h);
        dirty = true;
      }
    }
    if (fitPending && index != null) {
      fitToSites();
    }
    if (dirty) {
      rebuild();
    }
    legend.autosize();
    legend.relocate(10, 10);
  }

  /**
   * A tooltip made on first hover: creating a Tooltip per mark up front costs more than drawing a
   * large scenario.
   */
  private static void tip(Node node, java.util.function.Supplier<String> text) {
    node.addEventHandler(
        MouseEvent.MOUSE_ENTERED,
        e -> {
          if (!node.getProperties().containsKey("overlaysim.tip")) {
            Tooltip t = new Tooltip(text.get());
            node.getProperties().put("overlaysim.tip", t);
            Tooltip.install(node, t);
          }
        });
  }

  // ---- interaction ---------------------------------------------------------------------

  private void onScroll(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    double factor = Math.pow(1.0015, e.getDeltaY());
    setViewport(viewport.zoomedAt(factor, e.getX(), e.getY()));
    e.consume();
  }

  private void onPress(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY) {
      pressX = e.getX();
      pressY = e.getY();
      dragging = false;
    }
  }

  private void onDrag(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    double dx = e.getX() - pressX;
    double dy = e.getY() - pressY;
    if (dragging || Math.hypot(dx, dy) > 3) {
      // Moves the drawn content only; the marks are rebuilt once, on release, so the node under
      // the mouse stays in the scene for the whole gesture.
      dragging = true;
      dragShift.setX(dx);
      dragShift.setY(dy);
    }
  }

  private void onRelease(MouseEvent e) {
    if (dragging) {
      dragging = false;
      double dx = dragShift.getX();
      double dy = dragShift.getY();
      dragShift.setX(0);
      dragShift.setY(0);
      setViewport(viewport.panned(dx, dy));
      e.consume();
    }
  }

  // ---- drawing -------------------------------------------------------------------------

  private void buildLand() {
    landGroup.setId("land");
    landGroup.setMouseTransparent(true);
    // One path for every ring: the even-odd rule cuts holes (lakes) out of their polygon.
    Path path = new Path();
    path.setFillRule(FillRule.EVEN_ODD);
    for (LandShapes.Ring ring : land.rings()) {
      path.getElements().add(new MoveTo(ring.lon(0), -ring.lat(0)));
      for (int i = 1; i < ring.points(); i++) {
        path.getElements().add(new LineTo(ring.lon(i), -ring.lat(i)));
      }
      path.getElements().add(new ClosePath());
    }
    path.setFill(Palette.LAND);
    path.setStroke(null);
    landGroup.getChildren().add(path);
    landGroup.getTransforms().add(landTransform);
  }

  /** Marks the drawing stale; it is rebuilt once, at the next layout pass. */
  public void redraw() {
    dirty = true;
    requestLayout();
  }

  /** Rebuilds every mark for the current viewport, scenario, expansion and results. */
  private void rebuild() {
    dirty = false;
    Point2D origin = viewport.project(0, 0);
    landTransform.setToTransform(
        viewport.pixelsPerDegreeLon(),
        0,
        origin.getX(),
        0,
        viewport.pixelsPerDegree(),
        origin.getY());
    underlayLayer.getChildren().clear();
    overlayLayer.getChildren().clear();
    markLayer.getChildren().clear();
    policyLayer.getChildren().clear();
    overlayLegend.getChildren().clear();
    policyLegend.getChildren().clear();
    siteXY.clear();
    hostXY.clear();
    containerXY.clear();
    legend.setVisible(index != null);
    if (index == null) {
      return;
    }
    placeEverything();
    drawLinks();
    drawTunnels();
    drawSites();
    drawPolicies();
    drawLegend();
  }

  private void placeEverything() {
    for (Site s : index.scenario().sites()) {
      siteXY.put(s.name(), viewport.project(s.location().lat(), s.location().lon()));
    }
    for (Site s : index.scenario().sites()) {
      Point2D c = siteXY.get(s.name());
      List<Host> hosts = index.hostsAt(s.name());
      if (!expanded.contains(s.name())) {
        for (Host h : hosts) {
          hostXY.put(h.name(), c);
          for (Container ct : index.containersOn(h.name())) {
            containerXY.put(ct.name(), c);
          }
        }
        continue;
      }
      Cluster g = cluster(s.name());
      double spread = spread(s.name(), c, g);
      double ringSpread = Math.min(spread, 1.6);
      for (int i = 0; i < hosts.size(); i++) {
        Host h = hosts.get(i);
        double r = (SITE_RADIUS + g.radius() + 4 + g.step() * Math.sqrt(i)) * spread;
        double angle = -Math.PI / 2 + i * GOLDEN_ANGLE;
        Point2D hp = c.add(r * Math.cos(angle), r * Math.sin(angle));
        hostXY.put(h.name(), hp);
        List<Container> cts = index.containersOn(h.name());
        for (int j = 0; j < cts.size(); j++) {
          double cr = containerRing(j) * ringSpread;
          double ca = -Math.PI / 2 + j * GOLDEN_ANGLE;
          containerXY.put(cts.get(j).name(), hp.add(cr * Math.cos(ca), cr * Math.sin(ca)));
        }
      }
    }
  }

  /**
   * The natural size of an open site: hosts on a sunflower around the site, each host with its
   * containers on a smaller sunflower.
   *
   * @param radius reach of one host's containers around the host
   * @param step spacing of the host sunflower
   * @param reach distance from the site centre to the outermost mark
   */
  private record Cluster(double radius, double step, double reach) {}

  private Cluster cluster(String site) {
    List<Host> hosts = index.hostsAt(site);
    int most = 1;
    for (Host h : hosts) {
      most = Math.max(most, index.containersOn(h.name()).size());
    }
    double radius = containerRing(most - 1) + CONTAINER_RADIUS + 3;
    double step = (2 * radius + 4) * 0.62;
    double reach =
        SITE_RADIUS + radius + 4 + step * Math.sqrt(Math.max(hosts.size() - 1, 0)) + radius;
    return new Cluster(radius, step, reach);
  }

  /**
   * How much an open site may spread its marks beyond their natural size: up to half the distance
   * to the nearest other site, a third of the view and the distance to the view's edge, between 1
   * and 3 times. Zooming in thus opens clusters up (semantic zoom).
   */
  private double spread(String site, Point2D c, Cluster g) {
    double room = Math.min(width(), height()) * 0.36;
    // Keep the spread cluster inside the view where it stands.
    double edge =
        Math.min(Math.min(c.getX(), width() - c.getX()), Math.min(c.getY(), height() - c.getY()));
    room = Math.min(room, edge - 12);
    for (Map.Entry<String, Point2D> other : siteXY.entrySet()) {
      if (!other.getKey().equals(site)) {
        room = Math.min(room, other.getValue().distance(c) / 2);
      }
    }
    return Math.max(1, Math.min(3, room / g.reach()));
  }

  /** Distance of a host's j-th container from the host (a sunflower around it). */
  private static double containerRing(int j) {
    return HOST_SIZE / 2 + CONTAINER_RADIUS + 1.5 + 6.8 * Math.sqrt(j);
  }

  private void drawLinks() {
    RunResults run = results.get();
    Map<String, Integer> parallel = new TreeMap<>();
    Map<String, Integer> seen = new TreeMap<>();
    for (LinkSpec l : index.scenario().underlay().links()) {
      parallel.merge(pairKey(l), 1, Integer::sum);
    }
    for (LinkSpec l : index.scenario().underlay().links()) {
      Site a = index.siteOfRouter(l.a());
      Site b = index.siteOfRouter(l.b());
      if (a == null || b == null || a.name().equals(b.name())) {
        continue; // a link inside one site has no length on a map
      }
      String key = pairKey(l);
      int nth = seen.merge(key, 1, Integer::sum) - 1;
      int count = parallel.get(key);
      double width = Palette.linkWidth(l.bandwidthBps());
      double offset = (nth - (count - 1) / 2.0) * (width + 3);
      Point2D pa = siteXY.get(a.name());
      Point2D pb = siteXY.get(b.name());
      if (a.name().compareTo(b.name()) > 0) {
        offset = -offset; // offsets are measured in one direction per site pair
      }
      Line line = offsetLine(pa, pb, offset);
      line.setId("link-" + l.name());
      line.getStyleClass().add("link");
      line.setStrokeWidth(width);
      Color colour = Palette.LINK_IDLE;
      String util = "";
      if (run != null) {
        Optional<RunResults.LinkUtilization> u = run.link(l.name());
        double value = u.map(x -> timeBin.get() < 0 ? x.peak() : x.at(timeBin.get())).orElse(0.0);
        colour = Palette.utilization(value);
        util =
            String.format(
                Locale.ROOT,
                "%nutilization %.1f%% (%s)",
                value * 100,
                timeBin.get() < 0 ? "peak" : "bin " + timeBin.get());
      }
      line.setStroke(colour);
      String text = linkText(l, a, b) + util;
      tip(line, () -> text);
      underlayLayer.getChildren().add(line);
    }
    // Access links: each host of an open site hangs off its site's routers.
    for (Host h : index.scenario().hosts()) {
      if (!expanded.contains(h.site())) {
        continue;
      }
      Point2D s = siteXY.get(h.site());
      Point2D p = hostXY.get(h.name());
      if (s == null || p == null) {
        continue;
      }
      Line access = new Line(s.getX(), s.getY(), p.getX(), p.getY());
      access.getStyleClass().add("access-link");
      access.setStroke(Palette.HOST);
      access.setOpacity(0.6);
      access.setStrokeWidth(1);
      underlayLayer.getChildren().add(access);
    }
  }

  private static String pairKey(LinkSpec l) {
    return l.a().compareTo(l.b()) < 0 ? l.a() + "|" + l.b() : l.b() + "|" + l.a();
  }

  private String linkText(LinkSpec l, Site a, Site b) {
    org.overlaysim.topology.Site ta =
        new org.overlaysim.topology.Site(a.name(), a.location().lat(), a.location().lon());
    org.overlaysim.topology.Site tb =
        new org.overlaysim.topology.Site(b.name(), b.location().lat(), b.location().lon());
    double km = ta.distanceKm(tb);
    long delayNs;
    String how;
    if (l.delayNs().isPresent()) {
      delayNs = l.delayNs().getAsLong();
      how = "given";
    } else {
      GeoLatencyModel model =
          GeoLatencyModel.DEFAULT
              .withFiberSpeedKmPerS(l.fiberSpeedMps() / 1000.0)
              .withRouteFactor(l.routeFactor());
      delayNs = model.oneWayDelayNs(ta, tb);
      how = "from distance";
    }
    return String.format(
        Locale.ROOT,
        "%s  %s — %s%n%s, MTU %d, %.0f km, one-way delay %s (%s)",
        l.name(),
        a.name(),
        b.name(),
        Units.formatRate(l.bandwidthBps()),
        l.mtu(),
        km,
        Units.formatDuration(delayNs),
        how);
  }

  private static Line offsetLine(Point2D a, Point2D b, double offset) {
    double dx = b.getX() - a.getX();
    double dy = b.getY() - a.getY();
    double len = Math.hypot(dx, dy);
    double nx = len == 0 ? 0 : -dy / len * offset;
    double ny = len == 0 ? 0 : dx / len * offset;
    return new Line(a.getX() + nx, a.getY() + ny, b.getX() + nx, b.getY() + ny);
  }

  private void drawTunnels() {
    List<Overlay> tunnelled = new ArrayList<>();
    for (Overlay o : index.scenario().overlays()) {
      if (o.encapsulation() != Encapsulation.NONE) {
        tunnelled.add(o);
      }
    }
    for (int oi = 0; oi < tunnelled.size(); oi++) {
      Overlay o = tunnelled.get(oi);
      // VTEPs of this overlay: the hosts that run one of its containers.
      Set<String> vteps = new LinkedHashSet<>();
      for (Container c : index.scenario().containers()) {
        if (c.overlay().equals(o.name())) {
          vteps.add(c.host());
        }
      }
      Map<String, Point2D> ends = new LinkedHashMap<>();
      for (String h : vteps) {
        Point2D p = hostXY.get(h);
        if (p != null) {
          ends.putIfAbsent(key(p), p);
        }
      }
      if (ends.size() * (ends.size() - 1) / 2 > MAX_TUNNELS_PER_OVERLAY) {
        ends.clear();
        for (String h : vteps) {
          Point2D p = siteXY.get(index.host(h).site());
          ends.putIfAbsent(key(p), p);
        }
      }
      List<Point2D> points = new ArrayList<>(ends.values());
      double offset = (oi - (tunnelled.size() - 1) / 2.0) * 3.5;
      Color colour = Palette.overlay(index.overlayIndex(o.name()));
      for (int i = 0; i < points.size(); i++) {
        for (int j = i + 1; j < points.size(); j++) {
          Line t = offsetLine(points.get(i), points.get(j), offset);
          t.getStyleClass().add("tunnel");
          t.setStroke(colour);
          t.setStrokeWidth(1.8);
          t.getStrokeDashArray().setAll(7.0, 5.0);
          t.setMouseTransparent(true);
          overlayLayer.getChildren().add(t);
        }
      }
    }
  }

  private static String key(Point2D p) {
    return Math.round(p.getX() * 10) + ":" + Math.round(p.getY() * 10);
  }

  private void drawSites() {
    Container sel = selected.get();
    for (Site s : index.scenario().sites()) {
      Point2D c = siteXY.get(s.name());
      List<Host> hosts = index.hostsAt(s.name());
      boolean open = expanded.contains(s.name());
      if (open && !hosts.isEmpty()) {
        double reach = 0;
        for (Host h : hosts) {
          reach = Math.max(reach, hostXY.get(h.name()).distance(c) + HOST_SIZE);
          for (Container ct : index.containersOn(h.name())) {
            reach = Math.max(reach, containerXY.get(ct.name()).distance(c) + CONTAINER_RADIUS);
          }
        }
        Circle halo = new Circle(c.getX(), c.getY(), reach + 8);
        halo.setFill(Color.rgb(255, 255, 255, 0.45));
        halo.setStroke(Color.rgb(27, 40, 56, 0.35));
        halo.getStrokeDashArray().setAll(4.0, 4.0);
        halo.setMouseTransparent(true);
        markLayer.getChildren().add(0, halo);
      }
      Group siteNode = new Group();
      siteNode.getStyleClass().add("site");
      // A closed site shows its host count inside: the disc grows with the digits.
      String count = String.valueOf(hosts.size());
      double radius =
          open || hosts.isEmpty() ? SITE_RADIUS : SITE_RADIUS + 3 * (count.length() - 1);
      Circle dot = new Circle(c.getX(), c.getY(), radius);
      dot.setId("site-" + s.name());
      dot.getStyleClass().add("site-dot");
      dot.setFill(Palette.SITE);
      dot.setStroke(Color.WHITE);
      dot.setStrokeWidth(2);
      siteNode.getChildren().add(dot);
      if (!open && !hosts.isEmpty()) {
        Text n = new Text(count);
        n.setFont(Font.font("System", FontWeight.BOLD, 9));
        n.setFill(Color.WHITE);
        n.setX(c.getX() - n.getLayoutBounds().getWidth() / 2);
        n.setY(c.getY() + 3);
        n.setMouseTransparent(true);
        siteNode.getChildren().add(n);
      }
      Text name = haloText(s.name(), 13, FontWeight.BOLD);
      name.setX(c.getX() - name.getLayoutBounds().getWidth() / 2);
      name.setY(c.getY() + radius + 15);
      name.setMouseTransparent(true);
      siteNode.getChildren().add(name);
      siteNode.setOnMouseClicked(
          e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
              setExpanded(s.name(), !open);
              e.consume();
            }
          });
      tip(
          siteNode,
          () ->
              (String.format(
                  Locale.ROOT,
                  "%s (%.4f, %.4f)%n%d hosts — click to %s",
                  s.name(),
                  s.location().lat(),
                  s.location().lon(),
                  hosts.size(),
                  open ? "collapse" : "expand")));
      markLayer.getChildren().add(siteNode);

      if (!open) {
        drawOverlayPips(s, c);
        continue;
      }
      for (Host h : hosts) {
        Point2D hp = hostXY.get(h.name());
        Rectangle box =
            new Rectangle(
                hp.getX() - HOST_SIZE / 2, hp.getY() - HOST_SIZE / 2, HOST_SIZE, HOST_SIZE);
        box.setId("host-" + h.name());
        box.getStyleClass().add("host");
        box.setArcWidth(3);
        box.setArcHeight(3);
        box.setFill(Palette.HOST);
        box.setStroke(Color.WHITE);
        tip(box, () -> ("host " + h.name() + "\nVTEP " + h.ip() + "\nrouter " + h.router()));
        markLayer.getChildren().add(box);
        for (Container ct : index.containersOn(h.name())) {
          markLayer.getChildren().add(containerNode(ct, sel));
        }
      }
    }
  }

  private Node containerNode(Container ct, Container sel) {
    Point2D p = containerXY.get(ct.name());
    Circle dot = new Circle(p.getX(), p.getY(), CONTAINER_RADIUS);
    dot.setId("container-" + ct.name());
    dot.getStyleClass().add("container");
    boolean coloured = overlaysVisible.get();
    dot.setFill(coloured ? Palette.overlay(index.overlayIndex(ct.overlay())) : Color.GREY);
    boolean isSelected = sel != null && sel.name().equals(ct.name());
    dot.setStroke(isSelected ? Color.BLACK : Color.WHITE);
    dot.setStrokeWidth(isSelected ? 2.5 : 1);
    Overlay o = index.overlay(ct.overlay());
    tip(
        dot,
        () ->
            (ct.name()
                + "  "
                + ct.ip()
                + "\noverlay "
                + ct.overlay()
                + (o == null ? "" : " (VNI " + o.vni() + ")")
                + "\nnamespace "
                + ct.namespace()));
    dot.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            selected.set(ct);
            e.consume();
          }
        });
    return dot;
  }

  /** A closed site shows one small dot per overlay it takes part in. */
  private void drawOverlayPips(Site s, Point2D c) {
    Set<String> overlays = new LinkedHashSet<>();
    for (Host h : index.hostsAt(s.name())) {
      for (Container ct : index.containersOn(h.name())) {
        overlays.add(ct.overlay());
      }
    }
    int i = 0;
    for (String o : overlays) {
      double angle = -Math.PI / 2 + 0.55 * (i - (overlays.size() - 1) / 2.0);
      double r = SITE_RADIUS + 6;
      Circle pip = new Circle(c.getX() + r * Math.cos(angle), c.getY() + r * Math.sin(angle), 4);
      pip.getStyleClass().add("overlay-pip");
      pip.setFill(Palette.overlay(index.overlayIndex(o)));
      pip.setStroke(Color.WHITE);
      pip.setMouseTransparent(true);
      overlayLayer.getChildren().add(pip);
      i++;
    }
  }

  private void drawPolicies() {
    List<NetworkPolicy> policies = index.scenario().policies();
    Map<String, Integer> isolatedPerSite = new TreeMap<>();
    for (Container ct : index.scenario().containers()) {
      List<String> names = new ArrayList<>();
      for (NetworkPolicy p : policies) {
        if (SceneIndex.selects(p, ct)) {
          names.add(p.name() + " " + p.policyTypes());
        }
      }
      if (names.isEmpty()) {
        continue;
      }
      String site = index.siteOf(ct);
      if (!expanded.contains(site)) {
        isolatedPerSite.merge(site, 1, Integer::sum);
        continue;
      }
      Point2D p = containerXY.get(ct.name());
      Circle ring = new Circle(p.getX(), p.getY(), CONTAINER_RADIUS + 3);
      ring.getStyleClass().add("policy-ring");
      ring.setFill(null);
      ring.setStroke(Palette.POLICY);
      ring.setStrokeWidth(1.5);
      ring.getStrokeDashArray().setAll(2.5, 2.0);
      ring.setMouseTransparent(true);
      policyLayer.getChildren().add(ring);
    }
    for (Map.Entry<String, Integer> e : isolatedPerSite.entrySet()) {
      Point2D c = siteXY.get(e.getKey());
      if (c == null) {
        continue;
      }
      Text t = haloText("⊘" + e.getValue(), 10, FontWeight.BOLD);
      t.getStyleClass().add("policy-mark");
      t.setFill(Palette.POLICY);
      t.setX(c.getX() + SITE_RADIUS + 3);
      t.setY(c.getY() - SITE_RADIUS);
      t.setMouseTransparent(true);
      policyLayer.getChildren().add(t);
    }
    drawReachability();
  }

  /** Lines from the selected container to each probed peer: green allowed, red denied. */
  private void drawReachability() {
    Container sel = selected.get();
    RunResults run = results.get();
    if (sel == null || run == null) {
      return;
    }
    Map<String, int[]> perPeer = new LinkedHashMap<>(); // peer -> {allowed, denied}
    for (ReachabilityCell cell : run.reachability()) {
      if (cell.src().equals(sel.name())) {
        int[] counts = perPeer.computeIfAbsent(cell.dst(), k -> new int[2]);
        counts[cell.allowed() ? 0 : 1]++;
      }
    }
    Point2D from = containerXY.get(sel.name());
    for (Map.Entry<String, int[]> e : perPeer.entrySet()) {
      Point2D to = containerXY.get(e.getKey());
      if (from == null || to == null || from.distance(to) < 1) {
        continue;
      }
      int[] c = e.getValue();
      Line l = new Line(from.getX(), from.getY(), to.getX(), to.getY());
      l.getStyleClass().add("reach-line");
      l.setStroke(c[1] == 0 ? Palette.ALLOWED : c[0] == 0 ? Palette.DENIED : Color.ORANGE);
      l.setStrokeWidth(1.5);
      l.setOpacity(0.8);
      l.setMouseTransparent(true);
      policyLayer.getChildren().add(l);
    }
  }

  private void drawLegend() {
    Scenario s = index.scenario();
    if (!s.overlays().isEmpty()) {
      overlayLegend.getChildren().add(legendTitle("Overlays"));
    }
    for (Overlay o : s.overlays()) {
      Circle swatch = new Circle(5, Palette.overlay(index.overlayIndex(o.name())));
      String vni = o.encapsulation().carriesVni() ? "VNI " + o.vni() + ", " : "";
      Label text =
          new Label(o.name() + "  " + vni + o.encapsulation().yamlName() + ", MTU " + o.mtu());
      text.setFont(Font.font(11));
      HBox row = new HBox(5, swatch, text);
      row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      overlayLegend.getChildren().add(row);
    }
    if (!s.policies().isEmpty()) {
      Label title = legendTitle("Policies (dashed ring: isolated)");
      policyLegend.getChildren().add(title);
      for (NetworkPolicy p : s.policies()) {
        Label l = new Label(p.name() + " (" + p.namespace() + ") " + p.policyTypes());
        l.setFont(Font.font(11));
        l.setTextFill(Palette.POLICY);
        policyLegend.getChildren().add(l);
      }
    }
    legend.setVisible(
        !overlayLegend.getChildren().isEmpty() || !policyLegend.getChildren().isEmpty());
  }

  private static Label legendTitle(String text) {
    Label l = new Label(text);
    l.setFont(Font.font("System", FontWeight.BOLD, 11));
    return l;
  }

  private static Text haloText(String s, double size, FontWeight weight) {
    Text t = new Text(s);
    t.setFont(Font.font("System", weight, size));
    t.setFill(Palette.SITE);
    t.setStroke(Color.rgb(255, 255, 255, 0.85));
    t.setStrokeWidth(3);
    t.setStrokeType(StrokeType.OUTSIDE);
    return t;
  }
}
