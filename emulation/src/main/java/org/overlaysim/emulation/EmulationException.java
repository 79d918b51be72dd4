package org.overlaysim.emulation;

/**
 * The emulation cannot run or failed: a message for the user and the exit status the command
 * returns (2 for an environment or input the user must fix, 1 for a failure on the way).
 */
public final class EmulationException extends Exception {
  private static final long serialVersionUID = 1L;

  public static final int ENVIRONMENT = 2;
  public static final int FAILURE = 1;

  private final int exitStatus;

  public EmulationException(int exitStatus, String message) {
    super(message);
    this.exitStatus = exitStatus;
  }

  public EmulationException(int exitStatus, String message, Throwable cause) {
    super(message, cause);
    this.exitStatus = exitStatus;
  }

  public int exitStatus() {
    return exitStatus;
  }
}
