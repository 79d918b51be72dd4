package org.overlaysim.emulation.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which run tags belong to a live emulation: each run writes its process id to {@code
 * <dir>/<tag>.pid} while it holds namespaces, so that {@code --cleanup} removes only what crashed
 * runs left and never pulls the network from under a running one.
 */
public final class RunRegistry {
  public static final Path DEFAULT_DIR = Path.of("/run/overlaysim");

  private final Path dir;

  public RunRegistry(Path dir) {
    this.dir = dir;
  }

  public static RunRegistry standard() {
    return new RunRegistry(DEFAULT_DIR);
  }

  public void register(Names names) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        file(names.tag()),
        Long.toString(ProcessHandle.current().pid()) + "\n",
        StandardCharsets.US_ASCII);
  }

  public void release(Names names) {
    try {
      Files.deleteIfExists(file(names.tag()));
    } catch (IOException e) {
      // A stale file names a dead process; cleanup treats it as such.
    }
  }

  /** The live process holding the tag, if any (a file naming a dead process counts as none). */
  public Optional<Long> liveOwner(String tag) {
    Path file = file(tag);
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Path file(String tag) {
    return dir.resolve(new Names(tag).tag() + ".pid");
  }

  /** The tag of one of our namespace names ({@code osim-<tag>-...}). */
  public static String tagOf(String namespace) {
    Names.checked(namespace, Names.NAMESPACE);
    return namespace.substring(5, 9);
  }
}
