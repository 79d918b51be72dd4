package org.overlaysim.gui.map;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * The map's key: a sample of every shape and line style the map draws, overlays with their colour,
 * VNI and encapsulation, and the policies. It stands in a corner of the map where it covers no site
 * ({@link #place}); where none is free it shrinks its lists, then folds to its title. Clicking the
 * title folds or unfolds it.
 */
final class MapLegend extends VBox {
  private final VBox overlayLegend = new VBox(2);
  private final VBox key = new VBox(2);

  /** The scenario's name; a click folds or unfolds the legend. */
  private final Label title = new Label();

  /** Overlays named in a compact legend; more are counted. */
  static final int OVERLAYS_COMPACT = 4;

  /** How much the legend shows: everything, short lists in two columns, or only its title. */
  enum Mode {
    FULL,
    COMPACT,
    FOLDED
  }

  private Mode mode = Mode.FULL;
  private Boolean userFolded;
  private SceneIndex shownIndex;
  private boolean shownUtilization;
  private boolean shownAggregated;

  /** Policies named in the legend; more are counted. */
  static final int POLICIES_LISTED = 12;

  private final VBox policyLegend = new VBox(2);

  MapLegend(BooleanProperty overlaysShown, BooleanProperty policiesShown) {
    super(2);
    setId("legend");
    setPadding(new Insets(6));
    setBackground(
        new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.85), null, Insets.EMPTY)));
    setPickOnBounds(false);
    overlayLegend.visibleProperty().bind(overlaysShown);
    overlayLegend.managedProperty().bind(overlaysShown);
    policyLegend.visibleProperty().bind(policiesShown);
    policyLegend.managedProperty().bind(policiesShown);
    getChildren().addAll(key, overlayLegend, policyLegend);
    title.setId("legend-title");
    title.setFont(Font.font("System", FontWeight.BOLD, 13));
    title.setOnMouseClicked(
        e -> {
          setFolded(mode != Mode.FOLDED);
          e.consume();
        });
  }

  Mode mode() {
    return mode;
  }

  /** Folds or unfolds the legend whatever room the map leaves (the title's click). */
  void setFolded(boolean folded) {
    userFolded = folded;
    if (shownIndex != null) {
      show(shownIndex, shownUtilization, shownAggregated);
    }
  }

  boolean isFolded() {
    return mode == Mode.FOLDED;
  }

  void clear() {
    shownIndex = null;
    getChildren().retainAll(key, overlayLegend, policyLegend);
    key.getChildren().clear();
    overlayLegend.getChildren().clear();
    policyLegend.getChildren().clear();
    setVisible(false);
  }

  /** Shows the key of a scenario; with results, also the utilization colour scale and drops. */
  void show(SceneIndex index, boolean withUtilization, boolean aggregated) {
    shownIndex = index;
    shownUtilization = withUtilization;
    shownAggregated = aggregated;
    Mode m = userFolded != null && userFolded ? Mode.FOLDED : mode;
    if (userFolded != null && !userFolded && m == Mode.FOLDED) {
      m = Mode.COMPACT;
    }
    fill(index, withUtilization, aggregated, m);
  }

  private void fill(SceneIndex index, boolean withUtilization, boolean aggregated, Mode m) {
    mode = m;
    key.getChildren().clear();
    overlayLegend.getChildren().clear();
    policyLegend.getChildren().clear();
    Scenario s = index.scenario();
    title.setText((m == Mode.FOLDED ? "▸ " : "▾ ") + s.name());
    getChildren().setAll(title);
    setVisible(true);
    if (m == Mode.FOLDED) {
      return;
    }
    if (withUtilization) {
      getChildren().add(utilizationScale());
    }
    if (m == Mode.COMPACT) {
      // Two columns: shorter, so it fits a corner beside sites in mid-latitudes.
      HBox columns = new HBox(12, key, new VBox(2, overlayLegend, policyLegend));
      getChildren().add(columns);
    } else {
      getChildren().addAll(key, overlayLegend, policyLegend);
    }
    fillKey(s, withUtilization, aggregated);
    if (!s.overlays().isEmpty()) {
      overlayLegend.getChildren().add(legendTitle("Overlays"));
    }
    int listed = m == Mode.COMPACT ? OVERLAYS_COMPACT : Integer.MAX_VALUE;
    for (Overlay o : s.overlays().subList(0, Math.min(listed, s.overlays().size()))) {
      Circle swatch = new Circle(5, Palette.overlay(index.overlayIndex(o.name())));
      String vni = o.encapsulation().carriesVni() ? "VNI " + o.vni() + ", " : "";
      Label text =
          new Label(
              o.name()
                  + "  "
                  + vni
                  + o.tunnelDescription()
                  + ", "
                  + o.controlPlane().yamlName()
                  + ", MTU "
                  + o.mtu());
      text.setFont(Font.font(11));
      HBox row = new HBox(5, swatch, text);
      row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      overlayLegend.getChildren().add(row);
    }
    if (s.overlays().size() > listed) {
      Label more = new Label("… and " + (s.overlays().size() - listed) + " more overlays");
      more.setFont(Font.font(11));
      overlayLegend.getChildren().add(more);
    }
    if (!s.policies().isEmpty()) {
      Label title = legendTitle("Policies");
      policyLegend.getChildren().add(title);
      // A long list would cover the map (k8s-max has 500): the first few, then a count.
      List<NetworkPolicy> policies = s.policies();
      int shown = m == Mode.COMPACT ? 0 : Math.min(policies.size(), POLICIES_LISTED);
      for (NetworkPolicy p : policies.subList(0, shown)) {
        Label l = new Label(p.name() + " (" + p.namespace() + ") " + p.policyTypes());
        l.setFont(Font.font(11));
        l.setTextFill(Palette.POLICY);
        l.getStyleClass().add("legend-policy");
        policyLegend.getChildren().add(l);
      }
      if (policies.size() > shown) {
        Label more =
            new Label(
                (shown == 0 ? "" : "… and ")
                    + (policies.size() - shown)
                    + (shown == 0 ? " policies" : " more"));
        more.setId("legend-more-policies");
        more.setFont(Font.font(11));
        more.setTextFill(Palette.POLICY);
        policyLegend.getChildren().add(more);
      }
    }
  }

  /** A sample of each mark: what the map draws, in the order a reader meets it. */
  private void fillKey(Scenario s, boolean withResults, boolean aggregated) {
    key.getChildren().add(legendTitle("Key"));
    Circle site = new Circle(7, 7, 6, Palette.SITE);
    site.setStroke(Color.WHITE);
    keyRow("site (click: open or close; closed: its host count)", site);
    Circle halo = new Circle(7, 7, 6, Color.rgb(255, 255, 255, 0.3));
    halo.setStroke(Color.rgb(27, 40, 56, 0.6));
    halo.getStrokeDashArray().setAll(2.0, 2.0);
    keyRow("open site: its hosts and containers", halo);
    Line leader = keyLine(Palette.SITE, 1.2);
    leader.getStrokeDashArray().setAll(2.0, 3.0);
    Circle pin = new Circle(20, 7, 3, Color.WHITE);
    pin.setStroke(Palette.SITE);
    keyRow("leader to a site's true place (its cluster stands aside)", leader, pin);
    Rectangle host = new Rectangle(2, 2, 10, 10);
    host.setFill(Palette.HOST);
    keyRow(aggregated ? "host (number: its containers, click: show them)" : "host", host);
    Circle ct = new Circle(7, 7, 5, Palette.overlay(0));
    ct.setStroke(Color.WHITE);
    keyRow("container, in its overlay's colour", ct);
    keyRow(
        withResults
            ? "underlay link (width: bandwidth, colour: utilization)"
            : "underlay link (width: bandwidth)",
        keyLine(Palette.LINK_IDLE, 3));
    Line access = keyLine(Palette.HOST, 1);
    access.setOpacity(0.6);
    keyRow("host's access link", access);
    if (s.overlays().stream().anyMatch(o -> o.encapsulation() != Encapsulation.NONE)) {
      Line tunnel = keyLine(Palette.overlay(0), 1.8);
      tunnel.getStrokeDashArray().setAll(5.0, 3.0);
      keyRow("VTEP tunnels inside a site, in their overlay's colour", tunnel);
      Line bundle = keyLine(OverlayMarks.MIXED_TUNNELS, 2.2);
      bundle.getStrokeDashArray().setAll(5.0, 3.0);
      keyRow("⇄ n: the n tunnels between two sites (purple: several overlays)", bundle);
    }
    if (!s.policies().isEmpty()) {
      Circle ring = new Circle(7, 7, 6, Color.TRANSPARENT);
      ring.setStroke(Palette.POLICY);
      ring.getStrokeDashArray().setAll(2.5, 2.0);
      keyRow("isolated by a policy (⊘: count at a site)", ring);
      keyRow("reachable from the selected container", keyLine(Palette.ALLOWED, 1.5));
      keyRow("denied from the selected container", keyLine(Palette.DENIED, 1.5));
    }
    if (withResults) {
      Label drop = new Label("✕");
      drop.setTextFill(Palette.DENIED);
      drop.setFont(Font.font("System", FontWeight.BOLD, 11));
      keyRow("packets dropped there", drop);
    }
  }

  private static Line keyLine(Color colour, double width) {
    Line l = new Line(0, 7, 24, 7);
    l.setStroke(colour);
    l.setStrokeWidth(width);
    return l;
  }

  private void keyRow(String text, Node... sample) {
    Pane swatch = new Pane(sample);
    swatch.setMinSize(26, 14);
    swatch.setPrefSize(26, 14);
    swatch.setMaxSize(26, 14);
    Label l = new Label(text);
    l.setFont(Font.font(11));
    HBox row = new HBox(5, swatch, l);
    row.getStyleClass().add("legend-key");
    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    key.getChildren().add(row);
  }

  /**
   * Puts the legend in the first corner of a {@code w} x {@code h} map where it covers none of the
   * {@code obstacles} (circles: x, y, radius), shrinking it when no corner is free; folded, it goes
   * in the freest corner.
   */
  void place(double w, double h, List<double[]> obstacles) {
    if (shownIndex == null) {
      autosize();
      relocate(10, 10);
      return;
    }
    boolean forcedFold = userFolded != null && userFolded;
    Mode[] modes =
        forcedFold
            ? new Mode[] {Mode.FOLDED}
            : userFolded != null
                ? new Mode[] {Mode.FULL, Mode.COMPACT}
                : new Mode[] {Mode.FULL, Mode.COMPACT, Mode.FOLDED};
    double[] best = null;
    Mode bestMode = modes[modes.length - 1];
    for (Mode m : modes) {
      fill(shownIndex, shownUtilization, shownAggregated, m);
      applyCss();
      double lw = prefWidth(-1);
      double lh = prefHeight(lw);
      for (double[] corner :
          new double[][] {
            {10, 10}, {w - lw - 10, 10}, {10, h - lh - 10}, {w - lw - 10, h - lh - 10}
          }) {
        if (free(corner[0], corner[1], lw, lh, obstacles)) {
          best = corner;
          bestMode = m;
          break;
        }
      }
      if (best != null) {
        break;
      }
    }
    if (best == null) {
      best = new double[] {10, 10};
    }
    if (mode != bestMode) {
      fill(shownIndex, shownUtilization, shownAggregated, bestMode);
    }
    autosize();
    relocate(best[0], best[1]);
  }

  private static boolean free(double x, double y, double w, double h, List<double[]> obstacles) {
    if (x < 0 || y < 0) {
      return false;
    }
    for (double[] o : obstacles) {
      double nx = Math.max(x, Math.min(o[0], x + w));
      double ny = Math.max(y, Math.min(o[1], y + h));
      if (Math.hypot(nx - o[0], ny - o[1]) < o[2]) {
        return false;
      }
    }
    return true;
  }

  private static HBox utilizationScale() {
    HBox scale = new HBox(1);
    scale.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    Label title = new Label("Link utilization 0% ");
    title.setFont(Font.font(11));
    scale.getChildren().add(title);
    for (int i = 0; i <= 10; i++) {
      scale
          .getChildren()
          .add(new javafx.scene.shape.Rectangle(9, 9, Palette.utilization(i / 10.0)));
    }
    Label end = new Label(" 100%");
    end.setFont(Font.font(11));
    scale.getChildren().add(end);
    return scale;
  }

  private static Label legendTitle(String text) {
    Label l = new Label(text);
    l.setFont(Font.font("System", FontWeight.BOLD, 11));
    return l;
  }
}
