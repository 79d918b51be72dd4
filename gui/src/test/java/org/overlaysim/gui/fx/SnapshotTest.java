package org.overlaysim.gui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overlaysim.gui.GuiLauncher;
import org.overlaysim.gui.map.Palette;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;
import org.testfx.api.FxToolkit;

class SnapshotTest {
  private static final Path SCENARIO = Path.of("src/test/resources/scenarios/two-sites.yaml");

  @BeforeAll
  static void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void theSnapshotIsAPngOfTheMapWithLandSitesAndOverlays(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("map.png");

    GuiLauncher.snapshot(SCENARIO, ScenarioLoader::load, png, Optional.empty());

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(GuiLauncher.SNAPSHOT_WIDTH);
    assertThat(image.getHeight()).isEqualTo(GuiLauncher.SNAPSHOT_HEIGHT);
    assertThat(count(image, Palette.LAND)).as("land").isGreaterThan(10_000);
    assertThat(count(image, Palette.SEA)).as("sea").isGreaterThan(10_000);
    assertThat(count(image, Palette.SITE)).as("site discs").isGreaterThan(2 * 100);
    assertThat(count(image, Palette.overlay(0))).as("first overlay").isGreaterThan(50);
    assertThat(count(image, Palette.overlay(1))).as("second overlay").isGreaterThan(50);
  }

  @Test
  void withResultsTheLinksShowTheirPeakUtilization(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("map.png");
    RunResults results =
        new RunResults(
            1_000_000,
            List.of(
                new RunResults.LinkUtilization("r-lis--r-par", new double[] {0.2, 1.0}),
                new RunResults.LinkUtilization("r-lis--r-par#2", new double[] {1.0})),
            Map.of(),
            List.of(),
            List.of(),
            Map.of());

    GuiLauncher.snapshot(SCENARIO, ScenarioLoader::load, png, Optional.of(results));

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(count(image, Palette.utilization(1.0))).isGreaterThan(200);
  }

  @Test
  void anInvalidScenarioIsReportedWithItsProblems(@TempDir Path dir) {
    Path png = dir.resolve("map.png");

    assertThatThrownBy(
            () ->
                GuiLauncher.snapshot(
                    Path.of("src/test/resources/scenarios/invalid.yaml"),
                    ScenarioLoader::load,
                    png,
                    Optional.empty()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("invalid.yaml:");
    assertThat(png).doesNotExist();
  }

  /** Pixels within a small distance of the colour (antialiasing blends edges). */
  private static int count(BufferedImage image, Color colour) {
    int r = (int) Math.round(colour.getRed() * 255);
    int g = (int) Math.round(colour.getGreen() * 255);
    int b = (int) Math.round(colour.getBlue() * 255);
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - r) <= 3
            && Math.abs(((p >> 8) & 0xff) - g) <= 3
            && Math.abs((p & 0xff) - b) <= 3) {
          n++;
        }
      }
    }
    return n;
  }
}
