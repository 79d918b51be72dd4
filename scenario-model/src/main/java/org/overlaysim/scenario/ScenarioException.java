package org.overlaysim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario the user must fix; carries every problem found, in file order. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs a problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
