package org.overlaysim.gui.map;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Overlay;
import org.overlaysim.scenario.Site;

/**
 * Sites as discs with their name (a closed one with its host count), and for an open site its hosts
 * (squares) and containers (dots in their overlay's colour). Clicking a site opens or closes it;
 * clicking a container selects it.
 */
final class SiteMarks {
  private SiteMarks() {}

  static void draw(MarkContext ctx, List<Node> out) {
    Container sel = ctx.selected();
    int halos = 0;
    for (Site s : ctx.index().scenario().sites()) {
      Point2D c = ctx.layout().site(s.name());
      List<Host> hosts = ctx.index().hostsAt(s.name());
      boolean open = ctx.layout().isOpen(s.name());
      if (open && !hosts.isEmpty()) {
        Circle halo = new Circle(c.getX(), c.getY(), ctx.layout().clusterRadius(s.name()));
        halo.setId("cluster-" + s.name());
        halo.getStyleClass().add("site-cluster");
        halo.setFill(Color.rgb(255, 255, 255, 0.3));
        halo.setStroke(Color.rgb(27, 40, 56, 0.35));
        halo.getStrokeDashArray().setAll(4.0, 4.0);
        halo.setMouseTransparent(true);
        out.add(0, halo);
        halos++;
        Point2D t = ctx.layout().trueSite(s.name());
        if (t.distance(c) > 1) {
          // The cluster stands aside to leave room for its neighbours: a leader line and a pin
          // keep its true place.
          Line leader = new Line(c.getX(), c.getY(), t.getX(), t.getY());
          leader.getStyleClass().add("leader-line");
          leader.setStroke(Palette.SITE);
          leader.setStrokeWidth(1.2);
          leader.getStrokeDashArray().setAll(2.0, 3.0);
          leader.setMouseTransparent(true);
          Circle pin = new Circle(t.getX(), t.getY(), 3.5);
          pin.setId("pin-" + s.name());
          pin.getStyleClass().add("site-pin");
          pin.setFill(Color.WHITE);
          pin.setStroke(Palette.SITE);
          pin.setStrokeWidth(1.5);
          pin.setMouseTransparent(true);
          out.add(leader);
          out.add(pin);
        }
      }
      Group siteNode = new Group();
      siteNode.getStyleClass().add("site");
      // A closed site shows its host count inside: the disc grows with the digits.
      String count = String.valueOf(hosts.size());
      double radius =
          open || hosts.isEmpty()
              ? ClusterLayout.SITE_RADIUS
              : ClusterLayout.SITE_RADIUS + 3 * (count.length() - 1);
      Circle dot = new Circle(c.getX(), c.getY(), radius);
      dot.setId("site-" + s.name());
      dot.getStyleClass().add("site-dot");
      dot.setFill(Palette.SITE);
      dot.setStroke(Color.WHITE);
      dot.setStrokeWidth(2);
      siteNode.getChildren().add(dot);
      if (!open && !hosts.isEmpty()) {
        Text n = new Text(count);
        n.setFont(Font.font("System", FontWeight.BOLD, 9));
        n.setFill(Color.WHITE);
        n.setX(c.getX() - n.getLayoutBounds().getWidth() / 2);
        n.setY(c.getY() + 3);
        n.setMouseTransparent(true);
        siteNode.getChildren().add(n);
      }
      Text name = Marks.haloText(s.name(), 13, FontWeight.BOLD);
      name.setX(c.getX() - name.getLayoutBounds().getWidth() / 2);
      name.setY(c.getY() + radius + 15);
      name.setMouseTransparent(true);
      siteNode.getChildren().add(name);
      siteNode.setOnMouseClicked(
          e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
              ctx.toggleSite().accept(s.name());
              e.consume();
            }
          });
      Marks.tip(
          siteNode,
          () ->
              (String.format(
                  Locale.ROOT,
                  "%s (%.4f, %.4f)%n%d hosts — click to %s",
                  s.name(),
                  s.location().lat(),
                  s.location().lon(),
                  hosts.size(),
                  open ? "collapse" : "expand")));
      out.add(siteNode);

      if (!open) {
        continue;
      }
      if (ctx.layout().isAggregated()) {
        drawOpenedHosts(ctx, hosts, sel, out);
        continue;
      }
      for (Host h : hosts) {
        out.add(hostNode(ctx, h));
        for (Container ct : ctx.index().containersOn(h.name())) {
          out.add(containerNode(ctx, ct, sel));
        }
      }
    }
    if (ctx.layout().isAggregated()) {
      // Above the halos, below the sites' names and the opened hosts.
      out.add(halos, HostCounts.draw(ctx));
    }
  }

  /**
   * The containers of the hosts the user opened on an aggregated map, drawn above the host counts
   * (which spread over them) on a backing disc, around the host drawn again.
   */
  private static void drawOpenedHosts(
      MarkContext ctx, List<Host> hosts, Container sel, List<Node> out) {
    for (Host h : hosts) {
      if (!ctx.layout().showsContainers(h)) {
        continue;
      }
      Point2D hp = ctx.layout().host(h.name());
      int n = ctx.index().containersOn(h.name()).size();
      Circle backing = new Circle(hp.getX(), hp.getY(), ClusterLayout.hostReach(n) + 3);
      backing.setFill(Color.rgb(255, 255, 255, 0.85));
      backing.setStroke(Palette.HOST);
      backing.setMouseTransparent(true);
      out.add(backing);
      Rectangle box = hostNode(ctx, h);
      box.setStroke(Color.BLACK);
      toggleOnClick(ctx, box, h);
      out.add(box);
      for (Container ct : ctx.index().containersOn(h.name())) {
        out.add(containerNode(ctx, ct, sel));
      }
    }
  }

  private static void toggleOnClick(MarkContext ctx, Node node, Host h) {
    node.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            ctx.toggleHost().accept(h.name());
            e.consume();
          }
        });
  }

  private static Rectangle hostNode(MarkContext ctx, Host h) {
    Point2D hp = ctx.layout().host(h.name());
    double size = ClusterLayout.HOST_SIZE;
    Rectangle box = new Rectangle(hp.getX() - size / 2, hp.getY() - size / 2, size, size);
    box.setId("host-" + h.name());
    box.getStyleClass().add("host");
    box.setArcWidth(3);
    box.setArcHeight(3);
    box.setFill(Palette.HOST);
    box.setStroke(Color.WHITE);
    if (ctx.layout().isAggregated()) {
      // Only an opened host has a node on an aggregated map.
      int n = ctx.index().containersOn(h.name()).size();
      Marks.tip(box, () -> HostCounts.tipText(h, n, true));
    } else {
      Marks.tip(box, () -> ("host " + h.name() + "\nVTEP " + h.ip() + "\nrouter " + h.router()));
    }
    return box;
  }

  private static Node containerNode(MarkContext ctx, Container ct, Container sel) {
    Point2D p = ctx.layout().container(ct.name());
    Circle dot = new Circle(p.getX(), p.getY(), ClusterLayout.CONTAINER_RADIUS);
    dot.setId("container-" + ct.name());
    dot.getStyleClass().add("container");
    boolean coloured = ctx.overlaysColoured();
    dot.setFill(coloured ? Palette.overlay(ctx.index().overlayIndex(ct.overlay())) : Color.GREY);
    boolean isSelected = sel != null && sel.name().equals(ct.name());
    dot.setStroke(isSelected ? Color.BLACK : Color.WHITE);
    dot.setStrokeWidth(isSelected ? 2.5 : 1);
    Overlay o = ctx.index().overlay(ct.overlay());
    Marks.tip(
        dot,
        () ->
            (ct.name()
                + "  "
                + ct.ip()
                + "\noverlay "
                + ct.overlay()
                + (o == null ? "" : " (VNI " + o.vni() + ")")
                + "\nnamespace "
                + ct.namespace()));
    dot.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            ctx.select().accept(ct);
            e.consume();
          }
        });
    return dot;
  }
}
