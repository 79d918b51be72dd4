package org.overlaysim.gui.map;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/** The map's key: overlays with their colour, VNI and encapsulation; the policies. */
final class MapLegend extends VBox {
  private final VBox overlayLegend = new VBox(2);

  /** Policies named in the legend; more are counted. */
  static final int POLICIES_LISTED = 12;

  private final VBox policyLegend = new VBox(2);

  MapLegend(BooleanProperty overlaysShown, BooleanProperty policiesShown) {
    super(2);
    setId("legend");
    setPadding(new Insets(6));
    setBackground(
        new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.85), null, Insets.EMPTY)));
    setMouseTransparent(true);
    overlayLegend.visibleProperty().bind(overlaysShown);
    overlayLegend.managedProperty().bind(overlaysShown);
    policyLegend.visibleProperty().bind(policiesShown);
    policyLegend.managedProperty().bind(policiesShown);
    getChildren().addAll(overlayLegend, policyLegend);
  }

  void clear() {
    getChildren().retainAll(overlayLegend, policyLegend);
    overlayLegend.getChildren().clear();
    policyLegend.getChildren().clear();
    setVisible(false);
  }

  /** Shows the key of a scenario; with results, also the utilization colour scale. */
  void show(SceneIndex index, boolean withUtilization) {
    getChildren().retainAll(overlayLegend, policyLegend);
    overlayLegend.getChildren().clear();
    policyLegend.getChildren().clear();
    Scenario s = index.scenario();
    Label name = new Label(s.name());
    name.setId("legend-title");
    name.setFont(Font.font("System", FontWeight.BOLD, 13));
    getChildren().add(0, name);
    if (withUtilization) {
      getChildren().add(1, utilizationScale());
    }
    if (!s.overlays().isEmpty()) {
      overlayLegend.getChildren().add(legendTitle("Overlays (dashed: VTEP tunnels)"));
    }
    for (Overlay o : s.overlays()) {
      Circle swatch = new Circle(5, Palette.overlay(index.overlayIndex(o.name())));
      String vni = o.encapsulation().carriesVni() ? "VNI " + o.vni() + ", " : "";
      Label text =
          new Label(
              o.name()
                  + "  "
                  + vni
                  + o.encapsulation().yamlName()
                  + ", "
                  + o.controlPlane().yamlName()
                  + ", MTU "
                  + o.mtu());
      text.setFont(Font.font(11));
      HBox row = new HBox(5, swatch, text);
      row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      overlayLegend.getChildren().add(row);
    }
    if (!s.policies().isEmpty()) {
      Label title = legendTitle("Policies (dashed ring: isolated)");
      policyLegend.getChildren().add(title);
      // A long list would cover the map (k8s-max has 500): the first few, then a count.
      List<NetworkPolicy> policies = s.policies();
      for (NetworkPolicy p : policies.subList(0, Math.min(policies.size(), POLICIES_LISTED))) {
        Label l = new Label(p.name() + " (" + p.namespace() + ") " + p.policyTypes());
        l.setFont(Font.font(11));
        l.setTextFill(Palette.POLICY);
        l.getStyleClass().add("legend-policy");
        policyLegend.getChildren().add(l);
      }
      if (policies.size() > POLICIES_LISTED) {
        Label more = new Label("… and " + (policies.size() - POLICIES_LISTED) + " more");
        more.setId("legend-more-policies");
        more.setFont(Font.font(11));
        more.setTextFill(Palette.POLICY);
        policyLegend.getChildren().add(more);
      }
    }
    setVisible(!overlayLegend.getChildren().isEmpty() || !policyLegend.getChildren().isEmpty());
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
