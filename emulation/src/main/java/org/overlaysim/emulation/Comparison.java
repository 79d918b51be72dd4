package org.overlaysim.emulation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.overlaysim.emulation.report.CsvTable;
import org.overlaysim.emulation.report.EmulationReports;
import org.overlaysim.report.ReportFiles;

/**
 * {@code overlaysim compare SIM_DIR EMU_DIR}: the simulation's and the emulation's reports side by
 * side, reachability cell by cell ({@code reachability.csv}: same result for every source,
 * destination, protocol and port) and ping delivery per flow ({@code latency.csv} rows of kind
 * ping: delivered or not, and the number of replies, exactly, or within {@link
 * #EVENT_REPLY_TOLERANCE} when the emulation applied link events) and per {@code tcp} flow goodput
 * and retransmissions ({@code throughput.csv}; goodputs agree within {@link #GOODPUT_TOLERANCE} of
 * the emulation's, the kernel being the reference; retransmissions are reported, not judged), and
 * per delivered ping flow the round trip ({@link LatencyFigures}: medians judged, within 10% of the
 * simulated one or 1 ms, whichever is larger; p90s reported). What the emulation's {@code
 * emulation.csv} says it left out (overlays the kernel lacks, their containers and flows; flows
 * whose delay it could not apply) is listed and not compared. Rows are matched within a run; when
 * each side holds a single run their ids need not match.
 */
public final class Comparison {
  public static final int AGREE = 0;
  public static final int DIFFER = 1;
  public static final int UNREADABLE = 2;

  /** Largest relative difference of a tcp flow's goodput, of the emulation's, that agrees. */
  public static final double GOODPUT_TOLERANCE = 0.10;

  /**
   * With link events applied, the replies a ping flow's counts may differ by: a loss window may
   * start and end up to one ping interval earlier or later on either side (the kernel's event and
   * the ping's send times are not the simulator's to the nanosecond), one reply at each edge.
   */
  public static final long EVENT_REPLY_TOLERANCE = 2;

  /** Relative part of the latency tolerance: 10% of the simulated median RTT... */
  public static final double LATENCY_TOLERANCE = 0.10;

  /** ...or this many milliseconds, whichever is larger. */
  public static final double LATENCY_TOLERANCE_MS = 1.0;

  /**
   * One ping flow's round trips on both sides (latency.csv p50_ms and p90_ms). The medians are
   * judged: they agree when they differ by at most 10% of the simulated one or 1 ms, whichever is
   * larger; the p90s are reported beside them.
   */
  public record LatencyFigures(
      String flow, double simP50Ms, double simP90Ms, double emuP50Ms, double emuP90Ms) {
    /** The largest difference of the medians that agrees, in ms. */
    public double toleranceMs() {
      return Math.max(LATENCY_TOLERANCE * simP50Ms, LATENCY_TOLERANCE_MS);
    }

    /** Emulated minus simulated median, in ms. */
    public double differenceMs() {
      return emuP50Ms - simP50Ms;
    }

    public boolean agrees() {
      return Math.abs(differenceMs()) <= toleranceMs();
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "latency %s: RTT simulation median %.3f ms p90 %.3f ms, emulation median %.3f ms p90"
              + " %.3f ms, difference %+.3f ms (%+.1f%%), tolerance %.3f ms (10%% or 1 ms,"
              + " whichever larger): %s",
          flow,
          simP50Ms,
          simP90Ms,
          emuP50Ms,
          emuP90Ms,
          differenceMs(),
          simP50Ms == 0 ? 0.0 : 100 * differenceMs() / simP50Ms,
          toleranceMs(),
          agrees() ? "agree" : "differ");
    }
  }

  /**
   * One side's figures of a tcp flow (throughput.csv): goodput over the flow's whole time, its
   * retransmission timeouts and the time it delivered nothing for over 100 ms (stalled_s; 0 in
   * reports written before the column existed).
   */
  public record TcpSide(
      double goodputMbps, long payloadBytes, long retransmissions, long timeouts, double stalledS) {
    /**
     * Goodput over the time the flow was not stalled. One lost SYN costs a second and a timeout at
     * least 200 ms, thousands of round trips on a short path: rare draws of the random loss that a
     * simulation and an emulation do not share, which would swamp the comparison of what TCP does
     * between them. When the stalls exceed the flow's time (several connections, each stalled, add
     * up) the whole-time goodput stands.
     */
    public double activeGoodputMbps() {
      if (stalledS <= 0 || goodputMbps <= 0) {
        return goodputMbps;
      }
      double seconds = payloadBytes * 8e-6 / goodputMbps;
      return seconds > stalledS ? payloadBytes * 8e-6 / (seconds - stalledS) : goodputMbps;
    }

    private String stalls() {
      return stalledS > 0
          ? String.format(
              Locale.ROOT, " (%.2f without %.3f s stalled)", activeGoodputMbps(), stalledS)
          : "";
    }
  }

  /**
   * One tcp flow on both sides. Goodputs are judged without the time either side stalled (see
   * {@link TcpSide#activeGoodputMbps()}); timeouts and retransmissions are reported, not judged.
   */
  public record TcpFigures(String flow, TcpSide sim, TcpSide emu) {
    /** (simulation - emulation) / emulation, of the goodputs without stalls. */
    public double relativeDifference() {
      return (sim.activeGoodputMbps() - emu.activeGoodputMbps()) / emu.activeGoodputMbps();
    }

    /**
     * Within the tolerance; a flow that delivers nothing agrees only with one that neither does.
     */
    public boolean agrees() {
      if (emu.goodputMbps() == 0) {
        return sim.goodputMbps() == 0;
      }
      return Math.abs(relativeDifference()) <= GOODPUT_TOLERANCE;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "tcp %s: goodput simulation %.2f Mbit/s%s, emulation %.2f Mbit/s%s (%s, tolerance"
              + " %.0f%%); retransmissions simulation %d, emulation %d; timeouts simulation %d,"
              + " emulation %d",
          flow,
          sim.goodputMbps(),
          sim.stalls(),
          emu.goodputMbps(),
          emu.stalls(),
          emu.goodputMbps() == 0
              ? "nothing delivered by the kernel"
              : String.format(Locale.ROOT, "%+.1f%%", 100 * relativeDifference()),
          100 * GOODPUT_TOLERANCE,
          sim.retransmissions(),
          emu.retransmissions(),
          sim.timeouts(),
          emu.timeouts());
    }
  }

  /** What was compared: counts, the tcp flows' figures, and one line per difference. */
  public record Outcome(
      int cellsCompared,
      int flowsCompared,
      List<TcpFigures> tcp,
      List<LatencyFigures> latency,
      List<String> skipped,
      List<String> differences,
      List<String> notes) {
    public Outcome {
      tcp = List.copyOf(tcp);
      latency = List.copyOf(latency);
      skipped = List.copyOf(skipped);
      differences = List.copyOf(differences);
      notes = List.copyOf(notes);
    }

    public boolean agrees() {
      return differences.isEmpty();
    }
  }

  private Comparison() {}

  /** Prints agreements and differences; 0 agree, 1 differ, 2 unreadable input. */
  public static int compare(Path sim, Path emu, PrintWriter out) {
    Outcome outcome;
    try {
      outcome = outcome(sim, emu);
    } catch (IOException e) {
      out.println("cannot compare: " + e.getMessage());
      out.flush();
      return UNREADABLE;
    }
    outcome.skipped().forEach(line -> out.println("skipped: " + line));
    outcome.notes().forEach(note -> out.println("note: " + note));
    outcome
        .latency()
        .forEach(figures -> out.println((figures.agrees() ? "" : "DIFFER ") + figures));
    outcome.tcp().forEach(figures -> out.println((figures.agrees() ? "" : "DIFFER ") + figures));
    Set<String> shown = new LinkedHashSet<>();
    outcome.tcp().forEach(figures -> shown.add(figures.toString()));
    outcome.latency().forEach(figures -> shown.add(figures.toString()));
    outcome.differences().stream()
        .filter(difference -> !shown.contains(difference))
        .forEach(difference -> out.println("DIFFER " + difference));
    out.printf(
        "reachability: %d cells compared; ping: %d flows compared, latency of %d; tcp: %d flows"
            + " compared; %s%n",
        outcome.cellsCompared(),
        outcome.flowsCompared(),
        outcome.latency().size(),
        outcome.tcp().size(),
        outcome.agrees()
            ? "simulation and emulation agree"
            : outcome.differences().size() + " differences");
    out.flush();
    return outcome.agrees() ? AGREE : DIFFER;
  }

  public static Outcome outcome(Path sim, Path emu) throws IOException {
    for (Path dir : List.of(sim, emu)) {
      if (!Files.isDirectory(dir)) {
        throw new IOException(dir + ": not a directory of reports");
      }
    }
    List<String> differences = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Skips skips = Skips.read(emu);
    int cells = reachability(sim, emu, skips, differences, notes);
    List<LatencyFigures> latency = new ArrayList<>();
    int flows = pings(sim, emu, skips, latency, differences, notes);
    List<TcpFigures> tcp = tcp(sim, emu, skips, differences, notes);
    return new Outcome(cells, flows, tcp, latency, skips.lines(), differences, notes);
  }

  /**
   * What the emulation left out, from its emulation.csv: overlays the kernel could not build (their
   * containers and flows), and flows whose path delay it could not apply (latency not judged).
   */
  record Skips(
      List<String> overlays,
      Set<String> containers,
      Set<String> flows,
      Set<String> latencyNotEmulated,
      boolean eventsApplied,
      int[] cellsSkipped) {
    static Skips read(Path emu) throws IOException {
      Path file = emu.resolve(EmulationReports.NOTES);
      List<String> overlays = new ArrayList<>();
      Set<String> containers = new LinkedHashSet<>();
      Set<String> flows = new LinkedHashSet<>();
      Set<String> latency = new LinkedHashSet<>();
      boolean events = false;
      if (Files.exists(file)) {
        for (Map<String, String> row : CsvTable.read(file).require(file, "key", "value").rows()) {
          String key = row.get("key");
          String value = row.get("value");
          if (key.startsWith("skipped_overlay.")) {
            overlays.add(value);
          } else if (key.equals("skipped_containers")) {
            containers.addAll(words(value));
          } else if (key.equals("skipped_flows")) {
            flows.addAll(words(value));
          } else if (key.equals("latency_not_emulated")) {
            latency.addAll(words(value));
          } else if (key.equals(Emulator.EVENTS_APPLIED)) {
            events = true;
          }
        }
      }
      return new Skips(overlays, containers, flows, latency, events, new int[1]);
    }

    private static List<String> words(String value) {
      return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    List<String> lines() {
      List<String> lines = new ArrayList<>(overlays);
      if (!flows.isEmpty()) {
        lines.add(
            "flows not emulated (an end in an overlay left out): " + String.join(", ", flows));
      }
      if (cellsSkipped[0] > 0) {
        lines.add(
            cellsSkipped[0]
                + " reachability cells not compared (an end in an overlay left out): "
                + String.join(", ", containers));
      }
      if (!latencyNotEmulated.isEmpty()) {
        lines.add(
            "latency not compared (the emulation could not apply the path's delay: routed"
                + " overlay without netem, or a reroute the delay relays do not follow): "
                + String.join(", ", latencyNotEmulated));
      }
      return lines;
    }
  }

  private static int reachability(
      Path sim, Path emu, Skips skips, List<String> differences, List<String> notes)
      throws IOException {
    Path simFile = sim.resolve(ReportFiles.REACHABILITY);
    Path emuFile = emu.resolve(ReportFiles.REACHABILITY);
    if (!Files.exists(simFile) || !Files.exists(emuFile)) {
      notes.add(
          "reachability not compared: "
              + (Files.exists(simFile) ? emuFile : simFile)
              + " does not exist");
      return 0;
    }
    String[] columns = {"run", "src", "dst", "protocol", "port", "result"};
    Map<String, Map<String, String>> simRows =
        keyed(CsvTable.read(simFile).require(simFile, columns), sim, emu, columns);
    Map<String, Map<String, String>> emuRows =
        keyed(CsvTable.read(emuFile).require(emuFile, columns), sim, emu, columns);
    int compared = 0;
    for (Map.Entry<String, Map<String, String>> entry : simRows.entrySet()) {
      Map<String, String> s = entry.getValue();
      Map<String, String> e = emuRows.get(entry.getKey());
      String cell =
          s.get("src") + " -> " + s.get("dst") + " " + s.get("protocol") + "/" + s.get("port");
      if (e == null
          && (skips.containers().contains(s.get("src"))
              || skips.containers().contains(s.get("dst")))) {
        skips.cellsSkipped()[0]++;
        continue;
      }
      if (e == null) {
        differences.add("reachability " + cell + ": missing in the emulation");
        continue;
      }
      compared++;
      if (!s.get("result").equals(e.get("result"))) {
        differences.add(
            "reachability "
                + cell
                + ": simulation "
                + s.get("result")
                + " ("
                + s.getOrDefault("reason", "")
                + "), emulation "
                + e.get("result")
                + " ("
                + e.getOrDefault("reason", "")
                + ")");
      }
    }
    for (String key : emuRows.keySet()) {
      if (!simRows.containsKey(key)) {
        Map<String, String> e = emuRows.get(key);
        differences.add(
            "reachability "
                + e.get("src")
                + " -> "
                + e.get("dst")
                + " "
                + e.get("protocol")
                + "/"
                + e.get("port")
                + ": missing in the simulation");
      }
    }
    return compared;
  }

  private static int pings(
      Path sim,
      Path emu,
      Skips skips,
      List<LatencyFigures> latency,
      List<String> differences,
      List<String> notes)
      throws IOException {
    Path simFile = sim.resolve(ReportFiles.LATENCY);
    Path emuFile = emu.resolve(ReportFiles.LATENCY);
    for (Path file : List.of(simFile, emuFile)) {
      if (!Files.exists(file)) {
        throw new IOException(file + " does not exist");
      }
    }
    String[] columns = {"run", "flow", "kind", "samples"};
    Map<String, Map<String, String>> simRows =
        keyed(pingRows(CsvTable.read(simFile).require(simFile, columns)), sim, emu, "run", "flow");
    Map<String, Map<String, String>> emuRows =
        keyed(pingRows(CsvTable.read(emuFile).require(emuFile, columns)), sim, emu, "run", "flow");
    int compared = 0;
    Set<String> keys = new LinkedHashSet<>(simRows.keySet());
    keys.addAll(emuRows.keySet());
    for (String key : keys) {
      Map<String, String> s = simRows.get(key);
      Map<String, String> e = emuRows.get(key);
      if (e == null && skips.flows().contains(s.get("flow"))) {
        continue;
      }
      if (s == null || e == null) {
        Map<String, String> present = s == null ? e : s;
        differences.add(
            "ping "
                + present.get("flow")
                + ": missing in the "
                + (s == null ? "simulation" : "emulation"));
        continue;
      }
      compared++;
      long simReplies = replies(simFile, s);
      long emuReplies = replies(emuFile, e);
      if ((simReplies > 0) != (emuReplies > 0)) {
        differences.add(
            "ping "
                + s.get("flow")
                + ": simulation "
                + (simReplies > 0 ? "delivered" : "delivered nothing")
                + " ("
                + simReplies
                + " replies), emulation "
                + (emuReplies > 0 ? "delivered" : "delivered nothing")
                + " ("
                + emuReplies
                + " replies)");
      } else if (Math.abs(simReplies - emuReplies) > replyTolerance(skips)) {
        differences.add(
            "ping "
                + s.get("flow")
                + ": both delivered, simulation "
                + simReplies
                + " replies, emulation "
                + emuReplies
                + (replyTolerance(skips) > 0
                    ? " (more than the " + replyTolerance(skips) + " a loss window's edges allow)"
                    : ""));
      }
      if (simReplies > 0 && emuReplies > 0) {
        if (skips.latencyNotEmulated().contains(s.get("flow"))) {
          continue;
        }
        double[] simRtt = rtt(s);
        double[] emuRtt = rtt(e);
        if (simRtt == null || emuRtt == null) {
          notes.add("latency of ping " + s.get("flow") + " not compared: no p50_ms and p90_ms");
          continue;
        }
        LatencyFigures figures =
            new LatencyFigures(s.get("flow"), simRtt[0], simRtt[1], emuRtt[0], emuRtt[1]);
        latency.add(figures);
        if (!figures.agrees()) {
          differences.add(figures.toString());
        }
      }
    }
    return compared;
  }

  /**
   * How many replies a ping flow's counts may differ by: none in a steady run; with link events
   * applied, {@link #EVENT_REPLY_TOLERANCE}.
   */
  private static long replyTolerance(Skips skips) {
    return skips.eventsApplied() ? EVENT_REPLY_TOLERANCE : 0;
  }

  /** p50_ms and p90_ms of a latency.csv row; null when either is missing. */
  private static double[] rtt(Map<String, String> row) {
    try {
      return new double[] {
        Double.parseDouble(row.getOrDefault("p50_ms", "")),
        Double.parseDouble(row.getOrDefault("p90_ms", ""))
      };
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  private static CsvTable pingRows(CsvTable table) {
    return rowsOfKind(table, "ping");
  }

  private static CsvTable rowsOfKind(CsvTable table, String kind) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> row : table.rows()) {
      if (kind.equals(row.get("kind"))) {
        rows.add(row);
      }
    }
    return new CsvTable(table.header(), rows);
  }

  /**
   * tcp flows (latency.csv kind tcp on either side) by their throughput.csv rows: a flow missing on
   * a side, or whose goodputs differ by more than the tolerance, is a difference.
   */
  private static List<TcpFigures> tcp(
      Path sim, Path emu, Skips skips, List<String> differences, List<String> notes)
      throws IOException {
    Set<String> flows = new LinkedHashSet<>();
    for (Path dir : List.of(sim, emu)) {
      Path latency = dir.resolve(ReportFiles.LATENCY);
      CsvTable table = CsvTable.read(latency).require(latency, "flow", "kind");
      rowsOfKind(table, "tcp").rows().forEach(row -> flows.add(row.get("flow")));
    }
    if (flows.isEmpty()) {
      return List.of();
    }
    Path simFile = sim.resolve(ReportFiles.THROUGHPUT);
    Path emuFile = emu.resolve(ReportFiles.THROUGHPUT);
    for (Path file : List.of(simFile, emuFile)) {
      if (!Files.exists(file)) {
        notes.add("tcp not compared: " + file + " does not exist");
        return List.of();
      }
    }
    String[] columns = {"run", "flow", "goodput_mbps", "retransmissions"};
    Map<String, Map<String, String>> simRows =
        keyed(CsvTable.read(simFile).require(simFile, columns), sim, emu, "run", "flow");
    Map<String, Map<String, String>> emuRows =
        keyed(CsvTable.read(emuFile).require(emuFile, columns), sim, emu, "run", "flow");
    List<TcpFigures> figures = new ArrayList<>();
    for (String key : simRows.keySet()) {
      String flow = simRows.get(key).get("flow");
      if (!flows.contains(flow)) {
        continue;
      }
      Map<String, String> e = emuRows.get(key);
      if (e == null && skips.flows().contains(flow)) {
        continue;
      }
      if (e == null) {
        differences.add("tcp " + flow + ": missing in the emulation");
        continue;
      }
      Map<String, String> s = simRows.get(key);
      TcpFigures f = new TcpFigures(flow, side(simFile, s), side(emuFile, e));
      figures.add(f);
      if (!f.agrees()) {
        differences.add(f.toString());
      }
    }
    for (String key : emuRows.keySet()) {
      String flow = emuRows.get(key).get("flow");
      if (flows.contains(flow) && !simRows.containsKey(key)) {
        differences.add("tcp " + flow + ": missing in the simulation");
      }
    }
    return figures;
  }

  private static TcpSide side(Path file, Map<String, String> row) throws IOException {
    return new TcpSide(
        number(file, row, "goodput_mbps"),
        (long) optional(file, row, "payload_bytes"),
        (long) number(file, row, "retransmissions"),
        (long) optional(file, row, "timeouts"),
        optional(file, row, "stalled_s"));
  }

  /** A column that reports of earlier versions lack: 0 there. */
  private static double optional(Path file, Map<String, String> row, String column)
      throws IOException {
    return row.get(column) == null ? 0 : number(file, row, column);
  }

  private static double number(Path file, Map<String, String> row, String column)
      throws IOException {
    try {
      return Double.parseDouble(row.get(column));
    } catch (NumberFormatException e) {
      throw new IOException(
          file
              + ": flow "
              + row.get("flow")
              + ": "
              + column
              + " is not a number: "
              + row.get(column));
    }
  }

  private static long replies(Path file, Map<String, String> row) throws IOException {
    try {
      return Long.parseLong(row.get("samples"));
    } catch (NumberFormatException e) {
      throw new IOException(file + ": flow " + row.get("flow") + ": samples is not a number");
    }
  }

  /**
   * Rows by key; with a single run on each side the run column is left out of the key, so a
   * simulation and an emulation of one scenario match whatever their run ids.
   */
  private static Map<String, Map<String, String>> keyed(
      CsvTable table, Path sim, Path emu, String... columns) {
    Set<String> runs = new LinkedHashSet<>();
    table.rows().forEach(r -> runs.add(r.get("run")));
    boolean single = runs.size() <= 1;
    Map<String, Map<String, String>> keyed = new LinkedHashMap<>();
    for (Map<String, String> row : table.rows()) {
      StringBuilder key = new StringBuilder();
      for (String column : columns) {
        if (single && column.equals("run")) {
          continue;
        }
        if (column.equals("result")) {
          continue;
        }
        key.append(row.get(column)).append('\u0000');
      }
      keyed.put(key.toString(), row);
    }
    return keyed;
  }
}
