package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-node Slurm cluster on loopback for one test class, started and stopped by
 * src/test/resources/slurm/local-cluster.sh (config, munge key, state and logs in a temporary
 * folder; daemons stopped by their pids). Missing Slurm skips the tests, or fails them when
 * OVERLAYSIM_REQUIRE_TOOLS=1 (as in CI).
 */
final class LocalSlurmCluster implements AutoCloseable {
  static final Path SCRIPT = Path.of("src", "test", "resources", "slurm", "local-cluster.sh");
  private final Path dir;

  private LocalSlurmCluster(Path dir) {
    this.dir = dir;
  }

  static LocalSlurmCluster start(Path dir) throws IOException, InterruptedException {
    for (String tool : List.of("slurmctld", "slurmd", "munged", "sbatch", "squeue")) {
      if (!onPath(tool)) {
        String message =
            tool + " not found: install slurm-wlm and munge (apt-get install slurm-wlm munge)";
        if ("1".equals(System.getenv("OVERLAYSIM_REQUIRE_TOOLS"))) {
          fail(message);
        }
        Assumptions.abort(message);
      }
    }
    Files.createDirectories(dir);
    LocalSlurmCluster cluster = new LocalSlurmCluster(dir);
    Process start = script("start", dir);
    if (!start.waitFor(60, TimeUnit.SECONDS) || start.exitValue() != 0) {
      cluster.close();
      fail("the local Slurm cluster did not start:\n" + Files.readString(dir.resolve("start.log")));
    }
    return cluster;
  }

  Map<String, String> environment() {
    return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    script("stop", dir).waitFor(30, TimeUnit.SECONDS);
  }

  private static Process script(String command, Path dir) throws IOException {
    return new ProcessBuilder("bash", SCRIPT.toString(), command, dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(command + ".log").toFile())
        .start();
  }

  private static boolean onPath(String tool) throws IOException, InterruptedException {
    Process which =
        new ProcessBuilder("sh", "-c", "command -v " + tool)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return which.waitFor() == 0;
  }
}
