package org.overlaysim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the files a user names before any work starts, so a typo costs one clear line. */
final class InputFiles {
  private InputFiles() {}

  static Path readable(Path file) {
    if (!Files.exists(file)) {
      throw new UserInputException(file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new UserInputException(file + ": is a directory, not a scenario file");
    }
    if (!Files.isReadable(file)) {
      throw new UserInputException(file + ": not readable (permission denied)");
    }
    return file;
  }
}
