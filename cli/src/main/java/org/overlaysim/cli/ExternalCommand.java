package org.overlaysim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a cluster client (sbatch, squeue, ...) and returns what it said; never hangs forever. */
record ExternalCommand(int exitCode, String out, String err) {
  private static final long TIMEOUT_S = 120;

  boolean ok() {
    return exitCode == 0;
  }

  static ExternalCommand run(List<String> command) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new UserInputException(
          command.get(0) + ": cannot run it (" + e.getMessage() + "); is Slurm installed here?");
    }
    process.getOutputStream().close();
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    try {
      if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new ExternalCommand(
            -1, "", command.get(0) + " did not answer in " + TIMEOUT_S + " s");
      }
      return new ExternalCommand(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while waiting for " + command.get(0), e);
    }
  }

  private static CompletableFuture<String> read(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
