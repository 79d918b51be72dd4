package org.overlaysim.emulation.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@link CommandRunner} over {@link ProcessBuilder}: argument lists only, no shell. */
public final class ProcessCommandRunner implements CommandRunner {
  @Override
  public CommandResult run(List<String> argv, String stdin, long timeoutMs)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try (OutputStream input = process.getOutputStream()) {
      input.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The program exited without reading its input; its exit status tells what happened.
    }
    if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      return new CommandResult(
          argv, CommandResult.TIMED_OUT, join(out), "timed out after " + timeoutMs + " ms");
    }
    return new CommandResult(argv, process.exitValue(), join(out), join(err));
  }

  @Override
  public Process start(List<String> argv) throws IOException {
    return new ProcessBuilder(argv).start();
  }

  /** A thread of its own per stream: a pool could starve one pipe while the other fills. */
  private static CompletableFuture<String> drain(InputStream stream) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                stream.transferTo(bytes);
                result.complete(bytes.toString(StandardCharsets.UTF_8));
              } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "command-output");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  private static String join(CompletableFuture<String> output) throws InterruptedException {
    try {
      return output.get();
    } catch (ExecutionException e) {
      return "";
    }
  }
}
