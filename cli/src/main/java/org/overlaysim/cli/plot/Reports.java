package org.overlaysim.cli.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.overlaysim.cli.plot.CsvTables.Row;

/**
 * The combined reports at the top of a {@code run} or {@code batch} folder, as the charts need
 * them. Only summary.csv is required; a file or column that is absent leaves its charts out, with a
 * line in {@code skipped} saying so. The time series (timeseries.csv, tcp.csv), which grow with a
 * run's length, are only checked here and read by {@link TimeSeries} when drawn; {@code readable}
 * names those that can be.
 */
record Reports(
    Path dir,
    List<String> sweepKeys,
    List<RunInfo> runs,
    List<Latency> latency,
    List<Throughput> throughput,
    List<Drop> drops,
    Set<String> readable,
    List<Table> tables,
    List<String> skipped) {

  static final String SUMMARY = "summary.csv";
  static final String SUMMARY_CI = "summary-ci.csv";
  static final String LATENCY = "latency.csv";
  static final String THROUGHPUT = "throughput.csv";
  static final String DROPS = "drops.csv";
  static final String LINKS = "links.csv";
  static final String OVERLAYS = "overlays.csv";
  static final String TIMESERIES = "timeseries.csv";
  static final String TCP = "tcp.csv";

  /** A run as summary.csv lists it. */
  record RunInfo(String run, String scenario, int replication, Map<String, String> sweep) {}

  /** latency.csv: a flow's percentiles in milliseconds (NaN where the flow had no sample). */
  record Latency(
      String run,
      String flow,
      String kind,
      double samples,
      double min,
      double p50,
      double p90,
      double p99,
      double max) {}

  /** throughput.csv: a flow's goodput and wire bytes / payload bytes. */
  record Throughput(String run, String flow, double goodputMbps, double overheadRatio) {}

  /** drops.csv: packets dropped for one reason (at one place). */
  record Drop(String run, String reason, double packets) {}

  /** Reads the reports in {@code dir}; refuses a folder without summary.csv. */
  static Reports load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new PlotInputException(dir + ": no such folder of reports");
    }
    List<String> summaryColumns =
        CsvTables.header(dir, SUMMARY)
            .orElseThrow(
                () ->
                    new PlotInputException(
                        dir
                            + ": no reports here (no "
                            + SUMMARY
                            + "); give the folder that 'overlaysim run' or 'batch' wrote"));
    List<String> missing =
        missing(summaryColumns, List.of("run", "scenario", "replication", "events"));
    if (!missing.isEmpty()) {
      throw new PlotInputException(
          dir.resolve(SUMMARY) + ": no column " + String.join(", ", missing));
    }
    // The sweep keys are the columns between replication and events (scenario-format.md).
    List<String> sweepKeys =
        List.copyOf(
            summaryColumns.subList(
                summaryColumns.indexOf("replication") + 1, summaryColumns.indexOf("events")));
    List<RunInfo> runs = new ArrayList<>();
    CsvTables.read(
        dir,
        SUMMARY,
        r -> {
          Map<String, String> sweep = new LinkedHashMap<>();
          sweepKeys.forEach(k -> sweep.put(k, r.text(k)));
          runs.add(
              new RunInfo(r.text("run"), r.text("scenario"), (int) r.number("replication"), sweep));
        });

    Loader loader = new Loader(dir, new TreeSet<>(), new ArrayList<>());
    List<Latency> latency =
        loader.rows(
            LATENCY,
            "latency charts",
            List.of("run", "flow", "kind", "samples", "min_ms", "p50_ms", "p90_ms", "p99_ms"),
            r ->
                new Latency(
                    r.text("run"),
                    r.text("flow"),
                    r.text("kind"),
                    r.number("samples"),
                    r.number("min_ms"),
                    r.number("p50_ms"),
                    r.number("p90_ms"),
                    r.number("p99_ms"),
                    r.number("max_ms")));
    List<Throughput> throughput =
        loader.rows(
            THROUGHPUT,
            "goodput and overhead charts",
            List.of("run", "flow", "goodput_mbps", "overhead_ratio"),
            r ->
                new Throughput(
                    r.text("run"),
                    r.text("flow"),
                    r.number("goodput_mbps"),
                    r.number("overhead_ratio")));
    List<Drop> drops =
        loader.rows(
            DROPS,
            "drop charts",
            List.of("run", "reason", "packets"),
            r -> new Drop(r.text("run"), r.text("reason"), r.number("packets")));
    loader.check(
        TIMESERIES,
        "link utilization and queue charts",
        List.of("run", "direction", "time_s", "utilization", "queue_bytes"));
    loader.check(TCP, "TCP window charts", List.of("run", "flow", "time_s", "cwnd_bytes"));

    List<Table> tables = new ArrayList<>();
    for (String file : List.of(SUMMARY, SUMMARY_CI, THROUGHPUT, LINKS, OVERLAYS)) {
      Table.read(dir, file).ifPresent(tables::add);
    }
    return new Reports(
        dir,
        sweepKeys,
        List.copyOf(runs),
        latency,
        throughput,
        drops,
        Set.copyOf(loader.readable()),
        List.copyOf(tables),
        List.copyOf(loader.skipped()));
  }

  private static List<String> missing(List<String> columns, List<String> needed) {
    return needed.stream().filter(c -> !columns.contains(c)).toList();
  }

  /** Reads the optional files, noting which can be read and why the others cannot. */
  private record Loader(Path dir, Set<String> readable, List<String> skipped) {

    /** Whether {@code file} is there with {@code columns}; if not, a line says so. */
    boolean check(String file, String charts, List<String> columns) throws IOException {
      Optional<List<String>> header = CsvTables.header(dir, file);
      if (header.isEmpty()) {
        skipped.add(file + " is absent: no " + charts);
        return false;
      }
      List<String> missing = missing(header.get(), columns);
      if (!missing.isEmpty()) {
        skipped.add(file + " has no column " + String.join(", ", missing) + ": no " + charts);
        return false;
      }
      if (!CsvTables.hasRows(dir, file)) {
        skipped.add(file + " has no rows: no " + charts);
        return false;
      }
      readable.add(file);
      return true;
    }

    /** The rows of {@code file} as records, none when it cannot be read. */
    <R> List<R> rows(String file, String charts, List<String> columns, Function<Row, R> rowOf)
        throws IOException {
      if (!check(file, charts, columns)) {
        return List.of();
      }
      List<R> rows = new ArrayList<>();
      CsvTables.read(dir, file, r -> rows.add(rowOf.apply(r)));
      return List.copyOf(rows);
    }
  }

  boolean readable(String file) {
    return readable.contains(file);
  }

  /** The run of each id. */
  Map<String, RunInfo> runsById() {
    Map<String, RunInfo> byId = new LinkedHashMap<>();
    runs.forEach(r -> byId.put(r.run(), r));
    return byId;
  }

  boolean severalScenarios() {
    return runs.stream().map(RunInfo::scenario).distinct().count() > 1;
  }

  /**
   * A sweep point as a legend names it: {@code encapsulation=vxlan, mtu=1500} for the given keys
   * (the last part of each key), led by the scenario when the folder holds several.
   */
  String label(RunInfo run, List<String> keys) {
    List<String> parts = new ArrayList<>();
    if (severalScenarios()) {
      parts.add(run.scenario());
    }
    for (String key : keys) {
      String value = run.sweep().getOrDefault(key, "");
      if (!value.isEmpty()) {
        parts.add(shortKey(key) + "=" + value);
      }
    }
    return String.join(", ", parts);
  }

  /** The last part of a sweep key ({@code mtu} of {@code underlay.defaults.mtu}), if unique. */
  String shortKey(String key) {
    String last = key.substring(key.lastIndexOf('.') + 1);
    long same =
        sweepKeys.stream().filter(k -> k.substring(k.lastIndexOf('.') + 1).equals(last)).count();
    return same > 1 ? key : last;
  }

  /** Whether some sweep point ran more than once (replications), so that intervals exist. */
  boolean replicated() {
    return runs.stream().map(r -> r.scenario() + "\n" + r.sweep()).distinct().count() < runs.size();
  }
}
