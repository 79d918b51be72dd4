package org.overlaysim.cli.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A report as index.html shows it: its header, its first rows, and how many rows it has. */
record Table(String file, List<String> columns, List<List<String>> firstRows, long rows) {

  /** Rows of a table shown on the page; the CSV file beside the reports has them all. */
  static final int SHOWN = 100;

  static Optional<Table> read(Path dir, String file) throws IOException {
    if (CsvTables.header(dir, file).isEmpty()) {
      return Optional.empty();
    }
    List<List<String>> first = new ArrayList<>();
    long[] rows = {0};
    List<String> columns =
        CsvTables.read(
            dir,
            file,
            row -> {
              if (rows[0]++ < SHOWN) {
                first.add(row.cells());
              }
            });
    return Optional.of(new Table(file, columns, List.copyOf(first), rows[0]));
  }
}
