package org.overlaysim.gui.map;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Translate;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.Site;

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
  private final LandShapes land;
  private final Group landGroup = new Group();
  private final Affine landTransform = new Affine();
  private final Group content = new Group();
  private final Translate dragShift = new Translate();
  private final Group underlayLayer = new Group();
  private final Group overlayLayer = new Group();
  private final Group markLayer = new Group();
  private final Group policyLayer = new Group();
  private final Set<String> expanded = new LinkedHashSet<>();

  /** Hosts whose containers the user opened on an aggregated map, oldest first. */
  private final Set<String> openHosts = new LinkedHashSet<>();

  private final ObjectProperty<Container> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObjectProperty<RunResults> results = new SimpleObjectProperty<>(this, "results");
  private final ObjectProperty<Set<String>> pathLinks =
      new SimpleObjectProperty<>(this, "pathLinks", Set.of());
  private final IntegerProperty timeBin = new SimpleIntegerProperty(this, "timeBin", -1);
  private final BooleanProperty underlayVisible = new SimpleBooleanProperty(true);
  private final BooleanProperty overlaysVisible = new SimpleBooleanProperty(true);
  private final BooleanProperty policiesVisible = new SimpleBooleanProperty(true);
  private final MapLegend legend = new MapLegend(overlaysVisible, policiesVisible);

  /**
   * Tooltip of the host under the pointer on the host-count canvas (which has no node per host).
   */
  private final Tooltip hostTip = new Tooltip();

  private Host tippedHost;
  private SceneIndex index;
  private ClusterLayout layout;
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
    getChildren().addAll(content, legend);

    overlaysVisible.addListener((o, a, b) -> redraw());
    results.addListener((o, a, b) -> redraw());
    timeBin.addListener((o, a, b) -> redraw());
    selected.addListener((o, a, b) -> redraw());
    pathLinks.addListener((o, a, b) -> redraw());
    addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPress);
    addEventFilter(MouseEvent.MOUSE_DRAGGED, this::onDrag);
    addEventFilter(MouseEvent.MOUSE_RELEASED, this::onRelease);
    // Handlers, not filters: a mark that handles the click (a site) consumes it first.
    addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClickHostCount);
    addEventHandler(MouseEvent.MOUSE_MOVED, this::onHoverHostCount);
    addEventHandler(MouseEvent.MOUSE_EXITED, e -> tipHost(null, e));
  }

  // ---- state ----------------------------------------------------------------------------

  /** Shows a scenario (or nothing); keeps the view and expanded sites that still exist. */
  public void setScenario(Scenario scenario) {
    SceneIndex old = index;
    index = scenario == null ? null : new SceneIndex(scenario);
    if (index == null) {
      expanded.clear();
      openHosts.clear();
    } else {
      expanded.removeIf(s -> index.site(s) == null);
      openHosts.removeIf(h -> index.host(h) == null);
      trimOpenHosts();
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

  /**
   * The underlay links (by name) of the path the details pane shows, drawn wider in the path colour
   * with the style class {@code path-link}; empty for none.
   */
  public ObjectProperty<Set<String>> pathLinksProperty() {
    return pathLinks;
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

  /**
   * Whether the open sites hold more containers than the map draws: each host then stands with a
   * count of its containers, and {@link #setHostOpen} shows one host's containers.
   */
  public boolean isAggregated() {
    return index != null && ClusterLayout.aggregates(index, expanded);
  }

  public boolean isHostOpen(String host) {
    return openHosts.contains(host);
  }

  /**
   * Shows (or hides) the containers of one host of an aggregated map, each with its own mark. The
   * hosts opened longest ago close again so that at most {@link #maxContainerMarks()} containers of
   * opened hosts are drawn.
   */
  public void setHostOpen(String host, boolean open) {
    boolean changed = open ? openHosts.add(host) : openHosts.remove(host);
    if (changed) {
      trimOpenHosts();
      redraw();
    }
  }

  /** Most container marks the map draws at once; above it, hosts show counts. */
  public static int maxContainerMarks() {
    return ClusterLayout.MAX_CONTAINER_NODES;
  }

  private void trimOpenHosts() {
    if (index == null) {
      return;
    }
    long total = 0;
    for (String h : openHosts) {
      total += index.containersOn(h).size();
    }
    // Keep the newest host even alone over the budget: the user asked for it.
    while (total > ClusterLayout.MAX_CONTAINER_NODES && openHosts.size() > 1) {
      String oldest = openHosts.iterator().next();
      openHosts.remove(oldest);
      total -= index.containersOn(oldest).size();
    }
  }

  /**
   * Opens every site: each host and container gets its own mark, or, above {@link
   * #maxContainerMarks()} containers, each host a count of its containers.
   */
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
        if (ClusterLayout.cluster(index, s.name()).reach() <= room) {
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
      viewport =
          Viewport.fitting(width(), height(), lats, lons, ClusterLayout.margin(index, expanded));
    }
    redraw();
  }

  /** Position of a host's mark, in this view's coordinates (its site's centre when closed). */
  public Optional<Point2D> hostPosition(String host) {
    ensureLayout();
    return layout == null ? Optional.empty() : Optional.ofNullable(layout.host(host));
  }

  /** Screen position of a site's centre, in this view's coordinates. */
  public Optional<Point2D> sitePosition(String site) {
    ensureLayout();
    return layout == null ? Optional.empty() : Optional.ofNullable(layout.site(site));
  }

  private void ensureLayout() {
    if (fitPending && index != null) {
      fitToSites();
    }
    if (dirty) {
      rebuild();
    }
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
    placeLegend(w, h);
  }

  private void onScroll(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    double factor = Math.pow(1.0015, e.getDeltaY());
    setViewport(viewport.zoomedAt(factor, e.getX(), e.getY()));
    e.consume();
  }

  private void highlightPath(List<Node> marks) {
    Set<String> path = pathLinks.get();
    if (path == null || path.isEmpty()) {
      return;
    }
    for (Node n : marks) {
      if (n instanceof javafx.scene.shape.Line line
          && line.getId() != null
          && line.getId().startsWith("link-")
          && path.contains(line.getId().substring("link-".length()))) {
        line.getStyleClass().add("path-link");
        line.setStroke(Palette.PATH);
        line.setStrokeWidth(line.getStrokeWidth() + 3);
      }
    }
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

  private Host hostCountAt(MouseEvent e) {
    return layout == null || dragging ? null : HostCounts.hostAt(index, layout, e.getX(), e.getY());
  }

  private void onClickHostCount(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
      return;
    }
    Host h = hostCountAt(e);
    if (h != null) {
      setHostOpen(h.name(), !openHosts.contains(h.name()));
      tipHost(null, e);
      e.consume();
    }
  }

  private void onHoverHostCount(MouseEvent e) {
    tipHost(hostCountAt(e), e);
  }

  private void tipHost(Host h, MouseEvent e) {
    if (h == tippedHost) {
      return;
    }
    tippedHost = h;
    if (h == null) {
      hostTip.hide();
      return;
    }
    hostTip.setText(
        HostCounts.tipText(h, index.containersOn(h.name()).size(), openHosts.contains(h.name())));
    if (getScene() != null && getScene().getWindow() != null) {
      hostTip.show(this, e.getScreenX() + 12, e.getScreenY() + 14);
    }
  }

  private void buildLand() {
    landGroup.setId("land");
    landGroup.setMouseTransparent(true);
    // One path for every ring: the even-odd rule cuts holes (lakes) out of their polygon.
    Path path = new Path();
    path.setFillRule(FillRule.EVEN_ODD);
    for (LandShapes.Ring ring : land.rings()) {
      addRing(path, ring, 0);
      // A ring unwrapped across the antimeridian is drawn again on the other side of the map.
      if (ring.minLon() < -180) {
        addRing(path, ring, 360);
      } else if (ring.maxLon() > 180) {
        addRing(path, ring, -360);
      }
    }
    path.setFill(Palette.LAND);
    path.setStroke(null);
    landGroup.getChildren().add(path);
    landGroup.getTransforms().add(landTransform);
  }

  private static void addRing(Path path, LandShapes.Ring ring, double shiftLon) {
    path.getElements().add(new MoveTo(ring.lon(0) + shiftLon, -ring.lat(0)));
    for (int i = 1; i < ring.points(); i++) {
      path.getElements().add(new LineTo(ring.lon(i) + shiftLon, -ring.lat(i)));
    }
    path.getElements().add(new ClosePath());
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
    layout = null;
    if (index == null) {
      for (Group layer : List.of(underlayLayer, overlayLayer, markLayer, policyLayer)) {
        layer.getChildren().clear();
      }
      legend.clear();
      return;
    }
    layout = new ClusterLayout(index, viewport, expanded, openHosts);
    MarkContext ctx =
        new MarkContext(
            index,
            layout,
            selected.get(),
            results.get(),
            timeBin.get(),
            overlaysVisible.get(),
            site -> setExpanded(site, !expanded.contains(site)),
            host -> setHostOpen(host, !openHosts.contains(host)),
            selected::set);
    List<Node> marks = new ArrayList<>();
    UnderlayMarks.draw(ctx, marks);
    highlightPath(marks);
    underlayLayer.getChildren().setAll(marks);
    marks.clear();
    OverlayMarks.draw(ctx, marks);
    overlayLayer.getChildren().setAll(marks);
    marks.clear();
    SiteMarks.draw(ctx, marks);
    DropMarks.draw(ctx, marks);
    List<javafx.scene.text.Text> lineLabels = new ArrayList<>();
    for (Group layer : List.of(underlayLayer, overlayLayer)) {
      for (Node n : layer.getChildren()) {
        if (n.getProperties().containsKey(NameLabels.ALONG)) {
          lineLabels.add((javafx.scene.text.Text) n);
        }
      }
    }
    NameLabels.draw(ctx, marks, lineLabels);
    markLayer.getChildren().setAll(marks);
    marks.clear();
    PolicyMarks.draw(ctx, marks);
    policyLayer.getChildren().setAll(marks);
    legend.show(index, results.get() != null, layout.isAggregated());
  }

  /** The legend goes where it covers no site: its disc and name, or an open site's circle. */
  private void placeLegend(double w, double h) {
    List<double[]> obstacles = new ArrayList<>();
    if (layout != null) {
      for (Site s : index.scenario().sites()) {
        Point2D c = layout.site(s.name());
        Point2D t = layout.trueSite(s.name());
        double r = layout.isOpen(s.name()) ? layout.clusterRadius(s.name()) : 0;
        // A closed site's disc with its name below it.
        obstacles.add(new double[] {c.getX(), c.getY() + 8, Math.max(r, 34)});
        obstacles.add(new double[] {t.getX(), t.getY(), 8});
      }
    }
    legend.place(w, h, obstacles);
  }
}
