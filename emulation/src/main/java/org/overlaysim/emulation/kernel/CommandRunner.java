package org.overlaysim.emulation.kernel;

import java.io.IOException;
import java.util.List;

/**
 * Runs external programs from argument lists, never through a shell, so no scenario text can ever
 * be read as shell syntax. Tests substitute a runner that fails on purpose.
 */
public interface CommandRunner {
  /** Runs to completion; {@code stdin} (may be empty) is written to the program's input. */
  CommandResult run(List<String> argv, String stdin, long timeoutMs)
      throws IOException, InterruptedException;

  default CommandResult run(List<String> argv) throws IOException, InterruptedException {
    return run(argv, "", 30_000);
  }

  /** Starts a long-running program (probe servers); the caller ends it. */
  Process start(List<String> argv) throws IOException;
}
