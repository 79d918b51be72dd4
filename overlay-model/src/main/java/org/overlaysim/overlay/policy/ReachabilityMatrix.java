package org.overlaysim.overlay.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.ProbePort;

/**
 * The full reachability matrix of one probe port, one character per cell, for printing in a
 * terminal: rows are sources, columns destinations, both in scenario order.
 */
public final class ReachabilityMatrix {
  public static final char ALLOWED = '.';
  public static final char POLICY_DENY = 'x';
  public static final char ACL_DENY = 'a';
  public static final char VNI_MISMATCH = 'v';
  public static final char SELF = '-';
  public static final String LEGEND =
      ". allowed  x policy-deny  a acl-deny  v vni-mismatch  - self";

  private final List<String> names;
  private final ProbePort port;
  private final char[][] cells;

  private ReachabilityMatrix(List<String> names, ProbePort port, char[][] cells) {
    this.names = names;
    this.port = port;
    this.cells = cells;
  }

  public static ReachabilityMatrix of(Reachability reachability, ProbePort port) {
    List<Container> containers = reachability.containers();
    int n = containers.size();
    List<String> names = new ArrayList<>(n);
    char[][] cells = new char[n][n];
    for (int src = 0; src < n; src++) {
      names.add(containers.get(src).name());
      for (int dst = 0; dst < n; dst++) {
        cells[src][dst] = src == dst ? SELF : symbol(reachability.check(src, dst, port));
      }
    }
    return new ReachabilityMatrix(Collections.unmodifiableList(names), port, cells);
  }

  /** The cell character of a verdict. */
  public static char symbol(Verdict verdict) {
    return switch (verdict.reason()) {
      case POLICY_DENY -> POLICY_DENY;
      case ACL_DENY -> ACL_DENY;
      case VNI_MISMATCH -> VNI_MISMATCH;
      default -> ALLOWED;
    };
  }

  public List<String> names() {
    return names;
  }

  public ProbePort port() {
    return port;
  }

  public char cell(int src, int dst) {
    return cells[src][dst];
  }

  /** Row {@code src} as a string of cells. */
  public String row(int src) {
    return new String(cells[src]);
  }

  /**
   * The matrix as text: a title line with the legend, the column numbers written top to bottom,
   * then one line per source: its number, its name and its cells.
   */
  public String render() {
    int n = names.size();
    int digits = Integer.toString(Math.max(0, n - 1)).length();
    int nameWidth = 0;
    for (String name : names) {
      nameWidth = Math.max(nameWidth, name.length());
    }
    String indent = " ".repeat(digits + 1 + nameWidth + 1);
    StringBuilder out = new StringBuilder();
    out.append(port.protocol()).append('/').append(port.port());
    out.append("  (rows: sources, columns: destinations; ").append(LEGEND).append(")\n");
    for (int d = digits - 1; d >= 0; d--) {
      out.append(indent);
      int scale = (int) Math.pow(10, d);
      for (int col = 0; col < n; col++) {
        out.append(col >= scale || (d == 0) ? (char) ('0' + (col / scale) % 10) : ' ');
      }
      out.append('\n');
    }
    for (int src = 0; src < n; src++) {
      String number = Integer.toString(src);
      out.append(" ".repeat(digits - number.length())).append(number).append(' ');
      out.append(names.get(src)).append(" ".repeat(nameWidth - names.get(src).length() + 1));
      out.append(cells[src]).append('\n');
    }
    return out.toString();
  }

  /** The matrices of every port of the probe, one after the other, separated by a blank line. */
  public static String renderAll(Reachability reachability, List<ProbePort> ports) {
    StringBuilder out = new StringBuilder();
    for (ProbePort port : ports) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(of(reachability, port).render());
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
