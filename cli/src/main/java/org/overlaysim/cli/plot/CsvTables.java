package org.overlaysim.cli.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the CSV reports (RFC 4180, one header row) with Jackson's CSV module, a row at a time: a
 * time series of a long run need not fit in memory.
 */
final class CsvTables {
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  private CsvTables() {}

  /** A row of a report, its cells read by the header's names. */
  record Row(String file, List<String> columns, List<String> cells, long line) {

    String text(String column) {
      int i = columns.indexOf(column);
      return i < 0 || i >= cells.size() ? "" : cells.get(i);
    }

    /** A number cell; an empty cell is NaN (no value), anything else not a number is bad input. */
    double number(String column) {
      String cell = text(column).strip();
      if (cell.isEmpty()) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        throw new PlotInputException(
            file + ": line " + line + ", column " + column + ": '" + cell + "' is not a number");
      }
    }
  }

  /** The header of {@code dir/file}, or empty when there is no such file. */
  static Optional<List<String>> header(Path dir, String file) throws IOException {
    if (!Files.isRegularFile(dir.resolve(file))) {
      return Optional.empty();
    }
    return Optional.of(read(dir, file, 0, row -> {}));
  }

  /**
   * Whether {@code dir/file} has a row after its header (a report with nothing to report has not).
   */
  static boolean hasRows(Path dir, String file) throws IOException {
    boolean[] any = {false};
    read(dir, file, 1, row -> any[0] = true);
    return any[0];
  }

  /** Calls {@code each} with every row of {@code dir/file} after the header; returns the header. */
  static List<String> read(Path dir, String file, Consumer<Row> each) throws IOException {
    return read(dir, file, Long.MAX_VALUE, each);
  }

  private static List<String> read(Path dir, String file, long rows, Consumer<Row> each)
      throws IOException {
    Path path = dir.resolve(file);
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(path.toFile())) {
      if (!it.hasNext()) {
        throw new PlotInputException(path + ": empty, no header row");
      }
      List<String> columns = List.of(it.next());
      for (long line = 2; line - 2 < rows && it.hasNext(); line++) {
        each.accept(new Row(file, columns, Arrays.asList(it.next()), line));
      }
      return columns;
    } catch (JsonProcessingException | RuntimeJsonMappingException e) {
      throw new PlotInputException(
          path
              + ": not a readable CSV file ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
    }
  }
}
