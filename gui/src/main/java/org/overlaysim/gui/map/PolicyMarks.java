package org.overlaysim.gui.map;

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
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.gui.run.RunResults.ReachabilityCell;
import org.overlaysim.scenario.Container;

/**
 * Policy marks: a dashed ring around each container a NetworkPolicy selects (it is isolated for the
 * policy's directions), a count beside closed sites, and lines from the selected container to its
 * probed peers after a run.
 */
final class PolicyMarks {
  private PolicyMarks() {}

  static void draw(MarkContext ctx, List<Node> out) {
    Map<String, Integer> isolatedPerSite = new TreeMap<>();
    for (Container ct : ctx.index().isolated()) {
      // A container without a mark of its own (closed site, or host shown as a count) is counted
      // beside its site instead of ringed.
      if (!ctx.layout().showsContainer(ct)) {
        isolatedPerSite.merge(ctx.index().siteOf(ct), 1, Integer::sum);
        continue;
      }
      Point2D p = ctx.layout().container(ct.name());
      Circle ring = new Circle(p.getX(), p.getY(), ClusterLayout.CONTAINER_RADIUS + 3);
      ring.getStyleClass().add("policy-ring");
      ring.setFill(null);
      ring.setStroke(Palette.POLICY);
      ring.setStrokeWidth(1.5);
      ring.getStrokeDashArray().setAll(2.5, 2.0);
      ring.setMouseTransparent(true);
      out.add(ring);
    }
    for (Map.Entry<String, Integer> e : isolatedPerSite.entrySet()) {
      Point2D c = ctx.layout().site(e.getKey());
      if (c == null) {
        continue;
      }
      Text t = Marks.haloText("⊘" + e.getValue(), 10, FontWeight.BOLD);
      t.getStyleClass().add("policy-mark");
      t.setFill(Palette.POLICY);
      t.setX(c.getX() + ClusterLayout.SITE_RADIUS + 3);
      t.setY(c.getY() - ClusterLayout.SITE_RADIUS);
      t.setMouseTransparent(true);
      out.add(t);
    }
    drawReachability(ctx, out);
  }

  /** Lines from the selected container to each probed peer: green allowed, red denied. */
  private static void drawReachability(MarkContext ctx, List<Node> out) {
    Container sel = ctx.selected();
    RunResults run = ctx.results();
    if (sel == null || run == null) {
      return;
    }
    Map<String, int[]> perPeer = new LinkedHashMap<>(); // peer -> {allowed, denied}
    for (ReachabilityCell cell : run.reachability()) {
      if (cell.src().equals(sel.name())) {
        int[] counts = perPeer.computeIfAbsent(cell.dst(), k -> new int[2]);
        counts[cell.allowed() ? 0 : 1]++;
      }
    }
    Point2D from = ctx.layout().container(sel.name());
    for (Map.Entry<String, int[]> e : perPeer.entrySet()) {
      Point2D to = ctx.layout().container(e.getKey());
      if (from == null || to == null || from.distance(to) < 1) {
        continue;
      }
      int[] c = e.getValue();
      Line l = new Line(from.getX(), from.getY(), to.getX(), to.getY());
      l.getStyleClass().add("reach-line");
      l.setStroke(c[1] == 0 ? Palette.ALLOWED : c[0] == 0 ? Palette.DENIED : Color.ORANGE);
      l.setStrokeWidth(1.5);
      l.setOpacity(0.8);
      l.setMouseTransparent(true);
      out.add(l);
    }
  }
}
