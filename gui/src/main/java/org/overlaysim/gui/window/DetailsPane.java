package org.overlaysim.gui.window;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.overlaysim.gui.map.Palette;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.RunResults.ArpEntry;
import org.overlaysim.gui.run.RunResults.FdbEntry;
import org.overlaysim.gui.run.RunResults.ReachabilityCell;
import org.overlaysim.gui.run.RunResults.VtepTables;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Scenario;

/**
 * The selected container: its interface, where it runs, and, after a run, whom it reaches on the
 * probe ports and what its host's VTEP knows. Value labels carry ids ({@code detail-ip}, {@code
 * detail-mac}...) so tests and screen readers find them.
 */
final class DetailsPane extends VBox {
  private static final Font MONO = Font.font("Monospaced", 11);

  DetailsPane() {
    super(6);
    setId("details");
    setPadding(new Insets(8));
    setPrefWidth(320);
    show(null, null, null);
  }

  void show(Scenario scenario, Container c, RunResults results) {
    getChildren().clear();
    if (scenario == null || c == null) {
      Label hint = new Label("Click a site to open it, then a container to see its details.");
      hint.setId("details-hint");
      hint.setWrapText(true);
      getChildren().add(hint);
      return;
    }
    Host host = find(scenario, c.host());
    Overlay overlay = findOverlay(scenario, c.overlay());
    getChildren().add(heading("Container " + c.name()));
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(2);
    int row = 0;
    row = field(grid, row, "ip", "IP", c.ip() + (overlay == null ? "" : " in " + overlay.subnet()));
    row = field(grid, row, "mac", "MAC", c.mac().toString());
    row = field(grid, row, "mtu", "MTU", String.valueOf(c.mtu()));
    row = field(grid, row, "namespace", "Namespace", c.namespace());
    row = field(grid, row, "labels", "Labels", labels(c.labels()));
    row =
        field(
            grid,
            row,
            "host",
            "Host",
            c.host() + (host == null ? "" : " (VTEP " + host.ip() + ", site " + host.site() + ")"));
    String overlayText =
        overlay == null
            ? c.overlay()
            : c.overlay()
                + " (VNI "
                + overlay.vni()
                + ", "
                + overlay.encapsulation().yamlName()
                + ", "
                + overlay.controlPlane()
                + ")";
    field(grid, row, "overlay", "Overlay", overlayText);
    getChildren().add(grid);
    if (results == null) {
      Label none = new Label("Run the scenario to see reachability and VTEP tables.");
      none.setWrapText(true);
      getChildren().add(none);
      return;
    }
    addReachability(c, results);
    addVtepTables(c, results);
  }

  private void addReachability(Container c, RunResults results) {
    getChildren().add(heading("Reachability (probe ports)"));
    VBox list = new VBox(1);
    list.setId("details-reachability");
    for (ReachabilityCell cell : results.reachability()) {
      if (!cell.src().equals(c.name())) {
        continue;
      }
      String text =
          (cell.allowed() ? "✓ " : "✗ ")
              + cell.dst()
              + "  "
              + cell.protocol()
              + "/"
              + cell.port()
              + "  "
              + (cell.allowed() ? "allowed" : "denied")
              + (cell.reason().isEmpty() ? "" : " by " + cell.reason());
      Label l = new Label(text);
      l.getStyleClass().add(cell.allowed() ? "reach-allowed" : "reach-denied");
      l.setTextFill(cell.allowed() ? Palette.ALLOWED : Palette.DENIED);
      list.getChildren().add(l);
    }
    if (list.getChildren().isEmpty()) {
      list.getChildren().add(new Label("no probe started here"));
    }
    getChildren().add(list);
  }

  private void addVtepTables(Container c, RunResults results) {
    VtepTables tables = results.vtepTables().get(c.host());
    getChildren().add(heading("VTEP of " + c.host() + ": forwarding table"));
    VBox fdb = new VBox(1);
    fdb.setId("details-fdb");
    VBox arp = new VBox(1);
    arp.setId("details-arp");
    if (tables == null) {
      fdb.getChildren().add(new Label("not kept: too many entries to show"));
    } else {
      for (FdbEntry e : tables.fdb()) {
        fdb.getChildren()
            .add(
                mono(
                    String.format(
                        "vni %-8d %s -> %s%s",
                        e.vni(), e.mac(), e.remoteVtep(), e.permanent() ? " permanent" : "")));
      }
      for (ArpEntry e : tables.arp()) {
        arp.getChildren().add(mono(String.format("vni %-8d %-15s %s", e.vni(), e.ip(), e.mac())));
      }
    }
    getChildren().add(fdb);
    getChildren().add(heading("ARP table"));
    getChildren().add(arp);
  }

  private static Label mono(String text) {
    Label l = new Label(text);
    l.setFont(MONO);
    return l;
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.setFont(Font.font("System", FontWeight.BOLD, 13));
    return l;
  }

  private static int field(GridPane grid, int row, String id, String name, String value) {
    Label key = new Label(name);
    key.setFont(Font.font("System", FontWeight.BOLD, 11));
    Label val = new Label(value);
    val.setId("detail-" + id);
    val.setWrapText(true);
    grid.add(key, 0, row);
    grid.add(val, 1, row);
    return row + 1;
  }

  private static String labels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  private static Host find(Scenario s, String name) {
    for (Host h : s.hosts()) {
      if (h.name().equals(name)) {
        return h;
      }
    }
    return null;
  }

  private static Overlay findOverlay(Scenario s, String name) {
    for (Overlay o : s.overlays()) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    return null;
  }
}
