package org.overlaysim.gui.map;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Site;

/**
 * The hosts of the open sites of an aggregated map: a square per host with its container count
 * inside, all painted on one Canvas the size of the view. One node instead of two per host keeps
 * opening k8s-max's 5,000 hosts well under a second on the FX thread; the map finds the host under
 * the pointer with {@link #hostAt} for clicks and tooltips.
 */
final class HostCounts {
  private static final Font COUNT_FONT = Font.font("System", FontWeight.BOLD, 8);

  private HostCounts() {}

  static Canvas draw(MarkContext ctx) {
    Viewport v = ctx.layout().viewport();
    Canvas canvas = new Canvas(v.width(), v.height());
    canvas.setId("host-counts");
    canvas.setMouseTransparent(true);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFont(COUNT_FONT);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    Container sel = ctx.selected();
    double margin = ClusterLayout.AGGREGATED_HOST_SIZE * 2;
    for (Site s : ctx.index().scenario().sites()) {
      if (!ctx.layout().isOpen(s.name())) {
        continue;
      }
      for (Host h : ctx.index().hostsAt(s.name())) {
        Point2D p = ctx.layout().host(h.name());
        if (p.getX() < -margin
            || p.getY() < -margin
            || p.getX() > v.width() + margin
            || p.getY() > v.height() + margin) {
          continue;
        }
        String count = String.valueOf(ctx.index().containersOn(h.name()).size());
        double w = width(count);
        double hh = ClusterLayout.AGGREGATED_HOST_SIZE;
        double x = p.getX() - w / 2;
        double y = p.getY() - hh / 2;
        boolean holdsSelected = sel != null && sel.host().equals(h.name());
        boolean open = ctx.layout().showsContainers(h);
        g.setFill(Palette.HOST);
        g.fillRoundRect(x, y, w, hh, 3, 3);
        g.setStroke(holdsSelected ? Color.BLACK : open ? Palette.SITE : Color.WHITE);
        g.setLineWidth(holdsSelected || open ? 2 : 1);
        g.strokeRoundRect(x, y, w, hh, 3, 3);
        g.setFill(Color.WHITE);
        g.fillText(count, p.getX(), p.getY());
      }
    }
    return canvas;
  }

  /** A host's tooltip on an aggregated map. */
  static String tipText(Host h, int containers, boolean open) {
    return "host "
        + h.name()
        + "\nVTEP "
        + h.ip()
        + "\nrouter "
        + h.router()
        + "\n"
        + containers
        + " containers — click to "
        + (open ? "hide" : "show")
        + " them";
  }

  /** Like a closed site's disc, the square widens with the digits. */
  private static double width(String count) {
    return ClusterLayout.AGGREGATED_HOST_SIZE + 5 * Math.max(0, count.length() - 2);
  }

  /**
   * The host whose square is under the point, the last drawn (topmost) first; null if none or if
   * the map is not aggregated.
   */
  static Host hostAt(SceneIndex index, ClusterLayout layout, double x, double y) {
    if (!layout.isAggregated()) {
      return null;
    }
    var sites = index.scenario().sites();
    for (int i = sites.size() - 1; i >= 0; i--) {
      if (!layout.isOpen(sites.get(i).name())) {
        continue;
      }
      var hosts = index.hostsAt(sites.get(i).name());
      for (int j = hosts.size() - 1; j >= 0; j--) {
        Host h = hosts.get(j);
        Point2D p = layout.host(h.name());
        double w = width(String.valueOf(index.containersOn(h.name()).size()));
        if (Math.abs(x - p.getX()) <= w / 2 + 1
            && Math.abs(y - p.getY()) <= ClusterLayout.AGGREGATED_HOST_SIZE / 2 + 1) {
          return h;
        }
      }
    }
    return null;
  }
}
