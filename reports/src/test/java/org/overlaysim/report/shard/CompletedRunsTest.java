package org.overlaysim.report.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.report.BuildInfo;
import org.overlaysim.report.shard.ShardManifest.PlannedRun;

/** A shard's run counts as complete only as a resumed batch would count it. */
class CompletedRunsTest {
  @TempDir Path dir;

  private void report(String id, String json) throws Exception {
    Path run = Files.createDirectories(dir.resolve("runs").resolve(id));
    Files.writeString(run.resolve("report.json"), json);
  }

  @Test
  void aDamagedOrOtherBuildsReportIsNotComplete() throws Exception {
    report("cut-short", "{\n  \"version\" : \"0.1.0\",\n  \"fing");
    report(
        "old",
        "{\"version\": \"0.0.9\", \"model\": \"ab\", \"fingerprint\": \"f\", \"report\": {}}");
    report("unversioned", "{\"fingerprint\": \"f\", \"report\": {}}");
    List<PlannedRun> plan =
        List.of(
            new PlannedRun("cut-short", "f"),
            new PlannedRun("old", "f"),
            new PlannedRun("unversioned", "f"),
            new PlannedRun("absent", "f"));

    assertThat(CompletedRuns.in(dir, plan)).isEmpty();
    assertThat(BuildInfo.current().version()).isNotEqualTo("0.0.9");
  }

  @Test
  void aBuildIsNamedByItsVersionAndModelDigest() {
    String model = BuildInfo.current().model();
    assertThat(model).matches("[0-9a-f]{64}");
    assertThat(BuildInfo.describe("0.1.0", model))
        .isEqualTo("overlaysim 0.1.0 (model " + model.substring(0, 8) + "…)");
    assertThat(BuildInfo.describe(null, null))
        .isEqualTo("an earlier overlaysim (no version recorded)");
  }
}
