package org.overlaysim.emulation.plan;

import java.util.List;
import java.util.Objects;

/**
 * One command of the build: an argument list (never a shell line), text for its standard input (an
 * nftables script), and whether a failure may be ignored (a sysctl the kernel may lack).
 */
public record Step(List<String> argv, String stdin, boolean optional) {
  public Step {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a step needs a program");
    }
    Objects.requireNonNull(stdin, "stdin");
  }

  public static Step of(String... argv) {
    return new Step(List.of(argv), "", false);
  }

  @Override
  public String toString() {
    return String.join(" ", argv);
  }
}
