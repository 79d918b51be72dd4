package org.overlaysim.cli;

import java.io.IOException;
import java.util.List;
import org.overlaysim.emulation.kernel.CommandResult;
import org.overlaysim.emulation.kernel.ProcessCommandRunner;

/**
 * Runs a cluster client (sbatch, squeue, ...) and returns what it said; never hangs forever. The
 * emulator's {@link ProcessCommandRunner} runs it: one way to run a program, no shell.
 */
record ExternalCommand(int exitCode, String out, String err) {
  private static final long TIMEOUT_S = 120;

  boolean ok() {
    return exitCode == 0;
  }

  static ExternalCommand run(List<String> command) throws IOException {
    CommandResult result;
    try {
      result = new ProcessCommandRunner().run(command, "", TIMEOUT_S * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + command.get(0), e);
    } catch (IOException e) {
      throw new UserInputException(
          command.get(0) + ": cannot run it (" + e.getMessage() + "); is Slurm installed here?");
    }
    if (result.timedOut()) {
      return new ExternalCommand(-1, "", command.get(0) + " did not answer in " + TIMEOUT_S + " s");
    }
    return new ExternalCommand(result.exitStatus(), result.stdout(), result.stderr());
  }
}
