package org.overlaysim.emulation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overlaysim.emulation.report.CsvTable;
import org.overlaysim.emulation.report.EmulationReports;

/**
 * {@code overlaysim compare SIM_DIR EMU_DIR}: the simulation's and the emulation's reports side by
 * side, reachability cell by cell ({@code reachability.csv}: same result for every source,
 * destination, protocol and port) and ping delivery per flow ({@code latency.csv} rows of kind
 * ping: delivered or not, and the number of replies). Rows are matched within a run; when each side
 * holds a single run their ids need not match.
 */
public final class Comparison {
  public static final int AGREE = 0;
  public static final int DIFFER = 1;
  public static final int UNREADABLE = 2;

  /** What was compared: counts, and one line per difference. */
  public record Outcome(
      int cellsCompared, int flowsCompared, List<String> differences, List<String> notes) {
    public Outcome {
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
    outcome.notes().forEach(note -> out.println("note: " + note));
    outcome.differences().forEach(difference -> out.println("DIFFER " + difference));
    out.printf(
        "reachability: %d cells compared; ping: %d flows compared; %s%n",
        outcome.cellsCompared(),
        outcome.flowsCompared(),
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
    int cells = reachability(sim, emu, differences, notes);
    int flows = pings(sim, emu, differences);
    return new Outcome(cells, flows, differences, notes);
  }

  private static int reachability(Path sim, Path emu, List<String> differences, List<String> notes)
      throws IOException {
    Path simFile = sim.resolve(EmulationReports.REACHABILITY);
    Path emuFile = emu.resolve(EmulationReports.REACHABILITY);
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

  private static int pings(Path sim, Path emu, List<String> differences) throws IOException {
    Path simFile = sim.resolve(EmulationReports.LATENCY);
    Path emuFile = emu.resolve(EmulationReports.LATENCY);
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
      } else if (simReplies != emuReplies) {
        differences.add(
            "ping "
                + s.get("flow")
                + ": both delivered, simulation "
                + simReplies
                + " replies, emulation "
                + emuReplies);
      }
    }
    return compared;
  }

  private static CsvTable pingRows(CsvTable table) {
    List<Map<String, String>> pings = new ArrayList<>();
    for (Map<String, String> row : table.rows()) {
      if ("ping".equals(row.get("kind"))) {
        pings.add(row);
      }
    }
    return new CsvTable(table.header(), pings);
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
