package org.overlaysim.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.overlaysim.scenario.Container;
import org.overlaysim.scenario.Host;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.Scenario;

/**
 * The per-run folders {@code DIR/runs/<run-id>/}: each holds the run's own CSV files, its captures,
 * and {@code report.json}, written last. A run whose {@code report.json} exists and names the same
 * fingerprint is complete: a restarted batch reads it back instead of running it again, and merging
 * shards reads these files.
 */
public final class RunStore {
  /** The marker of a complete run, and the report it contributes to the combined files. */
  public static final String REPORT_FILE = "report.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .build();

  /**
   * What a stored report carries besides the report: which run of which inputs it was, and which
   * build made it ({@link BuildInfo}; null in files written before builds were recorded).
   */
  record StoredRun(String version, String model, String fingerprint, RunReport report) {}

  /** What a run's folder holds, as a resumed batch sees it. */
  public enum State {
    /** A report of this run's inputs made by this build: reused. */
    COMPLETE,
    /** No report.json: never run, or stopped before the end. */
    ABSENT,
    /** A report.json that cannot be read (truncated by a crash, edited by hand). */
    DAMAGED,
    /** A report made by another build of overlaysim (version or model code). */
    OTHER_BUILD,
    /** A report of other inputs: the scenario or an override changed since. */
    OTHER_SCENARIO
  }

  /**
   * A run's folder as found: its state, the report when complete, and the build that made it (for
   * {@link State#OTHER_BUILD}, {@link BuildInfo#describe}).
   */
  public record Found(State state, RunReport report, String madeBy) {}

  private final Path root;

  public RunStore(Path outDir) {
    this.root = outDir.resolve("runs");
  }

  public Path runDir(String runId) {
    return root.resolve(runId);
  }

  /**
   * The identity of a run's inputs: a SHA-256 of the resolved scenario, seed and sweep values. A
   * stored report with another fingerprint (the file changed since) is not reused.
   */
  public static String fingerprint(Run run) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Scenario s = run.scenario();
      // Hosts and containers one by one: a single string of 150,000 containers costs seconds.
      Scenario rest =
          new Scenario(
              s.name(),
              s.description(),
              s.seed(),
              s.durationNs(),
              s.replications(),
              s.sites(),
              s.underlay(),
              List.of(),
              s.overlays(),
              List.of(),
              s.namespaces(),
              s.policies(),
              s.acls(),
              s.traffic(),
              s.capture(),
              s.sweep(),
              s.ipBlockMatchesPods(),
              s.commonSeeds(),
              s.sampleNs(),
              s.events());
      update(
          sha,
          new Run(run.id(), run.point(), run.replication(), run.seed(), run.sweepValues(), rest)
              .toString());
      for (Host host : s.hosts()) {
        update(sha, host.toString());
      }
      for (Container container : s.containers()) {
        update(sha, container.toString());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void update(MessageDigest sha, String part) {
    sha.update(part.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }

  /** The stored report of a complete run with this fingerprint made by this build, if any. */
  public Optional<RunReport> completed(Run run) {
    Found found = find(run);
    return found.state() == State.COMPLETE ? Optional.of(found.report()) : Optional.empty();
  }

  /**
   * What {@code run}'s folder holds: complete, absent, damaged, or made of other code or inputs.
   */
  public Found find(Run run) {
    return find(runDir(run.id()).resolve(REPORT_FILE), () -> fingerprint(run));
  }

  /**
   * What a {@code report.json} holds for a run whose inputs have {@code fingerprint} (asked only
   * when the file is whole and made by this build).
   */
  public static Found find(Path file, Supplier<String> fingerprint) {
    if (!Files.exists(file)) {
      return new Found(State.ABSENT, null, null);
    }
    StoredRun stored;
    try {
      stored = read(file);
    } catch (IOException e) { // truncated or not JSON: the run never finished writing it
      return new Found(State.DAMAGED, null, null);
    }
    if (stored.report() == null || stored.fingerprint() == null) {
      return new Found(State.DAMAGED, null, null);
    }
    BuildInfo build = BuildInfo.current();
    if (!build.version().equals(stored.version()) || !build.model().equals(stored.model())) {
      return new Found(
          State.OTHER_BUILD, null, BuildInfo.describe(stored.version(), stored.model()));
    }
    return stored.fingerprint().equals(fingerprint.get())
        ? new Found(State.COMPLETE, stored.report(), null)
        : new Found(State.OTHER_SCENARIO, null, null);
  }

  /**
   * Stores a finished run: its own CSV files first, then report.json, which marks it complete and
   * names the build that made it.
   */
  public void save(Run run, RunReport report) throws IOException {
    Path dir = runDir(run.id());
    ReportFiles.write(dir, List.of(report)); // each file and the run's folder flushed to disk
    ReportFiles.syncDirectory(root); // and the run's folder's own entry, before report.json
    BuildInfo build = BuildInfo.current();
    ReportFiles.writeAtomically(
        dir.resolve(REPORT_FILE),
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(
                new StoredRun(build.version(), build.model(), fingerprint(run), report)));
  }

  /** Every complete run stored under {@code outDir}, in run-id order. */
  public static List<RunReport> readAll(Path outDir) throws IOException {
    Path runs = outDir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (var dirs = Files.list(runs)) {
      List<Path> files =
          dirs.map(d -> d.resolve(REPORT_FILE)).filter(Files::exists).sorted().toList();
      List<RunReport> reports = new java.util.ArrayList<>();
      for (Path f : files) {
        reports.add(read(f).report());
      }
      return reports;
    }
  }

  private static StoredRun read(Path file) throws IOException {
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      return JSON.readValue(parser, StoredRun.class);
    }
  }
}
