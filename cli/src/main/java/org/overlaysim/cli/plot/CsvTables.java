package org.overlaysim.cli.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the CSV reports (RFC 4180, one header row) with Jackson's CSV module. */
final class CsvTables {
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  private CsvTables() {}

  /** The table in {@code dir/file}, or empty when there is no such file. */
  static Optional<Table> read(Path dir, String file) throws IOException {
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    List<List<String>> lines = new ArrayList<>();
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(path.toFile())) {
      while (it.hasNext()) {
        lines.add(Arrays.asList(it.next()));
      }
    } catch (JsonProcessingException | RuntimeJsonMappingException e) {
      throw new PlotInputException(
          path
              + ": not a readable CSV file ("
              + e.getMessage().lines().findFirst().orElse("")
              + ")");
    }
    if (lines.isEmpty()) {
      throw new PlotInputException(path + ": empty, no header row");
    }
    return Optional.of(
        new Table(file, List.copyOf(lines.get(0)), List.copyOf(lines.subList(1, lines.size()))));
  }
}
