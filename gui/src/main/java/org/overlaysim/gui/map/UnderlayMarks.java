package org.overlaysim.gui.map;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Site;
import org.overlaysim.scenario.Units;
import org.overlaysim.topology.LinkDelay;
import org.overlaysim.topology.UnderlayPlan;

/**
 * Underlay links between sites (width by bandwidth, colour by utilization after a run) and, for
 * open sites, the access links of their hosts. A link inside one site has no length on a map and is
 * not drawn.
 */
final class UnderlayMarks {
  private UnderlayMarks() {}

  static void draw(MarkContext ctx, List<Node> out) {
    RunResults run = ctx.results();
    Map<String, Integer> parallel = new TreeMap<>();
    Map<String, Integer> seen = new TreeMap<>();
    for (LinkSpec l : ctx.index().scenario().underlay().links()) {
      parallel.merge(pairKey(l), 1, Integer::sum);
    }
    for (LinkSpec l : ctx.index().scenario().underlay().links()) {
      Site a = ctx.index().siteOfRouter(l.a());
      Site b = ctx.index().siteOfRouter(l.b());
      if (a == null || b == null || a.name().equals(b.name())) {
        continue; // a link inside one site has no length on a map
      }
      String key = pairKey(l);
      int nth = seen.merge(key, 1, Integer::sum) - 1;
      int count = parallel.get(key);
      double width = Palette.linkWidth(l.bandwidthBps());
      double offset = (nth - (count - 1) / 2.0) * (width + 3);
      Point2D pa = ctx.layout().site(a.name());
      Point2D pb = ctx.layout().site(b.name());
      if (a.name().compareTo(b.name()) > 0) {
        offset = -offset; // offsets are measured in one direction per site pair
      }
      Line line = Marks.offsetLine(pa, pb, offset);
      line.setId("link-" + l.name());
      line.getStyleClass().add("link");
      line.setStrokeWidth(width);
      Color colour = Palette.LINK_IDLE;
      String util = "";
      double util0 = 0;
      Node dropMark = null;
      if (run != null) {
        Optional<RunResults.LinkUtilization> u = run.link(l.name());
        double value = u.map(x -> ctx.timeBin() < 0 ? x.peak() : x.at(ctx.timeBin())).orElse(0.0);
        long drops =
            u.map(x -> ctx.timeBin() < 0 ? x.totalDrops() : x.dropsAt(ctx.timeBin())).orElse(0L);
        colour = Palette.utilization(value);
        util0 = value;
        util =
            String.format(
                Locale.ROOT,
                "%nutilization %.1f%%, %d drops (%s)",
                value * 100,
                drops,
                ctx.timeBin() < 0 ? "peak, whole run" : "bin " + ctx.timeBin());
        if (drops > 0 && (ctx.timeBin() >= 0 || run.dropsByPlace().isEmpty())) {
          dropMark = dropMark(l, line, drops);
        }
      }
      line.setStroke(colour);
      String text = linkText(ctx.index().plan(), l, a, b) + util;
      Marks.tip(line, () -> text);
      out.add(line);
      out.add(
          LinkLabels.label(l, line, LinkDelay.of(l, a, b), run == null ? -1 : util0, nth, count));
      if (dropMark != null) {
        out.add(dropMark);
      }
    }
    // Access links: each host of an open site hangs off its site's routers.
    for (Host h : ctx.index().scenario().hosts()) {
      if (!ctx.layout().isOpen(h.site())) {
        continue;
      }
      Point2D s = ctx.layout().site(h.site());
      Point2D p = ctx.layout().host(h.name());
      if (s == null || p == null) {
        continue;
      }
      Line access = new Line(s.getX(), s.getY(), p.getX(), p.getY());
      access.getStyleClass().add("access-link");
      access.setStroke(Palette.HOST);
      access.setOpacity(0.6);
      access.setStrokeWidth(1);
      out.add(access);
    }
  }

  /** A red count at the link's middle: packets it dropped in the bin shown (or the run). */
  private static Node dropMark(LinkSpec l, Line line, long drops) {
    Text t = Marks.haloText("✕ " + drops, 11, FontWeight.BOLD);
    t.setId("drops-" + l.name());
    t.getStyleClass().add("link-drops");
    t.setFill(Palette.DENIED);
    t.setX((line.getStartX() + line.getEndX()) / 2 + 4);
    t.setY((line.getStartY() + line.getEndY()) / 2 - 4);
    t.setMouseTransparent(true);
    return t;
  }

  private static String pairKey(LinkSpec l) {
    return l.a().compareTo(l.b()) < 0 ? l.a() + "|" + l.b() : l.b() + "|" + l.a();
  }

  private static String linkText(UnderlayPlan plan, LinkSpec l, Site a, Site b) {
    double km = plan.underlay().site(a.name()).distanceKm(plan.underlay().site(b.name()));
    // The simulator's own delay for this link, and where it came from.
    LinkDelay delay = plan.delay(l.name());
    return String.format(
        Locale.ROOT,
        "%s  %s — %s%n%s, MTU %d, %.0f km, one-way delay %s (%s)",
        l.name(),
        a.name(),
        b.name(),
        Units.formatRate(l.bandwidthBps()),
        l.mtu(),
        km,
        Units.formatDuration(delay.ns()),
        delay.source().reportName());
  }
}
