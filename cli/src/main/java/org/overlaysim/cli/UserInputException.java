package org.overlaysim.cli;

import java.util.List;

/** A mistake in what the user gave us (a file, an argument): reported line by line, exit 2. */
final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  UserInputException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  UserInputException(String problem) {
    this(List.of(problem));
  }

  List<String> problems() {
    return problems;
  }
}
