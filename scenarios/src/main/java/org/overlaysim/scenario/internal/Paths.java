package org.overlaysim.scenario.internal;

/** YAML path strings: {@code underlay.links[2].mtu}. */
public final class Paths {
  private Paths() {}

  public static String field(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  public static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
