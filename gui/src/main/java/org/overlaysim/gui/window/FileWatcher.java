package org.overlaysim.gui.window;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls back when a file changes. Editors save in bursts (truncate, write, rename), so events are
 * debounced: the callback runs once, {@code quietMs} after the last event. The callback runs on the
 * watcher's own thread.
 */
final class FileWatcher implements AutoCloseable {
  private final Path file;
  private final WatchService service;
  private final ScheduledExecutorService timer;
  private final Thread thread;
  private final long quietMs;
  private final Runnable onChange;
  private ScheduledFuture<?> pending;

  FileWatcher(Path file, long quietMs, Runnable onChange) throws IOException {
    this.file = file.toAbsolutePath().normalize();
    this.quietMs = quietMs;
    this.onChange = onChange;
    Path dir = this.file.getParent();
    this.service = FileSystems.getDefault().newWatchService();
    // Watching the directory, not the file, also sees editors that replace the file by rename.
    dir.register(
        service,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "overlaysim-reload-timer");
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::loop, "overlaysim-file-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = service.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          Object context = event.context();
          if (event.kind() == StandardWatchEventKinds.OVERFLOW
              || (context instanceof Path p && p.equals(file.getFileName()))) {
            schedule();
          }
        }
        if (!key.reset()) {
          return;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: the window went away or watches another file
    }
  }

  private synchronized void schedule() {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = timer.schedule(onChange, quietMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // nothing left to release
    }
    thread.interrupt();
    timer.shutdownNow();
  }
}
