package org.overlaysim.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.ScenarioSet;

/**
 * Scenario build time versus size, on clusters of the shape of k8s-max ({@link K8sShapedCluster}):
 * 1,000, 10,000 and 150,000 containers (30, 330 and 5,000 hosts; 3, 33 and 500 policies).
 *
 * <ul>
 *   <li>{@code loadAndValidate}: {@link ScenarioLoader#load} of the YAML file: parse, validate,
 *       expand the {@code count} entries, allocate addresses (the "loading and validating" of
 *       {@code run --profile}).
 *   <li>{@code build}: {@link OverlayNetwork#build} of the loaded run: underlay, routes, VTEPs,
 *       container stacks, policy index (the "build" of {@code run --profile}); traffic not started.
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ScenarioBuildBenchmark} (add {@code -prof
 * gc} for the bytes allocated per operation)
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Five warm-up iterations: after two, the JIT is still compiling the 10,000-container build.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// The heap touched up front: on this VM, first touches of fresh heap pages (150,000 containers
// allocate 130-155 MB per operation) made iterations vary from 130 to 670 ms.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ScenarioBuildBenchmark {
  @Param({"1000", "10000", "150000"})
  public int containers;

  Path file;
  Run run;

  @Setup(Level.Trial)
  public void setUp() throws IOException, ScenarioException {
    file = Files.createTempFile("k8s-shaped-" + containers + "-", ".yaml");
    Files.writeString(file, K8sShapedCluster.yaml(containers));
    ScenarioSet set = ScenarioLoader.load(file, List.of());
    if (set.base().containers().size() != containers) {
      throw new IllegalStateException(
          containers + " containers asked, " + set.base().containers().size() + " loaded");
    }
    run = set.runs().get(0);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public ScenarioSet loadAndValidate() throws ScenarioException {
    return ScenarioLoader.load(file, List.of());
  }

  @Benchmark
  public OverlayNetwork build() {
    return OverlayNetwork.build(
        run.scenario(),
        new Simulator(),
        new RandomStreams(run.seed(), run.replication()),
        NetworkObserver.NONE);
  }
}
