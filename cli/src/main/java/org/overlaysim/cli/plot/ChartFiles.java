package org.overlaysim.cli.plot;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as {@code name.png} and {@code name.svg}, both {@link ChartStyle}'s size. */
final class ChartFiles {
  private ChartFiles() {}

  static void write(Chart chart, Path dir) throws IOException {
    try (OutputStream png = Files.newOutputStream(dir.resolve(chart.name() + ".png"))) {
      ChartUtils.writeChartAsPNG(png, chart.chart(), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }
    SVGGraphics2D svg = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
    // JFreeSVG prefixes its ids with the clock unless told otherwise: the file's name keeps them
    // the same from one plot to the next (and unique within a page that inlines several charts).
    svg.setDefsKeyPrefix(chart.name() + "-");
    chart.chart().draw(svg, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
    Files.writeString(
        dir.resolve(chart.name() + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
  }
}
