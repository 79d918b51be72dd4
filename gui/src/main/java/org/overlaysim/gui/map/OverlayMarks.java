package org.overlaysim.gui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Site;

/**
 * Overlay marks: VTEP tunnels as dashed lines in the overlay's colour between the hosts (or, for
 * closed sites, the sites) that run its containers, and a dot per overlay on each closed site.
 * Overlays without encapsulation are routed and have no tunnel.
 */
final class OverlayMarks {
  /** Above this many tunnel lines per overlay, tunnels are drawn between sites only. */
  private static final int MAX_TUNNELS_PER_OVERLAY = 600;

  private OverlayMarks() {}

  static void draw(MarkContext ctx, List<Node> out) {
    List<Overlay> tunnelled = new ArrayList<>();
    for (Overlay o : ctx.index().scenario().overlays()) {
      if (o.encapsulation() != Encapsulation.NONE) {
        tunnelled.add(o);
      }
    }
    for (Site s : ctx.index().scenario().sites()) {
      if (!ctx.layout().isOpen(s.name())) {
        drawPips(ctx, s, ctx.layout().site(s.name()), out);
      }
    }
    for (int oi = 0; oi < tunnelled.size(); oi++) {
      Overlay o = tunnelled.get(oi);
      // VTEPs of this overlay: the hosts that run one of its containers.
      List<String> vteps = ctx.index().vtepHosts(o.name());
      Map<String, Point2D> ends = new LinkedHashMap<>();
      for (String h : vteps) {
        Point2D p = ctx.layout().host(h);
        if (p != null) {
          ends.putIfAbsent(key(p), p);
        }
      }
      if (ends.size() * (ends.size() - 1) / 2 > MAX_TUNNELS_PER_OVERLAY) {
        ends.clear();
        for (String h : vteps) {
          Point2D p = ctx.layout().site(ctx.index().host(h).site());
          ends.putIfAbsent(key(p), p);
        }
      }
      List<Point2D> points = new ArrayList<>(ends.values());
      double offset = (oi - (tunnelled.size() - 1) / 2.0) * 3.5;
      Color colour = Palette.overlay(ctx.index().overlayIndex(o.name()));
      for (int i = 0; i < points.size(); i++) {
        for (int j = i + 1; j < points.size(); j++) {
          Line t = Marks.offsetLine(points.get(i), points.get(j), offset);
          t.getStyleClass().add("tunnel");
          t.setStroke(colour);
          t.setStrokeWidth(1.8);
          t.getStrokeDashArray().setAll(7.0, 5.0);
          t.setMouseTransparent(true);
          out.add(t);
        }
      }
    }
  }

  private static String key(Point2D p) {
    return Math.round(p.getX() * 10) + ":" + Math.round(p.getY() * 10);
  }

  /** A closed site shows one small dot per overlay it takes part in. */
  private static void drawPips(MarkContext ctx, Site s, Point2D c, List<Node> out) {
    List<String> overlays = ctx.index().overlaysAt(s.name());
    int i = 0;
    for (String o : overlays) {
      double angle = -Math.PI / 2 + 0.55 * (i - (overlays.size() - 1) / 2.0);
      double r = ClusterLayout.SITE_RADIUS + 6;
      Circle pip = new Circle(c.getX() + r * Math.cos(angle), c.getY() + r * Math.sin(angle), 4);
      pip.getStyleClass().add("overlay-pip");
      pip.setFill(Palette.overlay(ctx.index().overlayIndex(o)));
      pip.setStroke(Color.WHITE);
      pip.setMouseTransparent(true);
      out.add(pip);
      i++;
    }
  }
}
