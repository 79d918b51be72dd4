package org.overlaysim.gui.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.overlaysim.gui.map.ContainerPath;
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
import org.overlaysim.topology.UnderlayPlan;

/**
 * The selected container: its interface, where it runs, its underlay path to a container picked in
 * "Path to" (hop by hop, with each link's one-way delay and MTU), and, after a run, whom it reaches
 * on the probe ports and what its host's VTEP knows. Value labels carry ids ({@code detail-ip},
 * {@code detail-mac}...) so tests and screen readers find them.
 */
final class DetailsPane extends VBox {
  private static final Font MONO = Font.font("Monospaced", 11);
  private Scenario planned;
  private UnderlayPlan plan;
  private Container pathFrom;
  private String pathTo;
  private Consumer<Set<String>> onPath = links -> {};

  DetailsPane() {
    super(6);
    setId("details");
    setPadding(new Insets(8));
    setPrefWidth(320);
    show(null, null, null);
  }

  /** Told the underlay links of the path shown (empty when none), to highlight them. */
  void onPath(Consumer<Set<String>> listener) {
    onPath = listener;
  }

  void show(Scenario scenario, Container c, RunResults results) {
    getChildren().clear();
    if (scenario == null || c == null) {
      pathFrom = null;
      pathTo = null;
      onPath.accept(Set.of());
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
                + overlay.tunnelDescription()
                + ", "
                + overlay.controlPlane()
                + ")";
    field(grid, row, "overlay", "Overlay", overlayText);
    getChildren().add(grid);
    addPathTo(scenario, c);
    if (results == null) {
      Label none = new Label("Run the scenario to see reachability and VTEP tables.");
      none.setWrapText(true);
      getChildren().add(none);
      return;
    }
    addReachability(c, results);
    addVtepTables(c, results);
  }

  private void addPathTo(Scenario scenario, Container c) {
    if (pathFrom == null || !pathFrom.name().equals(c.name())) {
      pathTo = null;
      onPath.accept(Set.of());
    }
    pathFrom = c;
    List<String> others = new ArrayList<>();
    Container target = null;
    for (Container o : scenario.containers()) {
      if (!o.name().equals(c.name())) {
        others.add(o.name());
        if (o.name().equals(pathTo)) {
          target = o;
        }
      }
    }
    if (others.isEmpty()) {
      return;
    }
    getChildren().add(heading("Path to"));
    ComboBox<String> to = new ComboBox<>();
    to.setId("path-to");
    to.setPromptText("pick a container");
    to.getItems().setAll(others);
    VBox hops = new VBox(1);
    hops.setId("details-path");
    if (target != null) {
      to.setValue(target.name());
      showPath(hops, scenario, c, target);
    }
    to.valueProperty()
        .addListener(
            (o, a, b) -> {
              pathTo = b;
              hops.getChildren().clear();
              onPath.accept(Set.of());
              for (Container t : scenario.containers()) {
                if (t.name().equals(b)) {
                  showPath(hops, scenario, c, t);
                }
              }
            });
    getChildren().add(to);
    getChildren().add(hops);
  }

  private void showPath(VBox out, Scenario scenario, Container from, Container to) {
    if (planned != scenario) {
      plan = UnderlayPlan.of(scenario);
      planned = scenario;
    }
    ContainerPath path = ContainerPath.between(plan, from, to);
    Set<String> links = new java.util.LinkedHashSet<>();
    for (ContainerPath.Hop h : path.hops()) {
      links.add(h.link());
    }
    onPath.accept(Set.copyOf(links));
    for (ContainerPath.Hop h : path.hops()) {
      String text =
          h.from()
              + " → "
              + h.to()
              + "  "
              + h.link()
              + "  "
              + ms(h.delayNs())
              + " ms  MTU "
              + h.mtu()
              + (h.alternatives().isEmpty()
                  ? ""
                  : "  (ECMP, equal cost: " + String.join(", ", h.alternatives()) + ")");
      Label l = mono(text);
      l.getStyleClass().add("path-hop");
      l.setWrapText(true);
      out.getChildren().add(l);
    }
    if (path.equalCostPaths() == 0) {
      Label l = new Label("unreachable: the underlay has no route between the hosts");
      l.setId("path-total");
      out.getChildren().add(l);
      return;
    }
    Label total =
        new Label(
            "one-way delay "
                + ms(path.totalDelayNs())
                + " ms, path MTU "
                + path.pathMtu()
                + (path.equalCostPaths() > 1
                    ? ", " + path.equalCostPaths() + " equal-cost paths (first shown)"
                    : ""));
    total.setId("path-total");
    total.setFont(Font.font("System", FontWeight.BOLD, 11));
    out.getChildren().add(total);
  }

  /** Nanoseconds as milliseconds, 3 decimals. */
  static String ms(long ns) {
    return String.format(Locale.ROOT, "%.3f", ns / 1e6);
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
