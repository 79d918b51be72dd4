package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.scenario.ScenarioLoader;

/** {@code batch --parallel} defaults to the runs that fit the heap and warns beyond it. */
class RunMemoryTest {
  static final long GIB = 1L << 30;

  @Test
  void k8sMaxIsEstimatedAtItsMeasuredHalfGibibyte() throws Exception {
    var scenario =
        ScenarioLoader.load(Path.of("..", "scenarios", "examples", "k8s-max.yaml")).base();
    // measured: peak heap 513.5 MiB with the parallel collector; runs in -Xmx640m
    assertThat(RunMemory.estimate(scenario)).isBetween(512 * RunMemory.MIB, 640 * RunMemory.MIB);
  }

  @Test
  void theDefaultIsWhatFitsTheHeapAtMostOneARunAndAtMostTheCores() {
    long k8sMax = 566 * RunMemory.MIB;
    assertThat(RunMemory.fitting(k8sMax, 2 * GIB, 16)).as("16 cores, -Xmx2g").isEqualTo(3);
    assertThat(RunMemory.fitting(k8sMax, 64 * GIB, 16)).as("a big heap: the cores").isEqualTo(16);
    assertThat(RunMemory.fitting(k8sMax, GIB / 4, 16)).as("not even one fits: one").isEqualTo(1);
  }

  @Test
  void moreThanFitGivesAWarningThatSaysWhatToDo() {
    assertThat(RunMemory.warning(16, "k8s-max", 566 * RunMemory.MIB, 2 * GIB))
        .isEqualTo(
            "warning: --parallel 16 may run out of memory: a run of k8s-max needs about 566 MiB"
                + " and the JVM's heap is at most 2.0 GiB (3 at once fit); give it more with"
                + " JAVA_OPTS=-Xmx9g");
    assertThat(RunMemory.warning(3, "k8s-max", 566 * RunMemory.MIB, 2 * GIB)).isNull();
  }

  @Test
  void batchWarnsWhenParallelIsBeyondTheHeap(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "batch",
            Path.of("..", "scenarios", "examples", "two-hosts.yaml").toString(),
            "--out",
            dir.toString(),
            "--parallel",
            "100000");
    assertThat(status).isZero();
    assertThat(err.toString())
        .startsWith(
            "warning: --parallel 100000 may run out of memory: a run of two-hosts needs about 72"
                + " MiB and the JVM's heap is at most ");
  }
}
