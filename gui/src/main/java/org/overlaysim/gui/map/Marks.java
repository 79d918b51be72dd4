package org.overlaysim.gui.map;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.shape.StrokeType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Small drawing helpers shared by the map's mark builders. */
final class Marks {
  private Marks() {}

  /**
   * A tooltip made on first hover: creating a Tooltip per mark up front costs more than drawing a
   * large scenario.
   */
  static void tip(Node node, java.util.function.Supplier<String> text) {
    node.addEventHandler(
        MouseEvent.MOUSE_ENTERED,
        e -> {
          if (!node.getProperties().containsKey("overlaysim.tip")) {
            Tooltip t = new Tooltip(text.get());
            node.getProperties().put("overlaysim.tip", t);
            Tooltip.install(node, t);
          }
        });
  }

  static Text haloText(String s, double size, FontWeight weight) {
    Text t = new Text(s);
    t.setFont(Font.font("System", weight, size));
    t.setFill(Palette.SITE);
    t.setStroke(Color.rgb(255, 255, 255, 0.85));
    t.setStrokeWidth(3);
    t.setStrokeType(StrokeType.OUTSIDE);
    // Round joins: mitred ones spike out of sharp glyphs (M, ⇄) as white needles.
    t.setStrokeLineJoin(StrokeLineJoin.ROUND);
    return t;
  }

  static Line offsetLine(Point2D a, Point2D b, double offset) {
    double dx = b.getX() - a.getX();
    double dy = b.getY() - a.getY();
    double len = Math.hypot(dx, dy);
    double nx = len == 0 ? 0 : -dy / len * offset;
    double ny = len == 0 ? 0 : dx / len * offset;
    return new Line(a.getX() + nx, a.getY() + ny, b.getX() + nx, b.getY() + ny);
  }
}
