package org.overlaysim.emulation.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists and removes network namespaces of ours (and only those: every name is checked against
 * {@link Names#NAMESPACE}). A namespace with processes inside outlives {@code ip netns del}, so the
 * processes in it, all started by an emulation, are ended first, by their ids.
 */
public final class NamespaceJanitor {
  private final CommandRunner runner;

  public NamespaceJanitor(CommandRunner runner) {
    this.runner = runner;
  }

  /** Every namespace name {@code ip netns list} shows, ours or not. */
  public List<String> all() throws IOException, InterruptedException {
    CommandResult result = runner.run(List.of("ip", "netns", "list"));
    List<String> names = new ArrayList<>();
    if (!result.succeeded()) {
      return names;
    }
    for (String line : result.stdout().split("\n")) {
      String name = line.strip();
      int space = name.indexOf(' ');
      name = space < 0 ? name : name.substring(0, space);
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** The namespaces of any emulation run, crashed ones included. */
  public List<String> ours() throws IOException, InterruptedException {
    return all().stream().filter(n -> Names.NAMESPACE.matcher(n).matches()).toList();
  }

  /**
   * Ends the processes in {@code namespace} and deletes it; returns a problem, or empty. Refuses a
   * name that is not ours.
   */
  public Optional<String> remove(String namespace) throws InterruptedException {
    Names.checked(namespace, Names.NAMESPACE);
    try {
      CommandResult pids = runner.run(List.of("ip", "netns", "pids", namespace));
      for (String line : pids.stdout().split("\n")) {
        String pid = line.strip();
        if (pid.matches("[0-9]{1,10}")) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
      CommandResult deleted = runner.run(List.of("ip", "netns", "del", namespace));
      return deleted.succeeded() ? Optional.empty() : Optional.of(deleted.describe());
    } catch (IOException e) {
      return Optional.of(namespace + ": " + e.getMessage());
    }
  }
}
