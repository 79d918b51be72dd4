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
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The combined reports at the top of a {@code run} or {@code batch} folder, as the charts need
 * them. Only summary.csv is required; a file or column that is absent leaves its charts out, with a
 * line in {@code skipped} saying so. {@code files} names the optional files that were read.
 */
record Reports(
    List<String> sweepKeys,
    List<RunInfo> runs,
    List<Latency> latency,
    List<Throughput> throughput,
    List<Drop> drops,
    List<LinkSample> linkSamples,
    List<TcpSample> tcp,
    List<Table> tables,
    Set<String> files,
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

  /** timeseries.csv, a link direction's row: its utilization and queue over one interval. */
  record LinkSample(
      String run, String direction, double timeS, double utilization, double queueBytes) {}

  /** tcp.csv: a TCP sender's congestion window at one moment. */
  record TcpSample(String run, String flow, double timeS, double cwndBytes) {}

  /** Reads the reports in {@code dir}; refuses a folder without summary.csv. */
  static Reports load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new PlotInputException(dir + ": no such folder of reports");
    }
    Table summary =
        CsvTables.read(dir, SUMMARY)
            .orElseThrow(
                () ->
                    new PlotInputException(
                        dir
                            + ": no reports here (no "
                            + SUMMARY
                            + "); give the folder that 'overlaysim run' or 'batch' wrote"));
    List<String> missingSummary = summary.missing("run", "scenario", "replication", "events");
    if (!missingSummary.isEmpty()) {
      throw new PlotInputException(
          dir.resolve(SUMMARY) + ": no column " + String.join(", ", missingSummary));
    }
    // The sweep keys are the columns between replication and events (scenario-format.md).
    List<String> sweepKeys =
        summary
            .columns()
            .subList(
                summary.columns().indexOf("replication") + 1, summary.columns().indexOf("events"));
    List<RunInfo> runs = new ArrayList<>();
    for (List<String> row : summary.rows()) {
      Map<String, String> sweep = new LinkedHashMap<>();
      sweepKeys.forEach(k -> sweep.put(k, summary.text(row, k)));
      runs.add(
          new RunInfo(
              summary.text(row, "run"),
              summary.text(row, "scenario"),
              (int) summary.number(row, "replication"),
              sweep));
    }

    List<String> skipped = new ArrayList<>();
    Set<String> files = new TreeSet<>();
    Loader loader = new Loader(dir, files, skipped);
    List<Latency> latency =
        loader.rows(
            LATENCY,
            "latency charts",
            List.of("run", "flow", "kind", "samples", "min_ms", "p50_ms", "p90_ms", "p99_ms"),
            (t, r) ->
                new Latency(
                    t.text(r, "run"),
                    t.text(r, "flow"),
                    t.text(r, "kind"),
                    t.number(r, "samples"),
                    t.number(r, "min_ms"),
                    t.number(r, "p50_ms"),
                    t.number(r, "p90_ms"),
                    t.number(r, "p99_ms"),
                    t.number(r, "max_ms")));
    List<Throughput> throughput =
        loader.rows(
            THROUGHPUT,
            "goodput and overhead charts",
            List.of("run", "flow", "goodput_mbps", "overhead_ratio"),
            (t, r) ->
                new Throughput(
                    t.text(r, "run"),
                    t.text(r, "flow"),
                    t.number(r, "goodput_mbps"),
                    t.number(r, "overhead_ratio")));
    List<Drop> drops =
        loader.rows(
            DROPS,
            "drop charts",
            List.of("run", "reason", "packets"),
            (t, r) -> new Drop(t.text(r, "run"), t.text(r, "reason"), t.number(r, "packets")));
    // Rows of timeseries.csv that name a link direction; rows of flows leave it empty.
    List<LinkSample> linkSamples =
        loader
            .rows(
                TIMESERIES,
                "link utilization and queue charts",
                List.of("run", "direction", "time_s", "utilization", "queue_bytes"),
                (t, r) ->
                    new LinkSample(
                        t.text(r, "run"),
                        t.text(r, "direction"),
                        t.number(r, "time_s"),
                        t.number(r, "utilization"),
                        t.number(r, "queue_bytes")))
            .stream()
            .filter(s -> !s.direction().isEmpty())
            .toList();
    List<TcpSample> tcp =
        loader.rows(
            TCP,
            "TCP window charts",
            List.of("run", "flow", "time_s", "cwnd_bytes"),
            (t, r) ->
                new TcpSample(
                    t.text(r, "run"),
                    t.text(r, "flow"),
                    t.number(r, "time_s"),
                    t.number(r, "cwnd_bytes")));

    List<Table> tables = new ArrayList<>(List.of(summary));
    for (String file : List.of(SUMMARY_CI, THROUGHPUT, LINKS, OVERLAYS)) {
      CsvTables.read(dir, file).ifPresent(tables::add);
    }
    return new Reports(
        List.copyOf(sweepKeys),
        List.copyOf(runs),
        latency,
        throughput,
        drops,
        linkSamples,
        tcp,
        List.copyOf(tables),
        Set.copyOf(files),
        List.copyOf(skipped));
  }

  /** Reads the typed rows of one optional file, noting why when it cannot. */
  private record Loader(Path dir, Set<String> files, List<String> skipped) {
    <R> List<R> rows(
        String file, String charts, List<String> columns, BiFunction<Table, List<String>, R> rowOf)
        throws IOException {
      Optional<Table> table = CsvTables.read(dir, file);
      if (table.isEmpty()) {
        skipped.add(file + " is absent: no " + charts);
        return List.of();
      }
      Table t = table.get();
      List<String> missing = t.missing(columns.toArray(String[]::new));
      if (!missing.isEmpty()) {
        skipped.add(file + " has no column " + String.join(", ", missing) + ": no " + charts);
        return List.of();
      }
      files.add(file);
      return t.rows().stream().map(r -> rowOf.apply(t, r)).toList();
    }
  }

  /** The run's sweep point: its scenario and sweep values. */
  String pointOf(RunInfo run) {
    return run.scenario() + "\n" + run.sweep();
  }

  /** The runs of each sweep point (replications), in the order summary.csv lists them. */
  Map<String, List<RunInfo>> points() {
    return runs.stream()
        .collect(Collectors.groupingBy(this::pointOf, LinkedHashMap::new, Collectors.toList()));
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

  boolean replicated() {
    return points().values().stream().anyMatch(p -> p.size() > 1);
  }
}
