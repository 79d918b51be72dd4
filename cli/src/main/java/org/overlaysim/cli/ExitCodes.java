package org.overlaysim.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The exit-status contract: 0 success, 2 a user's mistake (one clear line per problem, no stack
 * trace), 1 anything else (an internal failure, reported with its stack trace for a bug report).
 */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL_FAILURE = 1;
  static final int USER_ERROR = 2;

  /** Stopped by SIGINT or SIGTERM, as a shell reports Ctrl-C (128 + 2). */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  static int onBadArguments(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("overlaysim: " + e.getMessage());
    command
        .getErr()
        .println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return USER_ERROR;
  }

  static int onFailure(Exception e, CommandLine command, ParseResult parseResult) {
    if (e instanceof UserInputException userError) {
      userError.problems().forEach(command.getErr()::println);
      return USER_ERROR;
    }
    if (e instanceof SignalSafeBatch.Interrupted) {
      return INTERRUPTED; // its line is printed
    }
    if (e instanceof GuiCommand.GuiUnavailable) {
      return INTERNAL_FAILURE;
    }
    command.getErr().println("overlaysim: internal error: " + e);
    e.printStackTrace(command.getErr());
    return INTERNAL_FAILURE;
  }
}
