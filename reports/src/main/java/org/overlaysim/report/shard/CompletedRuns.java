package org.overlaysim.report.shard;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.overlaysim.report.RunStore;
import org.overlaysim.report.shard.ShardManifest.PlannedRun;

/**
 * Which planned runs an output folder holds complete: {@code runs/<id>/report.json} present and
 * naming the planned fingerprint (a report of older inputs does not count), as {@code batch}'s
 * resume decides.
 */
public final class CompletedRuns {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private CompletedRuns() {}

  /** The ids of the runs complete in {@code dir} whose fingerprint matches one of {@code plan}. */
  public static Set<String> in(Path dir, List<PlannedRun> plan) throws IOException {
    Set<String> complete = new TreeSet<>();
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return complete;
    }
    for (PlannedRun run : plan) {
      Path report = runs.resolve(run.id()).resolve(RunStore.REPORT_FILE);
      if (Files.isRegularFile(report) && run.fingerprint().equals(fingerprint(report))) {
        complete.add(run.id());
      }
    }
    return complete;
  }

  /** How many folders under {@code dir/runs} hold a report.json (cheap, for progress lines). */
  public static int count(Path dir) throws IOException {
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(runs)) {
      return (int) dirs.filter(d -> Files.isRegularFile(d.resolve(RunStore.REPORT_FILE))).count();
    }
  }

  private static String fingerprint(Path report) throws IOException {
    JsonNode node = JSON.readTree(report.toFile()).get("fingerprint");
    return node == null ? "" : node.asText();
  }
}
