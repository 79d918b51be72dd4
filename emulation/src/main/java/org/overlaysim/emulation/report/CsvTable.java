package org.overlaysim.emulation.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report CSV read back: header names and rows as maps (RFC 4180 quoting understood). */
public record CsvTable(List<String> header, List<Map<String, String>> rows) {
  private static final ObjectReader RECORDS =
      new CsvMapper()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .readerFor(new TypeReference<List<String>>() {});

  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  public static CsvTable read(Path file) throws IOException {
    List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
    if (records.isEmpty()) {
      throw new IOException(file + ": empty, no header row");
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> cells = records.get(r);
      if (cells.size() == 1 && cells.get(0).isEmpty()) {
        continue;
      }
      if (cells.size() != header.size()) {
        throw new IOException(
            file
                + ": row "
                + (r + 1)
                + " has "
                + cells.size()
                + " cells, the header "
                + header.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), cells.get(c));
      }
      rows.add(row);
    }
    return new CsvTable(header, rows);
  }

  /** Requires the named columns, naming the file and the first one missing. */
  public CsvTable require(Path file, String... columns) throws IOException {
    for (String column : columns) {
      if (!header.contains(column)) {
        throw new IOException(file + ": no column '" + column + "'");
      }
    }
    return this;
  }

  /** Jackson's CSV reader (RFC 4180 quoting), one list of cells per record. */
  static List<List<String>> parse(String text) throws IOException {
    try (MappingIterator<List<String>> records = RECORDS.readValues(text)) {
      return records.readAll();
    }
  }
}
