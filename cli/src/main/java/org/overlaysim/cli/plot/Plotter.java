package org.overlaysim.cli.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.overlaysim.cli.plot.Reports.RunInfo;

/**
 * {@code overlaysim plot}: draws the charts of a folder of reports as PNG and SVG, with an {@code
 * index.html} that shows them and the key tables. Everything is written into a temporary folder
 * beside the destination and moved into place at the end, so a failure leaves nothing half written.
 */
public final class Plotter {
  public static final String INDEX = "index.html";

  /** What a plot wrote: how many charts, and what it could not draw and why. */
  public record Result(int charts, List<String> notDrawn) {}

  private Plotter() {}

  public static Result plot(Path reportsDir, Path out) throws IOException {
    // Charts are drawn into images and files, never on a screen: without this, AWT would connect
    // to the X server that DISPLAY names, and fail where it names none that answers.
    System.setProperty("java.awt.headless", "true");
    Reports reports = Reports.load(reportsDir);
    checkReplaceable(out);
    List<Section> sections = uniqueNames(sections(reports));
    List<String> notDrawn = new ArrayList<>(reports.skipped());
    sections.forEach(s -> s.notes().forEach(n -> notDrawn.add(s.heading() + ": " + n)));

    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // A private scratch folder; the plots folder inside it gets the usual permissions.
    Path scratch = Files.createTempDirectory(parent, "." + out.getFileName() + ".");
    try {
      Path written = Files.createDirectory(scratch.resolve("new"));
      for (Section s : sections) {
        for (Chart c : s.charts()) {
          ChartFiles.write(c, written);
        }
      }
      String html = IndexPage.html(title(reports), sections, reports);
      Files.writeString(written.resolve(INDEX), html, StandardCharsets.UTF_8);
      checkReplaceable(out);
      if (Files.exists(out)) {
        Files.move(out, scratch.resolve("old"));
      }
      Files.move(written, out, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(scratch);
    }
    int charts = sections.stream().mapToInt(s -> s.charts().size()).sum();
    return new Result(charts, List.copyOf(notDrawn));
  }

  private static List<Section> sections(Reports reports) throws IOException {
    return List.of(
        LatencyCdfCharts.section(reports),
        SweepCharts.section(reports),
        OverTimeCharts.links(reports),
        OverTimeCharts.tcp(reports),
        DropCharts.section(reports));
  }

  private static String title(Reports reports) {
    List<String> scenarios = reports.runs().stream().map(RunInfo::scenario).distinct().toList();
    return "overlaysim: " + (scenarios.isEmpty() ? "no runs" : String.join(", ", scenarios));
  }

  /**
   * Chart names as file names: characters a file system or URL might mind become {@code _}, and a
   * name met twice (ignoring case) gets {@code -2}, {@code -3}, ...
   */
  private static List<Section> uniqueNames(List<Section> sections) {
    Set<String> taken = new HashSet<>();
    List<Section> renamed = new ArrayList<>();
    for (Section s : sections) {
      List<Chart> charts = new ArrayList<>();
      for (Chart c : s.charts()) {
        String base = c.name().replaceAll("[^A-Za-z0-9._-]+", "_");
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
          name = base + "-" + n;
        }
        charts.add(new Chart(name, c.caption(), c.chart()));
      }
      renamed.add(new Section(s.heading(), s.about(), charts, s.notes()));
    }
    return renamed;
  }

  /**
   * The destination may be new, empty, or an earlier plot (it has index.html), which is replaced
   * whole; a folder of other files is not ours to replace.
   */
  private static void checkReplaceable(Path out) throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new PlotInputException(out + ": exists and is not a folder (--out)");
    }
    try (Stream<Path> files = Files.list(out)) {
      if (files.findAny().isPresent() && !Files.exists(out.resolve(INDEX))) {
        throw new PlotInputException(
            out + ": holds files that are not plots (no " + INDEX + "); give another --out");
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
