package org.overlaysim.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes the combined CSV reports of scenario-format.md, one row per run (and flow, link, ...), to
 * a directory. Each file is written to a temporary name and renamed into place, so a reader (or a
 * killed run) never sees half a file.
 */
public final class ReportFiles {
  public static final String SUMMARY = "summary.csv";
  public static final String LATENCY = "latency.csv";
  public static final String THROUGHPUT = "throughput.csv";
  public static final String DROPS = "drops.csv";
  public static final String LINKS = "links.csv";
  public static final String OVERLAYS = "overlays.csv";
  public static final String REACHABILITY = "reachability.csv";
  public static final String TCP = "tcp.csv";
  public static final String HOSTS = "hosts.csv";
  public static final String EVENTS = "events.csv";

  private ReportFiles() {}

  public static void write(Path dir, List<RunReport> runs) throws IOException {
    Files.createDirectories(dir);
    writeAtomically(dir.resolve(SUMMARY), summary(runs));
    writeAtomically(dir.resolve(LATENCY), latency(runs));
    writeAtomically(dir.resolve(THROUGHPUT), throughput(runs));
    writeAtomically(dir.resolve(DROPS), drops(runs));
    writeAtomically(dir.resolve(LINKS), links(runs));
    writeAtomically(dir.resolve(OVERLAYS), overlays(runs));
    writeAtomically(dir.resolve(REACHABILITY), reachability(runs));
    writeAtomically(dir.resolve(TCP), tcpTrace(runs));
    if (runs.stream().anyMatch(r -> !r.hosts().isEmpty())) {
      writeAtomically(dir.resolve(HOSTS), hosts(runs));
    }
    if (runs.stream().anyMatch(r -> !r.timedEvents().isEmpty())) { // only scenarios with events
      writeAtomically(dir.resolve(EVENTS), events(runs));
    }
  }

  static String events(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.EVENTS,
        RunReport::timedEvents,
        row ->
            List.of(
                Csv.decimal(row.timeS()),
                row.event(),
                Long.toString(row.packetsLost()),
                Csv.decimal(row.recoveryS()),
                Long.toString(row.routesChanged())));
  }

  static String summary(List<RunReport> runs) {
    // Sweep keys become columns, in order of first appearance (the same for every run of a file).
    Set<String> sweepKeys = new LinkedHashSet<>();
    runs.forEach(r -> sweepKeys.addAll(r.sweepValues().keySet()));
    List<String> header = new ArrayList<>(ReportColumns.SUMMARY_RUN);
    header.addAll(sweepKeys);
    header.addAll(ReportColumns.SUMMARY_COUNTS);
    StringBuilder csv = new StringBuilder(Csv.line(header));
    for (RunReport r : runs) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  r.runId(),
                  r.scenario(),
                  Long.toUnsignedString(r.seed()),
                  Integer.toString(r.replication())));
      for (String key : sweepKeys) {
        row.add(r.sweepValues().getOrDefault(key, ""));
      }
      row.addAll(
          List.of(
              Long.toString(r.events()),
              Csv.decimal(r.simTimeS()),
              Csv.decimal(r.wallTimeS()),
              Long.toString(r.packetsSent()),
              Long.toString(r.packetsDelivered()),
              Long.toString(r.packetsDropped())));
      csv.append(Csv.line(row));
    }
    return csv.toString();
  }

  static String latency(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.LATENCY,
        RunReport::latency,
        row -> {
          List<String> cells =
              new ArrayList<>(
                  List.of(
                      row.flow(), row.kind(), row.src(), row.dst(), row.srcSite(), row.dstSite()));
          cells.addAll(row.latency().cells());
          return cells;
        });
  }

  static String throughput(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.THROUGHPUT,
        RunReport::throughput,
        row ->
            List.of(
                row.flow(),
                Long.toString(row.payloadBytes()),
                Long.toString(row.wireBytes()),
                Csv.decimal(row.overheadRatio()),
                Csv.decimal(row.goodputBps() / 1e6),
                Long.toString(row.fragments()),
                Long.toString(row.packetsSent()),
                Long.toString(row.packetsDelivered()),
                Long.toString(row.retransmissions()),
                Long.toString(row.timeouts()),
                Csv.decimal(row.stalledNs() / 1e9)));
  }

  static String hosts(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.HOSTS,
        RunReport::hosts,
        row ->
            List.of(
                row.host(),
                Integer.toString(row.cores()),
                Long.toString(row.cryptoPackets()),
                Long.toString(row.cryptoBytes()),
                Csv.decimal(row.busy())));
  }

  static String drops(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.DROPS,
        RunReport::drops,
        row ->
            List.of(
                row.where(),
                row.reason(),
                Long.toString(row.packets()),
                Long.toString(row.bytes())));
  }

  static String links(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.LINKS,
        RunReport::links,
        row ->
            List.of(
                row.link(),
                row.direction(),
                Long.toString(row.bytes()),
                Long.toString(row.packets()),
                Csv.decimal(row.utilization()),
                Long.toString(row.drops()),
                Csv.decimal(row.delayMs()),
                row.delaySource()));
  }

  static String overlays(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.OVERLAYS,
        RunReport::overlays,
        row ->
            List.of(
                row.overlay(),
                Integer.toString(row.vni()),
                row.encapsulation(),
                row.controlPlane(),
                Long.toString(row.bumFrames()),
                Long.toString(row.bumBytes()),
                Long.toString(row.controlFrames()),
                Long.toString(row.controlBytes()),
                Long.toString(row.fdbEntries())));
  }

  static String reachability(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.REACHABILITY,
        RunReport::reachability,
        row ->
            List.of(
                row.src(),
                row.dst(),
                row.protocol(),
                Integer.toString(row.port()),
                row.result(),
                row.reason()));
  }

  static String tcpTrace(List<RunReport> runs) {
    return table(
        runs,
        ReportColumns.TCP_TRACE,
        RunReport::tcpTrace,
        row ->
            List.of(
                row.flow(),
                Csv.decimal(row.timeS()),
                Long.toString(row.cwndBytes()),
                row.ssthreshBytes() < 0 ? "" : Long.toString(row.ssthreshBytes()),
                Csv.decimal(row.srttMs()),
                Csv.decimal(row.rttvarMs()),
                Long.toString(row.bytesInFlight()),
                Long.toString(row.deliveredBytes()),
                Long.toString(row.retransmits()),
                row.state(),
                Integer.toString(row.connection())));
  }

  /**
   * A per-run table: the run column, the run's sweep values and replication (tidy: the file loads
   * without a join on summary.csv), then {@code columns}; each run's rows in their order.
   */
  private static <R> String table(
      List<RunReport> runs,
      List<String> columns,
      Function<RunReport, List<R>> rowsOf,
      Function<R, List<String>> cells) {
    List<String> sweepKeys = sweepKeys(runs);
    StringBuilder csv = new StringBuilder(Csv.line(runHeader(sweepKeys, columns)));
    for (RunReport r : runs) {
      List<String> prefix = runCells(r.runId(), r.sweepValues(), r.replication(), sweepKeys);
      for (R row : rowsOf.apply(r)) {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(cells.apply(row));
        csv.append(Csv.line(line));
      }
    }
    return csv.toString();
  }

  /** The sweep keys of {@code runs}, in order of first appearance. */
  static List<String> sweepKeys(List<RunReport> runs) {
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.sweepValues().keySet()));
    return List.copyOf(keys);
  }

  /** run, the sweep keys, replication, then {@code columns}. */
  static List<String> runHeader(List<String> sweepKeys, List<String> columns) {
    List<String> header = new ArrayList<>(List.of("run"));
    header.addAll(sweepKeys);
    header.add("replication");
    header.addAll(columns);
    return header;
  }

  /** The cells of {@link #runHeader} before the columns: run id, sweep values, replication. */
  static List<String> runCells(
      String runId, Map<String, String> sweepValues, int replication, List<String> sweepKeys) {
    List<String> cells = new ArrayList<>(List.of(runId));
    for (String key : sweepKeys) {
      cells.add(sweepValues.getOrDefault(key, ""));
    }
    cells.add(Integer.toString(replication));
    return cells;
  }

  /**
   * Writes to a temporary file beside {@code target}, flushes it to disk, renames it into place and
   * flushes the folder: after a crash the file is the old one or the new one, whole.
   */
  public static void writeAtomically(Path target, String content) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true); // on disk before the rename publishes it: a crash leaves old or new
    }
    publish(temporary, target);
  }

  /**
   * Renames {@code temporary} (written and flushed to disk) into place as {@code target} and
   * flushes the folder.
   */
  static void publish(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /**
   * Flushes a folder's entries (the rename) to disk. POSIX systems allow opening a folder for this;
   * where the system refuses (Windows), the rename is as durable as it gets there.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not supported on this system: nothing more to do
    }
  }
}
