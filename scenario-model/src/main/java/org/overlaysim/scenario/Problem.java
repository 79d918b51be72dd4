package org.overlaysim.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario, located in its file.
 *
 * @param path YAML path such as {@code containers[3].host}; empty for the document itself
 */
public record Problem(String file, int line, int column, String path, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code FILE:LINE:COLUMN: PATH: message}, the line the CLI prints. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
