package org.overlaysim.cli.plot;

import org.jfree.chart.JFreeChart;

/**
 * One chart to write: {@code name}.png and {@code name}.svg, shown in index.html with a caption.
 */
record Chart(String name, String caption, JFreeChart chart) {}
