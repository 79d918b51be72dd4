package org.overlaysim.cli.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.data.xy.XYSeries;

/**
 * One figure over time from timeseries.csv or tcp.csv, which grow with the run's length and the
 * links or flows it has. The file is read twice, so that only what is drawn is kept: the first pass
 * finds each line's peak, the second keeps the points of the {@link ChartStyle#MAX_SERIES} highest
 * lines of each of the first {@link #MAX_RUNS} runs.
 */
final class TimeSeries {
  /** Runs beyond this many get no chart of their own (a sweep of hundreds of points). */
  static final int MAX_RUNS = 8;

  /** Which column of which file: lines per {@code entity} (a link direction, a flow). */
  record Figure(String file, String entity, String value, double scale) {}

  /** A run's lines, highest peak first, and how many it had in all. */
  record RunLines(String run, List<XYSeries> lines, int entities) {}

  /** The runs drawn, and how many the file has. */
  record Read(List<RunLines> runs, int runsInFile) {}

  private TimeSeries() {}

  static Read read(Path dir, Figure figure) throws IOException {
    Set<String> runs = new LinkedHashSet<>();
    Map<String, Map<String, Double>> peaks = new LinkedHashMap<>();
    CsvTables.read(
        dir,
        figure.file(),
        row -> {
          String run = row.text("run");
          runs.add(run);
          String entity = row.text(figure.entity());
          double value = row.number(figure.value());
          if (runs.size() <= MAX_RUNS && !entity.isEmpty() && !Double.isNaN(value)) {
            peaks.computeIfAbsent(run, r -> new LinkedHashMap<>()).merge(entity, value, Math::max);
          }
        });
    Map<String, Map<String, XYSeries>> kept = new LinkedHashMap<>();
    peaks.forEach(
        (run, byEntity) -> {
          Map<String, XYSeries> lines = new LinkedHashMap<>();
          byEntity.entrySet().stream()
              .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
              .limit(ChartStyle.MAX_SERIES)
              .forEach(e -> lines.put(e.getKey(), new XYSeries(e.getKey(), false, true)));
          kept.put(run, lines);
        });
    CsvTables.read(
        dir,
        figure.file(),
        row -> {
          XYSeries line =
              kept.getOrDefault(row.text("run"), Map.of()).get(row.text(figure.entity()));
          double value = row.number(figure.value());
          if (line != null && !Double.isNaN(value)) {
            line.add(row.number("time_s"), value * figure.scale());
          }
        });
    List<RunLines> drawn = new ArrayList<>();
    kept.forEach(
        (run, lines) ->
            drawn.add(new RunLines(run, List.copyOf(lines.values()), peaks.get(run).size())));
    return new Read(drawn, runs.size());
  }
}
