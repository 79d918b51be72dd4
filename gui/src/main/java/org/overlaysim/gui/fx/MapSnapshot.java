package org.overlaysim.gui.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.overlaysim.gui.map.MapView;
import org.overlaysim.gui.run.RunResults;
import org.overlaysim.scenario.Scenario;

/** Renders the map of a scenario offscreen and writes it as a PNG. */
public final class MapSnapshot {
  /** Sites with more containers than this stay closed in a picture: marks would pile up. */
  static final int MAX_CONTAINERS_OPENED = 2000;

  private MapSnapshot() {}

  /** Builds and renders the map; must run on the JavaFX thread. */
  public static WritableImage render(Scenario scenario, RunResults results, int width, int height) {
    MapView map = new MapView();
    Scene scene = new Scene(map, width, height);
    map.setScenario(scenario);
    map.resultsProperty().set(results);
    if (scenario.containers().size() <= MAX_CONTAINERS_OPENED) {
      map.expandAllThatFit();
    }
    scene.getRoot().applyCss();
    scene.getRoot().layout();
    map.fitToSites();
    scene.getRoot().applyCss();
    scene.getRoot().layout();
    return map.snapshot(new SnapshotParameters(), null);
  }

  /**
   * Writes an image as PNG through javax.imageio (no javafx-swing needed): ARGB pixels from the
   * image's PixelReader into a BufferedImage.
   */
  public static void writePng(WritableImage image, Path png) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader reader = image.getPixelReader();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
      out.setRGB(0, y, w, 1, row, 0, w);
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(out, "png", png.toFile())) {
      throw new IOException("no PNG writer available");
    }
  }
}
