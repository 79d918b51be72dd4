package org.overlaysim.gui.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Site;

/**
 * Drops marked where they happen (drops.csv's {@code where}): a red ✕ with the packet count on the
 * sending side of a link direction ({@code a->b}), at a host for its bridge or VTEP ({@code
 * host/vtep}), at a router's site, at a container. Marks falling on one place add up; the tooltip
 * lists each place and reason. Shown for the whole run (the time slider's bins count drops per link
 * only, drawn by {@link UnderlayMarks}).
 */
final class DropMarks {
  private DropMarks() {}

  /**
   * @param beside whether the mark stands beside a mark of the map (a host, a container) rather
   *     than on a link's side
   */
  private record Mark(Point2D at, boolean beside, StringBuilder tip, long[] packets) {}

  static void draw(MarkContext ctx, List<Node> out) {
    RunResults run = ctx.results();
    if (run == null || ctx.timeBin() >= 0 || run.dropsByPlace().isEmpty()) {
      return;
    }
    Map<String, Mark> marks = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Long>> e : run.dropsByPlace().entrySet()) {
      Point2D at = place(ctx, e.getKey());
      if (at == null) {
        continue;
      }
      long packets = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      if (packets == 0) {
        continue;
      }
      String key = Math.round(at.getX()) + ":" + Math.round(at.getY());
      boolean beside = !e.getKey().contains("->") || at.equals(place(ctx, e.getKey(), true));
      Mark m =
          marks.computeIfAbsent(key, k -> new Mark(at, beside, new StringBuilder(), new long[1]));
      m.packets()[0] += packets;
      e.getValue()
          .forEach(
              (reason, n) ->
                  m.tip()
                      .append(m.tip().length() == 0 ? "" : "\n")
                      .append(e.getKey())
                      .append(": ")
                      .append(n)
                      .append(' ')
                      .append(reason));
    }
    int i = 0;
    for (Mark m : marks.values()) {
      Text t = Marks.haloText("✕ " + m.packets()[0], 11, FontWeight.BOLD);
      t.setId("drop-mark-" + i++);
      t.getStyleClass().add("drop-mark");
      t.setFill(Palette.DENIED);
      double w = t.getLayoutBounds().getWidth();
      if (m.beside()) {
        // Below-left of the host or container it concerns, leaving the mark and its name readable.
        t.setX(m.at().getX() - w - 4);
        t.setY(m.at().getY() + 15);
      } else {
        t.setX(m.at().getX() - w / 2);
        t.setY(m.at().getY() + 4);
      }
      String tip = "dropped packets\n" + m.tip();
      Marks.tip(t, () -> tip);
      out.add(t);
    }
  }

  /** Where a drop place stands on the map, or null when it has no place there. */
  static Point2D place(MarkContext ctx, String where) {
    return place(ctx, where, false);
  }

  /** As {@link #place(MarkContext, String)}; with {@code endOnly}, a link direction's sender. */
  private static Point2D place(MarkContext ctx, String where, boolean endOnly) {
    int arrow = where.indexOf("->");
    if (arrow > 0) {
      Point2D a = node(ctx, where.substring(0, arrow));
      Point2D b = node(ctx, where.substring(arrow + 2));
      if (a == null || b == null) {
        return a != null ? a : b;
      }
      double len = a.distance(b);
      if (len < 30 || endOnly) {
        return a; // a link inside one place: mark the place
      }
      // On the sending side, a little to the right of the direction, so the two directions of one
      // link stand apart.
      Point2D d = b.subtract(a).normalize();
      Point2D side = new Point2D(-d.getY(), d.getX()).multiply(9);
      return a.add(b.subtract(a).multiply(0.25)).add(side);
    }
    int slash = where.indexOf('/');
    return node(ctx, slash > 0 ? where.substring(0, slash) : where);
  }

  /** A host's, router's (its site's) or container's place. */
  private static Point2D node(MarkContext ctx, String name) {
    Host h = ctx.index().host(name);
    if (h != null) {
      return ctx.layout().host(name);
    }
    Site s = ctx.index().siteOfRouter(name);
    if (s != null) {
      return ctx.layout().site(s.name());
    }
    Container c = ctx.index().container(name);
    return c == null ? null : ctx.layout().container(name);
  }
}
