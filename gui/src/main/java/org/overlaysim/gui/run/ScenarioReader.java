package org.overlaysim.gui.run;

import java.nio.file.Path;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioSet;

/**
 * Reads a scenario file for the window (open, and again when the file changes). The command hands
 * in the YAML loader, so the visualizer itself needs no YAML parser. Called on a background thread.
 */
@FunctionalInterface
public interface ScenarioReader {
  ScenarioSet read(Path file) throws ScenarioException;
}
