package org.overlaysim.report;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.overlaysim.engine.RandomStream;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.topology.UnderlayNetwork;

/**
 * {@code timeseries.csv}: at the end of every {@code sample} interval of simulated time, one row
 * per link direction (once it has carried or lost a packet) and one per flow. Rows go to the file
 * as they are made; between intervals only the last counters and the open interval's latency
 * reservoirs are kept, so memory does not grow with the run's length. Reading happens between
 * simulator runs, so it adds no event: the run is the same with or without it.
 */
public final class TimeSeriesReport implements Closeable {
  public static final String FILE = "timeseries.csv";

  /** The columns after run, sweep values and replication. */
  static final List<String> COLUMNS =
      List.of(
          "time_s",
          "link",
          "direction",
          "flow",
          "utilization",
          "queue_bytes",
          "drops",
          "bytes",
          "packets",
          "delivered_bytes",
          "samples",
          "p50_ms",
          "p90_ms",
          "p99_ms");

  private static final int BUFFER = 1 << 16;

  private final Scenario scenario;
  private final OverlayNetwork network;
  // What each partition of the run observed (one part when the run is not cut).
  private final List<RunObservations> parts;
  private final RandomStream[] merging;
  private final Path temporary;
  private final Path target;
  private final FileChannel channel;
  private final Writer out;
  private final String prefix;
  private final LinkIntervals links = new LinkIntervals();
  private final long[] lastPayload;
  private long lastNs;
  private boolean finished;

  private TimeSeriesReport(
      Run run,
      Path runDir,
      OverlayNetwork network,
      List<RunObservations> parts,
      RandomStreams streams)
      throws IOException {
    this.scenario = run.scenario();
    this.network = network;
    this.parts = parts;
    this.lastPayload = new long[parts.get(0).flowCount()];
    this.merging = new RandomStream[lastPayload.length];
    for (int f = 0; f < merging.length; f++) {
      merging[f] = streams.stream("report/timeseries-merge/" + f);
    }
    Files.createDirectories(runDir);
    this.target = runDir.resolve(FILE);
    this.temporary = runDir.resolve("." + FILE + ".tmp");
    this.channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    this.out =
        new BufferedWriter(
            Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), BUFFER), BUFFER);
    List<String> keys = List.copyOf(run.sweepValues().keySet());
    out.write(Csv.line(ReportFiles.runHeader(keys, COLUMNS)));
    String cells =
        Csv.line(ReportFiles.runCells(run.id(), run.sweepValues(), run.replication(), keys));
    this.prefix = cells.substring(0, cells.length() - 1) + ",";
  }

  /**
   * The run's time series, written to {@code runDir}; null when the scenario has no {@code sample}
   * interval or the run has no folder.
   */
  static TimeSeriesReport open(
      Run run,
      Path runDir,
      OverlayNetwork network,
      List<RunObservations> parts,
      RandomStreams streams)
      throws IOException {
    if (runDir == null) {
      return null;
    }
    if (run.scenario().sampleNs() == 0) {
      Files.deleteIfExists(runDir.resolve(FILE)); // of an earlier run of this id, with a sample
      return null;
    }
    for (RunObservations p : parts) {
      p.keepIntervalLatency(streams);
    }
    return new TimeSeriesReport(run, runDir, network, parts, streams);
  }

  long intervalNs() {
    return scenario.sampleNs();
  }

  /** Closes the interval that ends now, at {@code nowNs}, writing its rows. */
  void sample(long nowNs) throws IOException {
    long intervalNs = nowNs - lastNs;
    lastNs = nowNs;
    String time = Csv.decimal(nowNs / 1e9);
    links.read(network.linkCounters());
    UnderlayNetwork underlay = network.underlayNetwork();
    for (int i = 0; i < links.directions(); i++) {
      if (!links.everUsed(i)) {
        continue;
      }
      var c = links.counters(i);
      row(
          time,
          c.link(),
          c.direction(),
          "",
          Csv.decimal(links.utilization(i, intervalNs)),
          Long.toString(underlay.transmitter(i).queuedBytes()),
          Long.toString(links.drops(i)),
          Long.toString(links.bytes(i)),
          Long.toString(links.packets(i)),
          "",
          "",
          "",
          "",
          "");
    }
    for (int f = 0; f < lastPayload.length; f++) {
      long payload = 0;
      for (RunObservations p : parts) {
        payload += p.flow(f).payloadBytes;
      }
      LatencySummary latency = RunObservations.closeInterval(parts, f, merging[f]);
      row(
          time,
          "",
          "",
          scenario.traffic().get(f).name(),
          "",
          "",
          "",
          "",
          "",
          Long.toString(payload - lastPayload[f]),
          Long.toString(latency.samples()),
          Csv.decimal(latency.p50Ms()),
          Csv.decimal(latency.p90Ms()),
          Csv.decimal(latency.p99Ms()));
      lastPayload[f] = payload;
    }
  }

  private void row(String... cells) throws IOException {
    out.write(prefix);
    out.write(Csv.line(cells));
  }

  /** Flushes the file to disk and renames it into place. */
  void finish() throws IOException {
    out.flush();
    channel.force(true);
    out.close();
    finished = true;
    ReportFiles.publish(temporary, target);
  }

  /** Without {@link #finish} (a run stopped or failed): the partial file is removed. */
  @Override
  public void close() throws IOException {
    if (!finished) {
      out.close();
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * The combined timeseries.csv at the top of {@code outDir}: the rows of every run's file under
   * {@code runs/<id>/}, in the order of {@code runs}, with the sweep columns of all of them. Read
   * and written a line at a time. Without any run's file, no combined file (a stale one is
   * removed).
   */
  public static void combine(Path outDir, List<RunReport> runs) throws IOException {
    RunStore store = new RunStore(outDir);
    List<Path> files = new ArrayList<>();
    for (RunReport r : runs) {
      files.add(store.runDir(r.runId()).resolve(FILE));
    }
    Path target = outDir.resolve(FILE);
    if (files.stream().noneMatch(Files::exists)) {
      Files.deleteIfExists(target);
      return;
    }
    List<String> keys = ReportFiles.sweepKeys(runs);
    Path temporary = outDir.resolve("." + FILE + ".tmp");
    try (FileChannel channel =
            FileChannel.open(
                temporary,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        Writer out =
            new BufferedWriter(
                Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), BUFFER), BUFFER)) {
      out.write(Csv.line(ReportFiles.runHeader(keys, COLUMNS)));
      for (int i = 0; i < runs.size(); i++) {
        if (!Files.exists(files.get(i))) {
          continue;
        }
        RunReport r = runs.get(i);
        String cells =
            Csv.line(ReportFiles.runCells(r.runId(), r.sweepValues(), r.replication(), keys));
        String runPrefix = cells.substring(0, cells.length() - 1) + ",";
        int skip = 2 + r.sweepValues().size(); // the run's own run, sweep and replication cells
        try (BufferedReader in = Files.newBufferedReader(files.get(i), StandardCharsets.UTF_8)) {
          in.readLine(); // header
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            int from = afterCells(line, skip);
            out.write(runPrefix);
            out.write(line, from, line.length() - from);
            out.write('\n');
          }
        }
      }
      out.flush();
      channel.force(true);
    }
    ReportFiles.publish(temporary, target);
  }

  /** Where the cell after the first {@code n} cells of a CSV line starts (quotes respected). */
  static int afterCells(String line, int n) {
    boolean quoted = false;
    int seen = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted && ++seen == n) {
        return i + 1;
      }
    }
    return line.length();
  }
}
