package org.overlaysim.emulation;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.emulation.kernel.NamespaceJanitor;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.emulation.kernel.RunRegistry;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

/**
 * Gate for tests that need root and iproute2/nftables/ping: without them they are skipped with the
 * reason, or fail when OVERLAYSIM_REQUIRE_TOOLS=1 (CI).
 */
final class KernelTools {
  private KernelTools() {}

  static void require() {
    try {
      Emulator.checkEnvironment();
    } catch (EmulationException e) {
      if ("1".equals(System.getenv("OVERLAYSIM_REQUIRE_TOOLS"))) {
        fail("OVERLAYSIM_REQUIRE_TOOLS=1 but " + e.getMessage());
      }
      Assumptions.abort("kernel emulation test skipped: " + e.getMessage());
    }
  }

  static Run run(String resource) {
    try {
      Path file = Path.of(KernelTools.class.getResource("/emulation/" + resource).toURI());
      return ScenarioLoader.load(file).runs().get(0);
    } catch (ScenarioException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String resource) {
    try {
      return Path.of(KernelTools.class.getResource("/emulation/" + resource).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Namespaces of emulation runs that exist right now, but for those of an emulation another live
   * process is running (another test run on the same machine): a namespace of ours, or one a dead
   * process left, counts.
   */
  static List<String> ourNamespaces() {
    RunRegistry registry = RunRegistry.standard();
    long self = ProcessHandle.current().pid();
    return allNamespaces().stream()
        .filter(n -> registry.liveOwner(RunRegistry.tagOf(n)).map(p -> p == self).orElse(true))
        .toList();
  }

  /** Namespaces of any emulation run that exist right now, whoever runs it. */
  static List<String> allNamespaces() {
    try {
      return new NamespaceJanitor(new ProcessCommandRunner())
          .all().stream().filter(n -> Names.NAMESPACE.matcher(n).matches()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
