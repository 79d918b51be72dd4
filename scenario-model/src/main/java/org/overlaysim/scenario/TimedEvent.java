package org.overlaysim.scenario;

import java.util.Objects;

/**
 * One entry of the scenario's {@code events:} list: at {@code atNs} of simulated time, something
 * happens to a named link, router, host or NetworkPolicy. A router down takes every link it ends
 * down; a host down cuts the host off the network (its access link) and its stack drops what its
 * containers send and what reaches them; a policy is added or removed ({@code name} is its {@code
 * namespace/name}); one whose first event adds it is not in force before.
 *
 * @param change the new parameters of a {@link Action#SET}, {@link LinkChange#NONE} otherwise
 */
public record TimedEvent(long atNs, Target target, String name, Action action, LinkChange change) {
  /** What an event acts on. */
  public enum Target {
    LINK,
    ROUTER,
    HOST,
    POLICY;

    /** The scenario key naming the target, e.g. {@code link}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What happens to the target. */
  public enum Action {
    DOWN,
    UP,
    /** A link's bandwidth, delay or loss changed (links only). */
    SET,
    /** A NetworkPolicy comes into force (policies only). */
    ADD,
    /** A NetworkPolicy is taken away (policies only). */
    REMOVE;

    /** Whether the action takes its target away: down, remove. */
    public boolean takesAway() {
      return this == DOWN || this == REMOVE;
    }

    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A link's new parameters; a field left as it was is -1.
   *
   * @param loss -1 or a probability 0..1
   */
  public record LinkChange(long bandwidthBps, long delayNs, double loss) {
    public static final LinkChange NONE = new LinkChange(-1, -1, -1);

    public LinkChange {
      if (bandwidthBps == 0 || bandwidthBps < -1) {
        throw new IllegalArgumentException("bandwidth must be above zero: " + bandwidthBps);
      }
      if (delayNs < -1) {
        throw new IllegalArgumentException("negative delay: " + delayNs);
      }
      if (!(loss == -1 || (loss >= 0 && loss <= 1))) {
        throw new IllegalArgumentException("loss outside [0,1]: " + loss);
      }
    }
  }

  public TimedEvent {
    Checks.nonNegative(atNs, "at");
    Objects.requireNonNull(target, "target");
    Checks.name(name, "event target");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(change, "change");
    if ((action == Action.SET) == change.equals(LinkChange.NONE)) {
      throw new IllegalArgumentException("a change goes with action set only");
    }
    if (action == Action.SET && target != Target.LINK) {
      throw new IllegalArgumentException("only a link's parameters can be set");
    }
    if ((target == Target.POLICY) != (action == Action.ADD || action == Action.REMOVE)) {
      throw new IllegalArgumentException("policies are added and removed, nothing else");
    }
  }

  /** How reports name the event: {@code link r-a--r-b down}. */
  public String describe() {
    return target.key() + " " + name + " " + action.yamlName();
  }
}
