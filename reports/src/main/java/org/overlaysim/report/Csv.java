package org.overlaysim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CSV lines as every report writes them, the simulator's and the emulator's: Jackson's CSV module
 * with RFC 4180 quoting (a cell is quoted only when it holds a comma, a double quote, CR or LF;
 * {@code STRICT_CHECK_FOR_QUOTING}, so that the files stay byte-identical to the fingerprint pins),
 * LF line ends, fixed decimals, empty for no value.
 */
public final class Csv {
  private static final ObjectWriter LINE =
      CsvMapper.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .build()
          .writer(CsvSchema.emptySchema().withLineSeparator("\n"));

  private Csv() {}

  /** One line: the cells, quoted where they must be, and a line feed. */
  public static String line(List<String> cells) {
    try {
      return LINE.writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a list of strings always serializes
    }
  }

  public static String line(String... cells) {
    return line(Arrays.asList(cells));
  }

  /** Six decimals, locale-independent; NaN (no value) as an empty cell. */
  public static String decimal(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
  }
}
