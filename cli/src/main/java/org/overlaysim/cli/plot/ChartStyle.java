package org.overlaysim.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
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

  /**
   * One colour per series, {@link #MAX_SERIES} of them, all dark enough on white (JFreeChart's own
   * sequence has pale yellow and pink): matplotlib's ten, then black and a light blue.
   */
  private static final Paint[] PALETTE =
      Stream.of(
              0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
              0xbcbd22, 0x17becf, 0x000000, 0xaec7e8)
          .map(Color::new)
          .toArray(Paint[]::new);

  private static final StandardChartTheme THEME = theme();

  /**
   * Tick steps 1, 2, 5 × 10^k, each labelled with as many decimals as it needs, in one locale
   * whatever the machine's (9,500 and 0.25 everywhere, never 9.500 or 0,25).
   */
  private static final TickUnits TICK_UNITS = tickUnits();

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
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            PALETTE,
            DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
            DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
    return theme;
  }

  private static TickUnits tickUnits() {
    TickUnits units = new TickUnits();
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    for (int exponent = -9; exponent <= 12; exponent++) {
      String pattern = exponent >= 0 ? "#,##0" : "0." + "0".repeat(-exponent);
      for (int step : new int[] {1, 2, 5}) {
        units.add(
            new NumberTickUnit(step * Math.pow(10, exponent), new DecimalFormat(pattern, symbols)));
      }
    }
    return units;
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
    List<ValueAxis> axes =
        plot instanceof XYPlot xy
            ? List.of(xy.getDomainAxis(), xy.getRangeAxis())
            : List.of(((CategoryPlot) plot).getRangeAxis());
    for (ValueAxis axis : axes) {
      axis.setStandardTickUnits(TICK_UNITS);
    }
    return chart;
  }

  /** A solid line of the given width. */
  static BasicStroke line(float width) {
    return new BasicStroke(width);
  }
}
