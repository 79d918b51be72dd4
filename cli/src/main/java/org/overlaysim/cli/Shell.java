package org.overlaysim.cli;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting for the scripts we write: every word single-quoted, nothing expanded. */
final class Shell {
  private Shell() {}

  static String quote(String word) {
    if (word.matches("[A-Za-z0-9_./=:,+@%-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  static String join(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }
}
