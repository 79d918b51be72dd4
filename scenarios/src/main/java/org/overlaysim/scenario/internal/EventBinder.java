package org.overlaysim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.overlaysim.scenario.NetworkPolicy;
import org.overlaysim.scenario.TimedEvent;
import org.overlaysim.scenario.TimedEvent.Action;
import org.overlaysim.scenario.TimedEvent.LinkChange;
import org.overlaysim.scenario.TimedEvent.Target;
import org.overlaysim.scenario.Units;

/**
 * Binds the {@code events:} list: each entry names one link, router or host, a time before the end
 * of the run and an action the target has; a link's {@code set} gives at least one of bandwidth,
 * delay, loss. Taken in time order, a target goes down only when up and up only when down.
 */
final class EventBinder {
  private static final List<String> KEYS =
      List.of("link", "router", "host", "policy", "bandwidth", "delay", "loss");
  private static final List<String> CHANGES = List.of("bandwidth", "delay", "loss");

  private final Ctx ctx;
  private final Registry registry;
  private final List<NetworkPolicy> policies;

  EventBinder(Ctx ctx, Registry registry, List<NetworkPolicy> policies) {
    this.ctx = ctx;
    this.registry = registry;
    this.policies = policies;
  }

  /** A bound event and where it was written. */
  private record Entry(TimedEvent event, String path) {}

  List<TimedEvent> bind(List<JsonNode> entries, String listPath) {
    List<Entry> bound = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = Paths.index(listPath, i);
      Obj entry = Obj.of(ctx, entries.get(i), path, "event", List.of("at", "action"), KEYS);
      if (entry != null) {
        TimedEvent event = event(entry);
        if (event != null) {
          bound.add(new Entry(event, path));
        }
      }
    }
    bound.sort(Comparator.comparingLong(e -> e.event().atNs())); // stable: file order at a tie
    checkSequence(bound);
    return bound.stream().map(Entry::event).toList();
  }

  private TimedEvent event(Obj entry) {
    int before = ctx.size();
    long at = entry.duration("at", 0);
    if (entry.has("at") && at >= registry.durationNs && ctx.size() == before) {
      ctx.at(
          entry.path("at"),
          "at "
              + Units.formatDuration(at)
              + " is not before the end of the run (duration "
              + Units.formatDuration(registry.durationNs)
              + ")");
    }
    List<Target> named = new ArrayList<>();
    for (Target t : Target.values()) {
      if (entry.has(t.key())) {
        named.add(t);
      }
    }
    if (named.size() != 1) {
      ctx.at(entry.path(), "an event names exactly one of link, router, host, policy");
      return null;
    }
    Target target = named.get(0);
    String name = entry.text(target.key());
    if (target == Target.POLICY && name != null) {
      name = policy(name, entry.path("policy"));
    }
    boolean known =
        switch (target) {
          case LINK -> registry.ref(registry.links, "link", name, entry.path("link")) != null;
          case ROUTER ->
              registry.ref(registry.routers, "router", name, entry.path("router")) != null;
          case HOST -> registry.ref(registry.hosts, "host", name, entry.path("host")) != null;
          case POLICY -> name != null;
        };
    Map<String, Action> actions = new LinkedHashMap<>();
    if (target == Target.POLICY) {
      actions.put("add", Action.ADD);
      actions.put("remove", Action.REMOVE);
    } else {
      actions.put("down", Action.DOWN);
      actions.put("up", Action.UP);
    }
    if (target == Target.LINK) {
      actions.put("set", Action.SET);
    }
    Action action = entry.choice("action", actions, null);
    LinkChange change = action == Action.SET ? change(entry) : LinkChange.NONE;
    if (action != Action.SET) {
      for (String key : CHANGES) {
        if (entry.has(key)) {
          ctx.at(entry.path(key), "'" + key + "' goes with action set of a link only");
        }
      }
    }
    if (ctx.size() != before || !known || action == null || change == null) {
      return null;
    }
    return new TimedEvent(at, target, name, action, change);
  }

  /**
   * The {@code namespace/name} of the policy {@code ref} names: written so, or its name alone when
   * one namespace has it; null (reported) otherwise.
   */
  private String policy(String ref, String path) {
    List<String> matches = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (NetworkPolicy p : policies) {
      String full = p.namespace() + "/" + p.name();
      all.add(p.name());
      all.add(full);
      if (ref.equals(full) || ref.equals(p.name())) {
        matches.add(full);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    ctx.at(
        path,
        matches.isEmpty()
            ? "unknown policy '" + ref + "'" + Suggest.didYouMean(ref, all)
            : "policy name '" + ref + "' is in several namespaces: write one of " + matches);
    return null;
  }

  private LinkChange change(Obj entry) {
    if (CHANGES.stream().noneMatch(entry::has)) {
      ctx.at(entry.path(), "action set needs at least one of bandwidth, delay, loss");
      return null;
    }
    Long bandwidth = entry.rate("bandwidth");
    Long delay = entry.duration("delay");
    Double loss = entry.fraction("loss");
    return new LinkChange(
        bandwidth == null ? -1 : bandwidth, delay == null ? -1 : delay, loss == null ? -1 : loss);
  }

  /**
   * In time order, a target goes down (is removed) only when it is up (in force) and up (added)
   * only when it is down (removed). Links, routers and hosts start up; a policy whose first event
   * adds it starts removed.
   */
  private void checkSequence(List<Entry> entries) {
    Map<String, Entry> away = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Entry e : entries) {
      TimedEvent event = e.event();
      String key = event.target().key() + " '" + event.name() + "'";
      boolean policy = event.target() == Target.POLICY;
      boolean first = seen.add(key);
      if (event.action().takesAway()) {
        Entry earlier = away.putIfAbsent(key, e);
        if (earlier != null) {
          ctx.at(
              e.path(),
              key
                  + (policy ? " is already removed since " : " is already down since ")
                  + Units.formatDuration(earlier.event().atNs())
                  + " ("
                  + earlier.path()
                  + ")");
        }
      } else if (event.action() != Action.SET && away.remove(key) == null && !(policy && first)) {
        ctx.at(
            e.path(),
            key
                + (policy ? " is added at " : " comes up at ")
                + Units.formatDuration(event.atNs())
                + (policy ? " but is in force already" : " but no earlier event takes it down"));
      }
    }
  }
}
