package org.overlaysim.gui.map;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.shape.Line;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.topology.LinkDelay;

/**
 * A link's label on the map: the one-way delay the simulator uses (topology's {@link LinkDelay})
 * and, after a run, its utilization.
 */
final class LinkLabels {
  private LinkLabels() {}

  /** Short text for a delay: {@code 15.1 ms}, {@code 850 µs}. */
  static String delayText(long ns) {
    if (ns >= 10_000_000) {
      return String.format(Locale.ROOT, "%.0f ms", ns / 1e6);
    }
    if (ns >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }
    return String.format(Locale.ROOT, "%.0f µs", ns / 1e3);
  }

  /**
   * The label of the {@code nth} of {@code count} parallel links, beside its line; parallel links'
   * labels stand apart along the lines.
   *
   * @param utilization shown after a run, else negative
   */
  static Node label(
      LinkSpec l, Line line, LinkDelay delay, double utilization, int nth, int count) {
    String text = delayText(delay.ns());
    if (utilization >= 0) {
      // A busy link in whole percent; a nearly idle one still shows it carried something.
      if (utilization > 0 && utilization < 0.0005) {
        text += " · <0.1%";
      } else {
        String format = utilization < 0.01 ? " · %.1f%%" : " · %.0f%%";
        text += String.format(Locale.ROOT, format, utilization * 100);
      }
    }
    Text t = Marks.haloText(text, 10, FontWeight.NORMAL);
    t.setId("link-label-" + l.name());
    t.getStyleClass().add("link-label");
    double at = 0.5 + 0.14 * (nth - (count - 1) / 2.0);
    double x = line.getStartX() + (line.getEndX() - line.getStartX()) * at;
    double y = line.getStartY() + (line.getEndY() - line.getStartY()) * at;
    t.setX(x - t.getLayoutBounds().getWidth() / 2);
    t.setY(y - 5);
    t.setMouseTransparent(true);
    // The map slides it along the line to a free place (NameLabels).
    t.getProperties()
        .put(
            NameLabels.ALONG,
            new double[] {line.getStartX(), line.getStartY(), line.getEndX(), line.getEndY()});
    return t;
  }
}
