package org.overlaysim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output directory before a run starts, so no work is lost to a bad path at the end. */
final class OutputDirectory {
  private OutputDirectory() {}

  static Path usable(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserInputException(dir + ": exists and is not a directory (--out)");
    }
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new UserInputException(dir + ": cannot create or write this directory (--out)");
    }
    return dir;
  }
}
