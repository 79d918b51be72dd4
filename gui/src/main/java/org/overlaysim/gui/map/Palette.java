package org.overlaysim.gui.map;

import javafx.scene.paint.Color;

/** The map's colours: overlays by index, links by utilization. */
public final class Palette {
  /** Distinct, colour-blind friendly hues (Okabe-Ito, then Tableau). */
  private static final Color[] OVERLAYS = {
    Color.web("#0072B2"),
    Color.web("#E69F00"),
    Color.web("#009E73"),
    Color.web("#CC79A7"),
    Color.web("#D55E00"),
    Color.web("#56B4E9"),
    Color.web("#8c564b"),
    Color.web("#7f7f7f"),
    Color.web("#bcbd22"),
    Color.web("#17becf"),
  };

  public static final Color LAND = Color.web("#e4e0d2");
  public static final Color SEA = Color.web("#cfe3f0");
  public static final Color LINK_IDLE = Color.web("#3a4a5c");
  public static final Color SITE = Color.web("#1b2838");
  public static final Color HOST = Color.web("#4b5d73");
  public static final Color POLICY = Color.web("#b8002e");
  public static final Color ALLOWED = Color.web("#1a9641");
  public static final Color DENIED = Color.web("#d7191c");

  /** The links of the path between two containers the details pane shows. */
  public static final Color PATH = Color.web("#ff8c00");

  private Palette() {}

  public static Color overlay(int index) {
    return OVERLAYS[Math.floorMod(index, OVERLAYS.length)];
  }

  /** Green at 0, yellow at 0.5, red at 1 (a traffic-light scale). */
  public static Color utilization(double u) {
    double x = Math.max(0, Math.min(1, u));
    Color green = Color.web("#1a9641");
    Color yellow = Color.web("#f2c500");
    Color red = Color.web("#d7191c");
    return x < 0.5 ? green.interpolate(yellow, x * 2) : yellow.interpolate(red, (x - 0.5) * 2);
  }

  /** Stroke width of an underlay link: grows with the logarithm of its bandwidth. */
  public static double linkWidth(long bandwidthBps) {
    double w = 1.0 + 1.2 * Math.log10(Math.max(bandwidthBps, 1) / 1e8);
    return Math.max(1.0, Math.min(7.0, w));
  }
}
