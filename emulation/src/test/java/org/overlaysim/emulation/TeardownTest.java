package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.emulation.kernel.CommandResult;
import org.overlaysim.emulation.kernel.CommandRunner;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.emulation.kernel.RunRegistry;

/**
 * Nothing of ours survives a failed build, a failure or SIGTERM while the delay relays run, and
 * --cleanup removes what a crash left (root).
 */
class TeardownTest {
  private final ProcessCommandRunner real = new ProcessCommandRunner();

  @BeforeEach
  void tools() {
    KernelTools.require();
  }

  @AfterEach
  void nothingOfOursIsLeft() {
    assertThat(KernelTools.ourNamespaces()).isEmpty();
  }

  /** Runs commands for real until the tenth veth pair, which "fails" as the kernel might. */
  private static final class FailingHalfway implements CommandRunner {
    private final CommandRunner delegate;
    private final AtomicInteger veths = new AtomicInteger();

    FailingHalfway(CommandRunner delegate) {
      this.delegate = delegate;
    }

    @Override
    public CommandResult run(List<String> argv, String stdin, long timeoutMs)
        throws IOException, InterruptedException {
      if (argv.contains("veth") && veths.incrementAndGet() == 10) {
        return new CommandResult(argv, 2, "", "RTNETLINK answers: injected failure");
      }
      return delegate.run(argv, stdin, timeoutMs);
    }

    @Override
    public Process start(List<String> argv) throws IOException {
      return delegate.start(argv);
    }
  }

  @Test
  void buildFailingHalfwayRemovesEveryNamespaceItMade() {
    FailingHalfway runner = new FailingHalfway(real);
    Emulator emulator =
        new Emulator(runner, EmulationSettings.defaults(), new PrintWriter(new StringWriter()));

    assertThatThrownBy(() -> emulator.emulate(KernelTools.run("network-policy.yaml")))
        .isInstanceOf(EmulationException.class)
        .hasMessageContaining("injected failure")
        .satisfies(e -> assertThat(((EmulationException) e).exitStatus()).isEqualTo(1));
    assertThat(runner.veths.get()).isEqualTo(10);
  }

  @Test
  void cleanupRemovesNamespacesLeftByACrashedRunAndNothingElse() throws Exception {
    real.run(List.of("ip", "netns", "add", "osim-dead-h0"));
    real.run(List.of("ip", "netns", "add", "osim-dead-c12"));
    real.run(List.of("ip", "netns", "add", "osimtest-keep"));
    try {
      StringWriter out = new StringWriter();
      int status =
          EmulateMain.cleanup(new PrintWriter(out), new PrintWriter(new StringWriter()), real);

      assertThat(status).isZero();
      assertThat(out.toString()).contains("removed 2 namespaces");
      assertThat(real.run(List.of("ip", "netns", "list")).stdout()).contains("osimtest-keep");
    } finally {
      real.run(List.of("ip", "netns", "del", "osimtest-keep"));
    }
  }

  @Test
  void cleanupKeepsTheNamespacesOfAnEmulationThatIsStillRunning() throws Exception {
    Names live = new Names("cafe");
    RunRegistry registry = RunRegistry.standard();
    registry.register(live); // this test's own, living, process id
    real.run(List.of("ip", "netns", "add", live.host(0)));
    try {
      StringWriter out = new StringWriter();
      EmulateMain.cleanup(new PrintWriter(out), new PrintWriter(new StringWriter()), real);

      assertThat(out.toString()).contains("keeping " + live.host(0));
      assertThat(KernelTools.ourNamespaces()).contains(live.host(0));
    } finally {
      registry.release(live);
      real.run(List.of("ip", "netns", "del", live.host(0)));
    }
  }

  @Test
  void terminatedEmulatorRemovesItsNamespacesFromItsShutdownHook(@TempDir Path dir)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                EmulateMain.class.getName(),
                KernelTools.file("network-policy.yaml").toString(),
                dir.resolve("out").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      // Wait for the traffic phase: a probe server (a JVM) running inside a container namespace.
      // Probe servers come and go, so remember having seen one rather than looking again.
      boolean reachedTraffic = false;
      while (!reachedTraffic && System.nanoTime() < deadline) {
        reachedTraffic = probeServerRuns();
        if (!reachedTraffic) {
          Thread.sleep(100);
        }
      }
      assertThat(reachedTraffic).as("the child reached its traffic phase").isTrue();

      child.destroy(); // SIGTERM, as a user's Ctrl-C or a CI timeout would send

      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      // Even when an assertion failed: SIGTERM first, so the child's hook still tears down.
      child.destroy();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  private boolean probeServerRuns() throws Exception {
    // The child is another live process: its namespaces are not "ours" to this JVM.
    for (String namespace : KernelTools.allNamespaces()) {
      if (namespace.endsWith("-c0")
          && !real.run(List.of("ip", "netns", "pids", namespace)).stdout().isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aFailureWhileTheDelayRelaysRunEndsThemAndRemovesEverything() {
    CommandRunner failingPing =
        new CommandRunner() {
          @Override
          public CommandResult run(List<String> argv, String stdin, long timeoutMs)
              throws IOException, InterruptedException {
            if (argv.contains("ping")) {
              assertThat(DelayRelayEmulationTest.relayProcesses()).isNotEmpty();
              throw new IOException("injected: ping could not start");
            }
            return real.run(argv, stdin, timeoutMs);
          }

          @Override
          public Process start(List<String> argv) throws IOException {
            return real.start(argv);
          }
        };
    Emulator emulator =
        new Emulator(
            failingPing, EmulationSettings.defaults(), new PrintWriter(new StringWriter()));

    assertThatThrownBy(
            () ->
                emulator.emulate(
                    org.overlaysim.scenario.ScenarioLoader.load(DelayRelayEmulationTest.THREE_SITES)
                        .runs()
                        .get(0)))
        .isInstanceOf(EmulationException.class)
        .hasMessageContaining("injected");
    assertThat(DelayRelayEmulationTest.relayProcesses()).isEmpty();
  }

  @Test
  void terminatedEmulatorEndsItsDelayRelays(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                EmulateMain.class.getName(),
                DelayRelayEmulationTest.THREE_SITES.toString(),
                dir.resolve("out").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      boolean relaying = false;
      while (!relaying && System.nanoTime() < deadline) {
        relaying = !DelayRelayEmulationTest.relayProcesses().isEmpty();
        if (!relaying) {
          Thread.sleep(50);
        }
      }
      assertThat(relaying).as("the child started its delay relays").isTrue();

      child.destroy(); // SIGTERM

      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(DelayRelayEmulationTest.relayProcesses()).isEmpty();
    } finally {
      child.destroy();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }
}
