package org.overlaysim.gui.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Site;

/**
 * Names of hosts and containers, placed greedily where they cover no other name and no other mark:
 * the selected container first, then hosts, then containers. A name that finds no free place is
 * left out, so names appear as zooming in spreads the clusters (semantic zoom), never piled up.
 * Container names wait until a site is spread to {@link #CONTAINER_NAMES_SPREAD} times its natural
 * size, or its host is opened on an aggregated map.
 */
final class NameLabels {
  /** How far a site must be spread (zoomed in) before its containers are named. */
  static final double CONTAINER_NAMES_SPREAD = 1.3;

  /** Most container names tried per redraw: beyond, the map is too dense to name them. */
  static final int MAX_CONTAINER_NAMES = 600;

  private static final double HOST_FONT = 10;
  private static final double CONTAINER_FONT = 9;
  private static final double CELL = 40;

  private final Map<Long, List<Bounds>> grid = new HashMap<>();

  private final Bounds view;

  private NameLabels(Viewport v) {
    view = new BoundingBox(-50, -50, v.width() + 100, v.height() + 100);
  }

  /** Node property holding the line a label may slide along: x1, y1, x2, y2. */
  static final String ALONG = "overlaysim.along";

  /** Where along its line a label may stand, best first. */
  private static final double[] ALONG_AT = {0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78};

  /**
   * Names hosts and containers, after giving the labels of lines (links' delays, tunnel counts) a
   * free place along their line; a line label with no free place is hidden (its line's tooltip
   * still says it).
   */
  static void draw(MarkContext ctx, List<Node> out, List<Text> lineLabels) {
    NameLabels placer = new NameLabels(ctx.layout().viewport());
    for (Site s : ctx.index().scenario().sites()) {
      Point2D c = ctx.layout().site(s.name());
      placer.occupy(new BoundingBox(c.getX() - 40, c.getY() - 12, 80, 42));
    }
    for (Text t : lineLabels) {
      placer.slide(t);
    }
    placer.names(ctx, out);
  }

  private void slide(Text t) {
    double[] line = (double[]) t.getProperties().get(ALONG);
    Bounds b0 = t.getLayoutBounds();
    double w = b0.getWidth();
    double h = b0.getHeight();
    for (double at : ALONG_AT) {
      double x = line[0] + (line[2] - line[0]) * at;
      double y = line[1] + (line[3] - line[1]) * at;
      Bounds b = new BoundingBox(x - w / 2, y - h / 2, w, h);
      if (view.contains(x, y) && free(b)) {
        occupy(b);
        t.setX(x - w / 2);
        t.setY(y + h / 2 - 4);
        t.setVisible(true);
        return;
      }
    }
    t.setVisible(false);
  }

  private void names(MarkContext ctx, List<Node> out) {
    NameLabels placer = this;
    // A host's name may stand beside the host or, crowded by its containers, just outside them.
    Map<String, Double> hostReach = new HashMap<>();
    ClusterLayout layout = ctx.layout();
    List<Host> hosts = new ArrayList<>();
    List<Container> containers = new ArrayList<>();
    for (Site s : ctx.index().scenario().sites()) {
      if (!layout.isOpen(s.name())) {
        continue;
      }
      boolean nameContainers = layout.spread(s.name()) >= CONTAINER_NAMES_SPREAD;
      for (Host h : ctx.index().hostsAt(s.name())) {
        boolean shown = !layout.isAggregated() || layout.showsContainers(h);
        if (!shown) {
          continue;
        }
        hosts.add(h);
        Point2D hp = layout.host(h.name());
        placer.occupy(square(hp, ClusterLayout.HOST_SIZE / 2 + 1));
        if (!layout.showsContainers(h)) {
          continue;
        }
        double reach = 0;
        for (Container ct : ctx.index().containersOn(h.name())) {
          Point2D cp = layout.container(ct.name());
          reach = Math.max(reach, cp.distance(hp) + ClusterLayout.CONTAINER_RADIUS);
          placer.occupy(square(cp, ClusterLayout.CONTAINER_RADIUS));
          if (nameContainers || layout.isAggregated()) {
            containers.add(ct);
          }
        }
        hostReach.put(h.name(), reach);
      }
    }
    // Drop marks drawn already stay readable.
    for (Node n : out) {
      if (n.getStyleClass().contains("drop-mark")) {
        placer.occupy(n.getLayoutBounds());
      }
    }
    Container sel = ctx.selected();
    if (sel != null && layout.showsContainer(sel)) {
      placer.place(
          "container-name-" + sel.name(),
          sel.name(),
          layout.container(sel.name()),
          ClusterLayout.CONTAINER_RADIUS,
          0,
          CONTAINER_FONT,
          FontWeight.BOLD,
          out);
    }
    for (Host h : hosts) {
      placer.place(
          "host-name-" + h.name(),
          h.name(),
          layout.host(h.name()),
          ClusterLayout.HOST_SIZE / 2,
          hostReach.getOrDefault(h.name(), 0.0),
          HOST_FONT,
          FontWeight.BOLD,
          out);
    }
    if (containers.size() <= MAX_CONTAINER_NAMES) {
      for (Container ct : containers) {
        if (sel != null && sel.name().equals(ct.name())) {
          continue;
        }
        placer.place(
            "container-name-" + ct.name(),
            ct.name(),
            layout.container(ct.name()),
            ClusterLayout.CONTAINER_RADIUS,
            0,
            CONTAINER_FONT,
            FontWeight.NORMAL,
            out);
      }
    }
  }

  private static Bounds square(Point2D p, double half) {
    return new BoundingBox(p.getX() - half, p.getY() - half, 2 * half, 2 * half);
  }

  /**
   * Puts a name beside its mark (right, left, above, below), or as far as {@code farRadius} from
   * it, where it is free; returns whether it found a place.
   */
  private boolean place(
      String id,
      String name,
      Point2D at,
      double markRadius,
      double farRadius,
      double font,
      FontWeight weight,
      List<Node> out) {
    if (!view.contains(at)) {
      return false; // off screen: no one reads it
    }
    double w = name.length() * font * 0.58 + 2;
    double h = font + 3;
    List<double[]> candidates = new ArrayList<>();
    for (double r :
        farRadius > markRadius ? new double[] {markRadius, farRadius} : new double[] {markRadius}) {
      double gap = r + 2;
      candidates.add(new double[] {at.getX() + gap, at.getY() - h / 2});
      candidates.add(new double[] {at.getX() - gap - w, at.getY() - h / 2});
      candidates.add(new double[] {at.getX() - w / 2, at.getY() - gap - h});
      candidates.add(new double[] {at.getX() - w / 2, at.getY() + gap});
    }
    for (double[] xy : candidates) {
      Bounds b = new BoundingBox(xy[0], xy[1], w, h);
      if (free(b)) {
        occupy(b);
        Text t = Marks.haloText(name, font, weight);
        t.setId(id);
        t.getStyleClass().add("mark-name");
        t.setX(xy[0]);
        t.setY(xy[1] + font);
        t.setMouseTransparent(true);
        out.add(t);
        return true;
      }
    }
    return false;
  }

  private boolean free(Bounds b) {
    for (long key : cells(b)) {
      for (Bounds o : grid.getOrDefault(key, List.of())) {
        if (o.intersects(b)) {
          return false;
        }
      }
    }
    return true;
  }

  private void occupy(Bounds b) {
    for (long key : cells(b)) {
      grid.computeIfAbsent(key, k -> new ArrayList<>()).add(b);
    }
  }

  private static long[] cells(Bounds b) {
    int x0 = (int) Math.floor(b.getMinX() / CELL);
    int x1 = (int) Math.floor(b.getMaxX() / CELL);
    int y0 = (int) Math.floor(b.getMinY() / CELL);
    int y1 = (int) Math.floor(b.getMaxY() / CELL);
    long[] keys = new long[(x1 - x0 + 1) * (y1 - y0 + 1)];
    int i = 0;
    for (int x = x0; x <= x1; x++) {
      for (int y = y0; y <= y1; y++) {
        keys[i++] = ((long) x << 32) ^ (y & 0xffffffffL);
      }
    }
    return keys;
  }
}
