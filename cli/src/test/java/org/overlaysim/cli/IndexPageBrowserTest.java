package org.overlaysim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html in a real browser: headless Chromium opens the page from disk, and the page's own
 * check (every {@code img} complete with a width) must report every chart loaded; with a chart
 * removed it must name it. Skipped without Chromium, unless OVERLAYSIM_REQUIRE_TOOLS is set (CI),
 * where that fails. The page, its charts and a screenshot stay in {@code target/plot-browser/}.
 */
class IndexPageBrowserTest {
  static final Path ARTIFACTS = Path.of("target", "plot-browser");

  @Test
  void everyChartOfTheSweepLoadsInChromiumAndABrokenOneIsNamed(@TempDir Path dir) throws Exception {
    Path chromium = chromium();
    Path reports = PlotCommandTest.runSweep(dir.resolve("sweep"));
    Path plots = ARTIFACTS.resolve("plots").toAbsolutePath();
    StringWriter log = new StringWriter();
    int status =
        Main.execute(
            new PrintWriter(log, true),
            new PrintWriter(log, true),
            "plot",
            reports.toString(),
            "--out",
            plots.toString());
    assertThat(status).as(log.toString()).isZero();
    long charts = PlotCommandTest.names(plots).stream().filter(f -> f.endsWith(".svg")).count();
    assertThat(charts).isEqualTo(PlotCommandTest.SWEEP_CHARTS.size());

    Path screenshot = ARTIFACTS.resolve("index.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    browse(chromium, dir, plots, "--screenshot=" + screenshot, "--window-size=1280,2000");
    BufferedImage shot = ImageIO.read(screenshot.toFile());
    assertThat(shot.getWidth()).isEqualTo(1280);
    assertThat(shot.getHeight()).isEqualTo(2000);

    assertThat(browse(chromium, dir, plots, "--dump-dom"))
        .contains("<p id=\"chart-status\" class=\"ok\">All " + charts + " charts loaded.</p>");

    // The same check fails when a chart cannot load: the page names it.
    Path broken = dir.resolve("broken");
    copy(plots, broken);
    Files.delete(broken.resolve("goodput-by-mtu.svg"));
    assertThat(browse(chromium, dir, broken, "--dump-dom"))
        .contains(
            "<p id=\"chart-status\" class=\"broken\">1 of "
                + charts
                + " charts did not load: goodput-by-mtu.svg</p>");
  }

  /** Runs headless Chromium on {@code plots/index.html} and returns what it printed. */
  private static String browse(Path chromium, Path dir, Path plots, String... what)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile));
    command.addAll(List.of(what));
    command.add(plots.resolve("index.html").toUri().toString());
    Path stdout = dir.resolve("chromium.out");
    Path stderr = dir.resolve("chromium.err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish in 120 s: " + Files.readString(stderr));
    }
    assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  /** Chromium on the PATH; skips the test without it, unless OVERLAYSIM_REQUIRE_TOOLS is set. */
  private static Path chromium() {
    Optional<Path> found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(d -> !d.isEmpty())
            .map(d -> Path.of(d, "chromium"))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isEmpty() && System.getenv("OVERLAYSIM_REQUIRE_TOOLS") != null) {
      fail(
          "OVERLAYSIM_REQUIRE_TOOLS is set but chromium is not on the PATH (apt-get install chromium)");
    }
    assumeTrue(found.isPresent(), "chromium is not installed (apt-get install chromium)");
    return found.get();
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (String name : PlotCommandTest.names(from)) {
      Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
