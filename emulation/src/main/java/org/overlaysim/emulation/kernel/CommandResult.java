package org.overlaysim.emulation.kernel;

import java.util.List;
import java.util.Objects;

/** What one external command did: its argument list, exit status and both outputs. */
public record CommandResult(List<String> argv, int exitStatus, String stdout, String stderr) {
  public CommandResult {
    argv = List.copyOf(argv);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** The exit status of a program that did not finish in time (and was killed). */
  public static final int TIMED_OUT = -1;

  public boolean succeeded() {
    return exitStatus == 0;
  }

  public boolean timedOut() {
    return exitStatus == TIMED_OUT;
  }

  /** {@code ip link add ...: exit 2: RTNETLINK answers: File exists}. */
  public String describe() {
    String detail = stderr.isBlank() ? stdout.strip() : stderr.strip();
    return String.join(" ", argv)
        + ": exit "
        + exitStatus
        + (detail.isEmpty() ? "" : ": " + detail);
  }
}
