package org.overlaysim.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;

/**
 * One look for every chart, fixed so that the same reports draw the same files: the logical font
 * SansSerif (no font picked by name from what a machine happens to have), antialiasing on, a white
 * background with grey grid lines.
 */
final class ChartStyle {
  static final int WIDTH = 900;
  static final int HEIGHT = 520;

  /** Series beyond this many in one chart are left out, and the chart's caption says so. */
  static final int MAX_SERIES = 12;

  private static final String FONT = Font.SANS_SERIF;
  private static final StandardChartTheme THEME = theme();

  static {
    // JFreeChart draws rotated text as glyph outlines by default, a workaround for a Java 1.4 bug:
    // as text, an SVG stays small and its labels stay searchable.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartStyle() {}

  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("overlaysim", false);
    theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 18));
    theme.setLargeFont(new Font(FONT, Font.BOLD, 14));
    theme.setRegularFont(new Font(FONT, Font.PLAIN, 12));
    theme.setSmallFont(new Font(FONT, Font.PLAIN, 10));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(Color.LIGHT_GRAY);
    theme.setRangeGridlinePaint(Color.LIGHT_GRAY);
    theme.setLegendBackgroundPaint(Color.WHITE);
    return theme;
  }

  /**
   * Applies the look to a chart made by a ChartFactory, and puts {@code subtitle} under its title.
   */
  static JFreeChart styled(JFreeChart chart, String subtitle) {
    THEME.apply(chart);
    if (!subtitle.isEmpty()) {
      chart.addSubtitle(new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 12)));
    }
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    chart.setElementHinting(false);
    Plot plot = chart.getPlot();
    plot.setOutlinePaint(Color.GRAY);
    return chart;
  }

  /** A solid line of the given width. */
  static BasicStroke line(float width) {
    return new BasicStroke(width);
  }
}
