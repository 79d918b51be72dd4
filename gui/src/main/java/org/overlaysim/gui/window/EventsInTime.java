package org.overlaysim.gui.window;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TimedEvent;

/**
 * What the time slider says of a scenario's events for a slice of the run: the events that happened
 * in it and what is down (links, routers, hosts) or removed (policies) at its end, e.g. {@code link
 * primary down; down: link primary}. Empty for a scenario without events.
 */
final class EventsInTime {
  private EventsInTime() {}

  /** The events in [{@code fromNs}, {@code toNs}) and what is down at {@code toNs}. */
  static String describe(Scenario scenario, long fromNs, long toNs) {
    List<String> happened = new ArrayList<>();
    Set<String> away = new LinkedHashSet<>();
    for (TimedEvent e : scenario.events()) {
      if (e.atNs() >= toNs) {
        break;
      }
      if (e.atNs() >= fromNs) {
        happened.add(e.describe());
      }
      String target = e.target().key() + " " + e.name();
      if (e.action().takesAway()) {
        away.add(target);
      } else if (e.action() != TimedEvent.Action.SET) {
        away.remove(target);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!happened.isEmpty()) {
      parts.add(String.join(", ", happened));
    }
    List<String> down = away.stream().filter(t -> !t.startsWith("policy ")).toList();
    List<String> removed = away.stream().filter(t -> t.startsWith("policy ")).toList();
    if (!down.isEmpty()) {
      parts.add("down: " + String.join(", ", down));
    }
    if (!removed.isEmpty()) {
      parts.add("removed: " + String.join(", ", removed));
    }
    return String.join("; ", parts);
  }
}
