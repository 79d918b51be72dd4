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

  /** Whether {@code text} holds a control character (a newline, a tab, an escape...). */
  static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  /** {@code text} for a message: control characters shown as Java escapes ({@code \\n}). */
  static String printable(String text) {
    StringBuilder shown = new StringBuilder();
    text.chars()
        .forEach(
            c -> {
              if (c == '\n') {
                shown.append("\\n");
              } else if (c == '\t') {
                shown.append("\\t");
              } else if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", c));
              } else {
                shown.append((char) c);
              }
            });
    return shown.toString();
  }

  static String join(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }
}
