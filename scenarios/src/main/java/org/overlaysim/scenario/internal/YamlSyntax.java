package org.overlaysim.scenario.internal;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says what is wrong with a YAML document in words a user acts on. SnakeYAML's message leads with
 * its context ({@code while parsing a flow mapping}), which is where it was, not what it found; its
 * problem and problem mark name the mistake and its place.
 */
final class YamlSyntax {
  private YamlSyntax() {}

  /** SnakeYAML's 0-based mark as a 1-based {@link Mark} in {@code file}. */
  static Mark mark(String file, org.yaml.snakeyaml.error.Mark mark) {
    return mark == null
        ? new Mark(file, 1, 1)
        : new Mark(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** The problem of {@code e}, explained. */
  static String explain(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String opened = where(e.getContextMark());
    if (problem.contains("\\t") || problem.contains("\t")) {
      return "tab characters are not allowed for indentation; indent with spaces";
    }
    if (context.contains("flow mapping")) {
      return "the '{' at " + opened + " is not closed: expected ',' or '}' before this";
    }
    if (context.contains("flow sequence")) {
      return "the '[' at " + opened + " is not closed: expected ',' or ']' before this";
    }
    if (context.contains("quoted scalar")) {
      return "the quote at " + opened + " is not closed";
    }
    if (problem.startsWith("expected <block end>")) {
      return "bad indentation: this line does not line up with the block that starts at " + opened;
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return "bad indentation, or a value holding ': ': indent this line as the keys above it, "
          + "or quote the value";
    }
    if (problem.startsWith("expected '<document start>'")) {
      return "this line does not continue the document above it: is a line above indented"
          + " differently, or a comment missing its '#'?";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return "expected 'key: value': a ':' is missing after the key at " + opened;
    }
    if (problem.startsWith("found undefined alias")
        || problem.startsWith("found duplicate anchor")) {
      return problem;
    }
    String text = problem.isEmpty() ? String.valueOf(e.getMessage()) : problem;
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String where(org.yaml.snakeyaml.error.Mark mark) {
    return mark == null
        ? "an earlier line"
        : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
