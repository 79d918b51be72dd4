package org.overlaysim.overlay;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.overlaysim.engine.RandomStreams;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.VtepSettings;
import org.overlaysim.scenario.Run;
import org.overlaysim.scenario.ScenarioException;
import org.overlaysim.scenario.ScenarioLoader;

/** Loads a test scenario with the scenarios loader, builds the model and runs it. */
final class ScenarioRun {
  final Simulator simulator = new Simulator();
  final RecordingObserver observer = new RecordingObserver();
  final OverlayNetwork network;
  final Run run;

  private ScenarioRun(String resource, VtepSettings settings, List<String> overrides) {
    try {
      String path = resource.startsWith("/") ? resource : "/overlay/" + resource;
      Path file = Path.of(ScenarioRun.class.getResource(path).toURI());
      run = ScenarioLoader.load(file, overrides).runs().get(0);
    } catch (URISyntaxException | ScenarioException e) {
      throw new IllegalStateException(e);
    }
    network =
        OverlayNetwork.build(
            run.scenario(), simulator, new RandomStreams(run.seed(), 0), observer, settings);
  }

  static ScenarioRun of(String resource, String... overrides) {
    return new ScenarioRun(resource, VtepSettings.DEFAULT, List.of(overrides));
  }

  static ScenarioRun of(String resource, VtepSettings settings, String... overrides) {
    return new ScenarioRun(resource, settings, List.of(overrides));
  }

  /** Starts the traffic and runs to the scenario's duration. */
  ScenarioRun run() {
    network.start();
    simulator.run(run.scenario().durationNs());
    return this;
  }

  /** Runs without starting the scenario's traffic (tests that drive the model themselves). */
  ScenarioRun runUntil(long ns) {
    simulator.run(ns);
    return this;
  }
}
