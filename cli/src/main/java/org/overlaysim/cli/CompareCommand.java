package org.overlaysim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.overlaysim.emulation.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overlaysim compare SIM_DIR EMU_DIR}: does the simulation agree with the kernel? */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare a simulation's reports with an emulation's: reachability cell by cell, ping",
      "delivery per flow, tcp goodput per flow (within 10% of the kernel's; retransmissions shown).",
      "Exit 0 when they agree, 1 when they differ, 2 for unreadable input."
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SIM_DIR", description = "Reports of overlaysim run.")
  Path simulation;

  @Parameters(index = "1", paramLabel = "EMU_DIR", description = "Reports of overlaysim emulate.")
  Path emulation;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return Comparison.compare(simulation, emulation, spec.commandLine().getOut());
  }
}
