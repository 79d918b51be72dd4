package org.overlaysim.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.report.pcap.PcapWriter;
import org.overlaysim.scenario.CaptureSpec;

/**
 * The scenario's {@code capture} list as pcap files in a run's directory, one per capture point,
 * named after what it captures: {@code link-r-mad--r-fra.pcap}, {@code container-db-1.pcap}, {@code
 * host-mad-1.pcap} (a host's underlay interface: its access link). A point listed twice is captured
 * once; two points whose names would make one file name are refused.
 */
final class Captures implements Closeable {
  private final List<PcapWriter> writers = new ArrayList<>();
  private final List<FileOutputStream> files = new ArrayList<>();

  static Captures attach(List<CaptureSpec> specs, OverlayNetwork network, Path runDir)
      throws IOException {
    Map<String, CaptureSpec> byFile = new LinkedHashMap<>();
    for (CaptureSpec spec : specs) {
      String file = fileName(spec);
      CaptureSpec other = byFile.putIfAbsent(file, spec);
      if (other != null && !other.equals(spec)) {
        throw new IllegalArgumentException(
            "captures of "
                + describe(other)
                + " and "
                + describe(spec)
                + " would share the file "
                + file);
      }
    }
    Captures captures = new Captures();
    try {
      for (Map.Entry<String, CaptureSpec> entry : byFile.entrySet()) {
        CaptureSpec spec = entry.getValue();
        PcapWriter writer = captures.open(runDir.resolve(entry.getKey()));
        switch (spec.target()) {
          case LINK -> network.tapLink(spec.name(), (now, frame) -> write(writer, now, frame));
          case CONTAINER ->
              network.tapContainer(spec.name(), (now, frame) -> write(writer, now, frame));
          case HOST ->
              network.tapLink(
                  network.underlay().accessLink(network.underlay().host(spec.name())).name(),
                  (now, frame) -> write(writer, now, frame));
        }
      }
    } catch (IOException | RuntimeException e) {
      captures.close();
      throw e;
    }
    return captures;
  }

  static String fileName(CaptureSpec spec) {
    String kind =
        switch (spec.target()) {
          case LINK -> "link";
          case CONTAINER -> "container";
          case HOST -> "host";
        };
    return kind + "-" + spec.name().replaceAll("[^A-Za-z0-9._#-]", "_") + ".pcap";
  }

  private static String describe(CaptureSpec spec) {
    return spec.target().name().toLowerCase(java.util.Locale.ROOT) + " '" + spec.name() + "'";
  }

  private PcapWriter open(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    FileOutputStream stream = new FileOutputStream(file.toFile());
    PcapWriter writer = new PcapWriter(new BufferedOutputStream(stream));
    writers.add(writer);
    files.add(stream);
    return writer;
  }

  private static void write(PcapWriter writer, long nowNs, byte[] frame) {
    try {
      writer.write(nowNs, frame, 0, frame.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (int i = 0; i < writers.size(); i++) {
      PcapWriter writer = writers.get(i);
      try {
        try { // on disk before report.json, written next, says the run is complete
          writer.flush();
          files.get(i).getFD().sync();
        } finally {
          writer.close();
        }
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
