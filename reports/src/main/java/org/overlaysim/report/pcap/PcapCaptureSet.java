package org.overlaysim.report.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.overlaysim.overlay.packet.Packet;

/**
 * The captures of one run: one pcap file per capture point (an underlay link, a container
 * interface), named after it and written under one directory, opened on first use. Files are listed
 * in name order, so reports that mention them are deterministic.
 */
public final class PcapCaptureSet implements Closeable {
  private final Path directory;
  private final Map<String, PcapWriter> writers = new TreeMap<>();
  private final Map<String, String> pointByFile = new TreeMap<>();

  public PcapCaptureSet(Path directory) {
    this.directory = directory;
  }

  /**
   * The file name for a capture point: letters, digits, '.', '_' and '-' kept, anything else
   * (spaces, slashes, colons) becomes '-', then {@code .pcap}.
   */
  public static String fileNameFor(String capturePoint) {
    if (capturePoint == null || capturePoint.isBlank()) {
      throw new IllegalArgumentException("capture point needs a name");
    }
    StringBuilder name = new StringBuilder(capturePoint.length() + 5);
    for (int i = 0; i < capturePoint.length(); i++) {
      char c = capturePoint.charAt(i);
      boolean kept =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      name.append(kept ? c : '-');
    }
    return name.append(".pcap").toString();
  }

  /** Records {@code frame} seen at {@code capturePoint} at simulation time {@code timeNs}. */
  public void capture(String capturePoint, long timeNs, Packet frame) {
    try {
      writerFor(capturePoint).write(timeNs, frame);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write capture of " + capturePoint, e);
    }
  }

  /** The writer of {@code capturePoint}, created with its file on first use. */
  public PcapWriter writerFor(String capturePoint) throws IOException {
    PcapWriter writer = writers.get(capturePoint);
    if (writer != null) {
      return writer;
    }
    String fileName = fileNameFor(capturePoint);
    String other = pointByFile.putIfAbsent(fileName, capturePoint);
    if (other != null) {
      throw new IllegalArgumentException(
          "capture points '" + other + "' and '" + capturePoint + "' would share " + fileName);
    }
    Files.createDirectories(directory);
    writer = new PcapWriter(Files.newOutputStream(directory.resolve(fileName)));
    writers.put(capturePoint, writer);
    return writer;
  }

  /** Files written so far, in name order. */
  public List<Path> files() {
    List<Path> files = new ArrayList<>(pointByFile.size());
    for (String fileName : pointByFile.keySet()) {
      files.add(directory.resolve(fileName));
    }
    return files;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (PcapWriter writer : writers.values()) {
      try {
        writer.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    writers.clear();
    if (first != null) {
      throw first;
    }
  }
}
