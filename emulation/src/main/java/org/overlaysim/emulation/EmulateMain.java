package org.overlaysim.emulation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.overlaysim.emulation.kernel.CommandRunner;
import org.overlaysim.emulation.kernel.NamespaceJanitor;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;
import org.overlaysim.emulation.kernel.RunRegistry;
import org.overlaysim.emulation.report.EmulationReports;
import org.overlaysim.scenario.Problem;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;
import org.overlaysim.scenario.ScenarioSet;

/**
 * Entry points for the CLI: {@code overlaysim emulate FILE --out DIR} ({@link #run}) and {@code
 * overlaysim emulate --cleanup} ({@link #cleanup}). Exit status: 0 success, 2 invalid scenario or
 * unusable environment (not root, a program missing, too large), 1 a failure on the way.
 */
public final class EmulateMain {
  private EmulateMain() {}

  /**
   * For use without the CLI: {@code EmulateMain FILE OUT_DIR}, {@code EmulateMain --cleanup} or
   * {@code EmulateMain compare SIM_DIR EMU_DIR}.
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status;
    if (args.length == 1 && args[0].equals("--cleanup")) {
      status = cleanup(out, err);
    } else if (args.length == 3 && args[0].equals("compare")) {
      status = Comparison.compare(Path.of(args[1]), Path.of(args[2]), out);
    } else if (args.length == 2) {
      status = run(Path.of(args[0]), Path.of(args[1]), out, err);
    } else {
      err.println("usage: EmulateMain FILE OUT_DIR | --cleanup | compare SIM_DIR EMU_DIR");
      status = 2;
    }
    System.exit(status);
  }

  public static int run(Path scenario, Path outDir, PrintWriter out, PrintWriter err) {
    return run(scenario, List.of(), outDir, out, err);
  }

  /** With {@code --set KEY=VALUE} overrides, as {@code overlaysim run} takes them. */
  public static int run(
      Path scenario, List<String> overrides, Path outDir, PrintWriter out, PrintWriter err) {
    return run(
        scenario,
        overrides,
        outDir,
        out,
        err,
        new ProcessCommandRunner(),
        EmulationSettings.defaults());
  }

  /** With a given runner and settings (tests inject failures through the runner). */
  public static int run(
      Path scenario,
      Path outDir,
      PrintWriter out,
      PrintWriter err,
      CommandRunner runner,
      EmulationSettings settings) {
    return run(scenario, List.of(), outDir, out, err, runner, settings);
  }

  public static int run(
      Path scenario,
      List<String> overrides,
      Path outDir,
      PrintWriter out,
      PrintWriter err,
      CommandRunner runner,
      EmulationSettings settings) {
    ScenarioSet set;
    try {
      set = ScenarioLoader.load(scenario, overrides);
    } catch (ScenarioException e) {
      for (Problem problem : e.problems()) {
        err.println(problem);
      }
      err.flush();
      return EmulationException.ENVIRONMENT;
    }
    if (set.runs().size() > 1) {
      out.println(
          "note: "
              + set.runs().size()
              + " runs (sweep or replications); the emulation builds the first: "
              + set.runs().get(0).id());
    }
    Run run = set.runs().get(0);
    try {
      Emulator emulator = new Emulator(runner, settings, out);
      emulator.checkScenario(run.scenario());
      Emulator.checkEnvironment();
      EmulationResult result = emulator.emulate(run);
      EmulationReports.write(outDir, result);
      long allowed = result.probes().stream().filter(ProbeObservation::allowed).count();
      out.printf(
          "emulated %s: %d ping flows, %d probes (%d allowed), %d tcp flows in %.1f s; reports in"
              + " %s%n",
          run.id(),
          result.pings().size(),
          result.probes().size(),
          allowed,
          result.tcp().size(),
          result.wallSeconds(),
          outDir);
      out.println("latency: " + result.notes().get("latency_source"));
      for (TcpResult tcp : result.tcp()) {
        out.printf(
            Locale.ROOT,
            "tcp %s: goodput %.2f Mbit/s, %d retransmissions, %d timeouts (%s)%n",
            tcp.flow(),
            tcp.goodputBps() / 1e6,
            tcp.retransmissions(),
            tcp.timeouts(),
            tcp.congestionControl());
      }
      out.flush();
      return 0;
    } catch (EmulationException e) {
      err.println("emulate: " + e.getMessage());
      err.flush();
      return e.exitStatus();
    } catch (IOException e) {
      err.println("emulate: cannot write the reports: " + e.getMessage());
      err.flush();
      return EmulationException.FAILURE;
    }
  }

  /**
   * Removes every namespace a crashed emulation left behind (names osim-XXXX-[rhc]N only); those of
   * an emulation still running (its pid file under /run/overlaysim names a live process) stay.
   */
  public static int cleanup(PrintWriter out, PrintWriter err) {
    return cleanup(out, err, new ProcessCommandRunner());
  }

  public static int cleanup(PrintWriter out, PrintWriter err, CommandRunner runner) {
    try {
      Emulator.checkEnvironment();
      NamespaceJanitor janitor = new NamespaceJanitor(runner);
      RunRegistry registry = RunRegistry.standard();
      List<String> ours = new ArrayList<>();
      for (String namespace : janitor.ours()) {
        Optional<Long> owner = registry.liveOwner(RunRegistry.tagOf(namespace));
        if (owner.isPresent()) {
          out.println(
              "cleanup: keeping " + namespace + " (emulation pid " + owner.get() + " runs)");
        } else {
          ours.add(namespace);
        }
      }
      int failed = 0;
      for (String namespace : ours) {
        Optional<String> problem = janitor.remove(namespace);
        if (problem.isPresent()) {
          failed++;
          err.println("cleanup: " + problem.get());
        }
      }
      out.printf("cleanup: removed %d namespaces%n", ours.size() - failed);
      out.flush();
      err.flush();
      return failed == 0 ? 0 : EmulationException.FAILURE;
    } catch (EmulationException e) {
      err.println("emulate --cleanup: " + e.getMessage());
      err.flush();
      return e.exitStatus();
    } catch (IOException e) {
      err.println("emulate --cleanup: " + e.getMessage());
      err.flush();
      return EmulationException.FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EmulationException.FAILURE;
    }
  }
}
