package org.overlaysim.overlay;

import java.util.List;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.DataPlane;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TimedEvent;
import org.overlaysim.scenario.TimedEvent.Action;
import org.overlaysim.topology.UnderlayChanges;

/**
 * The scenario's {@code events} on a built network: each one an ordinary simulator event at its
 * time, acting on the underlay ({@link UnderlayChanges}: links and routers, a host's access link)
 * and on a host's stack; a change of the routers' topology is followed by their convergence. A
 * scenario without events schedules nothing.
 */
final class ScenarioEvents {
  private final Scenario scenario;
  private final List<TimedEvent> events;
  private final Simulator simulator;
  private final NetworkObserver observer;
  private final DataPlane dataPlane;
  private final UnderlayChanges underlay;

  ScenarioEvents(
      Scenario scenario, Simulator simulator, NetworkObserver observer, DataPlane dataPlane) {
    this.scenario = scenario;
    this.events = scenario.events();
    this.simulator = simulator;
    this.observer = observer;
    this.dataPlane = dataPlane;
    this.underlay =
        new UnderlayChanges(
            dataPlane.network(),
            simulator,
            scenario.underlay().convergenceNs(),
            observer::rerouted);
  }

  void start() {
    for (int i = 0; i < events.size(); i++) {
      int event = i;
      simulator.scheduleAt(events.get(i).atNs(), () -> apply(event));
    }
  }

  private void apply(int index) {
    TimedEvent event = events.get(index);
    observer.eventApplied(index);
    boolean down = event.action() == Action.DOWN;
    switch (event.target()) {
      case LINK -> {
        switch (event.action()) {
          case DOWN -> underlay.linkDown(event.name());
          case UP -> underlay.linkUp(event.name());
          case SET ->
              underlay.setLink(
                  event.name(),
                  event.change().bandwidthBps(),
                  event.change().delayNs(),
                  event.change().loss());
        }
        underlay.reconverge(index);
      }
      case ROUTER -> {
        if (down) {
          underlay.routerDown(event.name());
        } else {
          underlay.routerUp(event.name());
        }
        underlay.reconverge(index);
      }
      case HOST -> {
        if (down) {
          underlay.hostDown(event.name());
        } else {
          underlay.hostUp(event.name());
        }
        dataPlane.hostDown(dataPlane.network().underlay().hostIndex(event.name()), down);
      }
      case POLICY -> dataPlane.policies(scenario.policiesAfter(index + 1));
    }
  }
}
