package org.overlaysim.emulation.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.overlaysim.emulation.kernel.Names;
import org.overlaysim.scenario.LinkSpec;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TimedEvent;
import org.overlaysim.scenario.TimedEvent.Action;
import org.overlaysim.scenario.TimedEvent.Target;

/**
 * The scenario's link {@code down} and {@code up} events as kernel commands, at the simulator's
 * times: at the event, {@code ip link set down} (or {@code up}) on both veth ends of the link,
 * which loses what the link carries; {@code underlay.convergence} later, the routers' routes
 * replaced by the ones the simulator's routers converge on ({@link UnderlayRoutes#without},
 * computed for the links up at the event, as {@code UnderlayChanges.reconverge} does). Until then
 * the routers keep their old routes; the kernel itself removes the routes over a link that went
 * down, so packets meanwhile die at the failure's router (no route) rather than on the link: lost
 * all the same. Other events (routers, hosts, a link's parameters, policies) are not applied
 * ({@link #notApplied}).
 */
public final class LinkEvents {
  /** Commands to run {@code atNs} after the traffic's time origin. */
  public record Change(long atNs, String description, List<Step> steps) {
    public Change {
      steps = List.copyOf(steps);
    }
  }

  private LinkEvents() {}

  /** The changes in time order (link changes before route replacements due at the same time). */
  public static List<Change> of(Scenario scenario, Names names) {
    UnderlayRoutes planned = new UnderlayRoutes(scenario);
    List<LinkSpec> links = scenario.underlay().links();
    long convergenceNs = scenario.underlay().convergenceNs();
    Set<String> down = new LinkedHashSet<>();
    List<Change> changes = new ArrayList<>();
    for (TimedEvent event : scenario.events()) {
      if (!applied(event)) {
        continue;
      }
      int link = indexOf(links, event.name());
      String state = event.action() == Action.DOWN ? "down" : "up";
      List<Step> steps = new ArrayList<>();
      for (String end : List.of(links.get(link).a(), links.get(link).b())) {
        steps.add(
            Step.of(
                "ip",
                "-n",
                names.router(planned.router(end)),
                "link",
                "set",
                names.underlayLink(link),
                state));
      }
      changes.add(new Change(event.atNs(), event.describe(), steps));
      if (event.action() == Action.DOWN) {
        down.add(event.name());
      } else {
        down.remove(event.name());
      }
      changes.add(
          new Change(
              event.atNs() + convergenceNs,
              "routers converged after " + event.describe(),
              RouterRoutes.replaced(scenario, names, planned.without(Set.copyOf(down)))));
    }
    changes.sort(Comparator.comparingLong(Change::atNs)); // stable: ties keep their order
    return changes;
  }

  /** The events the emulator leaves out: all but link down and up. */
  public static List<TimedEvent> notApplied(Scenario scenario) {
    return scenario.events().stream().filter(e -> !applied(e)).toList();
  }

  private static boolean applied(TimedEvent event) {
    return event.target() == Target.LINK
        && (event.action() == Action.DOWN || event.action() == Action.UP);
  }

  private static int indexOf(List<LinkSpec> links, String name) {
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no link named '" + name + "'");
  }
}
