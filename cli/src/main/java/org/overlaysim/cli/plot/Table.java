package org.overlaysim.cli.plot;

import java.util.List;

/** One CSV report as read: its file name, header and rows of cells (empty for no value). */
record Table(String file, List<String> columns, List<List<String>> rows) {

  /** The names among {@code names} that the header lacks, for a "skipped" line. */
  List<String> missing(String... names) {
    return List.of(names).stream().filter(n -> !columns.contains(n)).toList();
  }

  String text(List<String> row, String column) {
    int i = columns.indexOf(column);
    return i < 0 || i >= row.size() ? "" : row.get(i);
  }

  /** A number cell; an empty cell is NaN (no value), anything else not a number is bad input. */
  double number(List<String> row, String column) {
    String cell = text(row, column).strip();
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new PlotInputException(
          file
              + ": line "
              + (rows.indexOf(row) + 2)
              + ", column "
              + column
              + ": '"
              + cell
              + "' is not a number");
    }
  }
}
