package org.overlaysim.emulation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.report.Csv;

class CsvTableTest {
  @Test
  void readsBackWhatTheReportsWriteQuotedCellsIncluded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(
        file, Csv.line("run", "note") + Csv.line("r1", "a,b \"c\"\r\nd") + Csv.line("r2", ""));
    CsvTable table = CsvTable.read(file);
    assertThat(table.header()).containsExactly("run", "note");
    assertThat(table.rows())
        .containsExactly(
            Map.of("run", "r1", "note", "a,b \"c\"\r\nd"), Map.of("run", "r2", "note", ""));
    assertThat(CsvTable.parse("a,b\n")).isEqualTo(List.of(List.of("a", "b")));
  }
}
