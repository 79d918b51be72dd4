package org.overlaysim.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.scenario.CaptureSpec;

/**
 * The scenario's {@code capture} list as pcap files in a run's directory, one per capture point,
 * named after what it captures: {@code link-r-mad--r-fra.pcap}, {@code container-db-1.pcap}, {@code
 * host-mad-1.pcap} (a host's underlay interface: its access link). A point listed twice is captured
 * once; two points whose names would make one file name are refused.
 */
final class Captures implements Closeable {
  private final List<CaptureFile> files = new ArrayList<>();

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
        Path path = runDir.resolve(entry.getKey());
        switch (spec.target()) {
          case LINK -> captures.link(network, spec.name(), path);
          case CONTAINER -> network.tapContainer(spec.name(), captures.open(path, 1).source(0));
          case HOST ->
              captures.link(
                  network,
                  network.underlay().accessLink(network.underlay().host(spec.name())).name(),
                  path);
        }
      }
    } catch (IOException | RuntimeException e) {
      captures.close();
      throw e;
    }
    return captures;
  }

  /** Both directions of a link into one file, merged in time order at the end. */
  private void link(OverlayNetwork network, String link, Path path) throws IOException {
    CaptureFile file = open(path, 2);
    network.tapLink(link, file.source(0), file.source(1));
  }

  private CaptureFile open(Path path, int sources) throws IOException {
    CaptureFile file = new CaptureFile(path, sources);
    files.add(file);
    return file;
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

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (CaptureFile file : files) {
      try {
        file.close();
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
