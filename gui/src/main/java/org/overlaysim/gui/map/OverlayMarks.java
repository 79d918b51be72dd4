package org.overlaysim.gui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.overlaysim.scenario.Encapsulation;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Site;

/**
 * Overlay marks: VTEP tunnels as dashed lines, and a dot per overlay on each closed site. Tunnels
 * between two sites are bundled into one line per site pair with their count (in the overlay's
 * colour when one overlay has them all, else the sites' colour); tunnels between hosts of one open
 * site are drawn each in its overlay's colour. Overlays without encapsulation are routed and have
 * no tunnel.
 */
final class OverlayMarks {
  /** Above this many tunnels inside one site for an overlay, they are not drawn one by one. */
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
    // Tunnels between two sites are bundled: one line per site pair, with the count of VTEP
    // pairs it stands for (66 tunnels across an ocean are one line, not a hairball). Tunnels inside
    // an open site are drawn one by one between its hosts.
    Map<String, int[]> perPair = new TreeMap<>();
    Map<String, Map<String, Integer>> perPairOverlay = new TreeMap<>();
    for (int oi = 0; oi < tunnelled.size(); oi++) {
      Overlay o = tunnelled.get(oi);
      Map<String, Integer> vtepsPerSite = new LinkedHashMap<>();
      for (String h : ctx.index().vtepHosts(o.name())) {
        vtepsPerSite.merge(ctx.index().host(h).site(), 1, Integer::sum);
      }
      List<String> sites = new ArrayList<>(vtepsPerSite.keySet());
      for (int i = 0; i < sites.size(); i++) {
        for (int j = i + 1; j < sites.size(); j++) {
          String a = sites.get(i);
          String b = sites.get(j);
          String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
          int n = vtepsPerSite.get(a) * vtepsPerSite.get(b);
          perPair.computeIfAbsent(pair, k -> new int[1])[0] += n;
          perPairOverlay
              .computeIfAbsent(pair, k -> new TreeMap<>())
              .merge(o.name(), n, Integer::sum);
        }
      }
      drawInsideSites(ctx, o, oi, tunnelled.size(), out);
    }
    for (Map.Entry<String, int[]> e : perPair.entrySet()) {
      String[] ab = e.getKey().split("\\|");
      Map<String, Integer> overlays = perPairOverlay.get(e.getKey());
      Color colour =
          overlays.size() == 1
              ? Palette.overlay(ctx.index().overlayIndex(overlays.keySet().iterator().next()))
              : MIXED_TUNNELS;
      drawBundle(ctx, ab[0], ab[1], e.getValue()[0], overlays, colour, out);
    }
  }

  /** Colour of a bundle holding tunnels of several overlays. */
  static final Color MIXED_TUNNELS = Color.web("#6a51a3");

  /** A count in a few characters: 66, 1.2k, 10M. */
  static String compact(long n) {
    if (n < 1000) {
      return String.valueOf(n);
    }
    double v = n;
    String[] units = {"k", "M", "G"};
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return (v < 10 && v != Math.floor(v)
            ? String.format(java.util.Locale.ROOT, "%.1f", v)
            : String.valueOf(Math.round(v)))
        + units[u];
  }

  /** Offset of a bundle from the underlay links drawn between the same sites. */
  private static final double BUNDLE_OFFSET = 10;

  private static void drawBundle(
      MarkContext ctx,
      String a,
      String b,
      int count,
      Map<String, Integer> overlays,
      Color colour,
      List<Node> out) {
    Point2D pa = ctx.layout().site(a);
    Point2D pb = ctx.layout().site(b);
    Line t = Marks.offsetLine(pa, pb, BUNDLE_OFFSET);
    t.setId("tunnels-" + a + "-" + b);
    t.getStyleClass().addAll("tunnel", "tunnel-bundle");
    t.setStroke(colour);
    t.setStrokeWidth(Math.min(3, 1.5 + 0.3 * Math.log10(count)));
    t.getStrokeDashArray().setAll(8.0, 6.0);
    StringBuilder tip =
        new StringBuilder(count + (count == 1 ? " tunnel " : " tunnels ") + a + " — " + b);
    overlays.forEach((o, n) -> tip.append("\n").append(o).append(": ").append(n));
    String tipText = tip.toString();
    Marks.tip(t, () -> tipText);
    out.add(t);
    Text label = Marks.haloText("⇄ " + compact(count), 10, FontWeight.BOLD);
    label.setId("tunnel-count-" + a + "-" + b);
    label.getStyleClass().add("tunnel-count");
    label.setFill(colour);
    double at = 0.32;
    label.setX(
        t.getStartX()
            + (t.getEndX() - t.getStartX()) * at
            - label.getLayoutBounds().getWidth() / 2);
    label.setY(t.getStartY() + (t.getEndY() - t.getStartY()) * at + 4);
    label.setMouseTransparent(true);
    label
        .getProperties()
        .put(
            NameLabels.ALONG,
            new double[] {
              t.getStartX() + (t.getEndX() - t.getStartX()) * 0.1,
              t.getStartY() + (t.getEndY() - t.getStartY()) * 0.1,
              t.getEndX() - (t.getEndX() - t.getStartX()) * 0.1,
              t.getEndY() - (t.getEndY() - t.getStartY()) * 0.1
            });
    out.add(label);
  }

  /** An overlay's tunnels between hosts of one open site, each its own line. */
  private static void drawInsideSites(
      MarkContext ctx, Overlay o, int oi, int overlays, List<Node> out) {
    Map<String, List<Point2D>> bySite = new LinkedHashMap<>();
    for (String h : ctx.index().vtepHosts(o.name())) {
      String site = ctx.index().host(h).site();
      if (ctx.layout().isOpen(site)) {
        bySite.computeIfAbsent(site, k -> new ArrayList<>()).add(ctx.layout().host(h));
      }
    }
    double offset = (oi - (overlays - 1) / 2.0) * 3.5;
    Color colour = Palette.overlay(ctx.index().overlayIndex(o.name()));
    for (List<Point2D> points : bySite.values()) {
      if (points.size() * (points.size() - 1L) / 2 > MAX_TUNNELS_PER_OVERLAY) {
        continue; // a dense mesh inside a site says nothing more than the site's circle
      }
      for (int i = 0; i < points.size(); i++) {
        for (int j = i + 1; j < points.size(); j++) {
          Line t = Marks.offsetLine(points.get(i), points.get(j), offset);
          t.getStyleClass().add("tunnel");
          t.setStroke(colour);
          t.setStrokeWidth(1.2);
          t.getStrokeDashArray().setAll(4.0, 4.0);
          t.setMouseTransparent(true);
          out.add(t);
        }
      }
    }
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
