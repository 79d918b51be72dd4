package org.overlaysim.report.shard;

import java.util.List;

/** Shard folders that cannot be merged into one batch's reports; one line per problem. */
public final class MergeRefusedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public MergeRefusedException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
