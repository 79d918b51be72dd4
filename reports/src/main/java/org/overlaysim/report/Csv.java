package org.overlaysim.report;

import java.util.List;
import java.util.Locale;

/** CSV cells as the reports write them: RFC 4180 quoting, fixed decimals, empty for no value. */
final class Csv {
  private Csv() {}

  static String line(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(quote(cells.get(i)));
    }
    return line.append('\n').toString();
  }

  static String quote(String cell) {
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }

  /** Six decimals, locale-independent; NaN (no value) as an empty cell. */
  static String decimal(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
  }
}
