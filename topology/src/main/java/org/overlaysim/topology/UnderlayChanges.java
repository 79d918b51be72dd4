package org.overlaysim.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.overlaysim.engine.Simulator;

/**
 * Changes to a running underlay (the scenario's events): links, routers and hosts going down and
 * up, a link's bandwidth, delay or loss set. A change acts on the links at once: a link down
 * refuses packets and loses what was on it ({@code link-down}). The routers keep forwarding on
 * their old routes, so packets still meet the failure and die there, until {@link #reconverge}'s
 * convergence time has passed: then every router forwards on routes computed for the topology as it
 * was at the change (a link-state IGP's SPF over the links that are up, with their delays as
 * costs); destinations left without a path are {@code no-route}, and ECMP groups shrink or grow
 * with the equal-cost links that remain.
 *
 * <p>All routers switch at once, the end of the IGP's convergence: the time the routers next to the
 * failure gain by repairing locally (and the micro-loops of routers converging in turn) are not
 * modelled.
 */
public final class UnderlayChanges {
  /** Told when the routers converged on a change. */
  @FunctionalInterface
  public interface Listener {
    /**
     * The routers now forward on new routes, computed for the change {@code cause} (the caller's
     * number); {@code changedEntries} (router, destination router) entries got other next hops.
     */
    void rerouted(int cause, int changedEntries);
  }

  private final UnderlayNetwork network;
  private final UnderlayGraph underlay;
  private final Simulator simulator;
  private final long convergenceNs;
  private final Listener listener;
  private final int[] downCauses; // per link: how many downs (its own, its routers') hold it down
  private final Link[] current; // per link: its parameters now

  public UnderlayChanges(
      UnderlayNetwork network, Simulator simulator, long convergenceNs, Listener listener) {
    this.network = Objects.requireNonNull(network, "network");
    this.underlay = network.underlay();
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    if (convergenceNs < 0) {
      throw new IllegalArgumentException("negative convergence time");
    }
    this.convergenceNs = convergenceNs;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.downCauses = new int[underlay.links().size()];
    this.current = underlay.links().toArray(new Link[0]);
  }

  public void linkDown(String link) {
    down(underlay.linkIndex(link));
  }

  public void linkUp(String link) {
    up(underlay.linkIndex(link));
  }

  /** A router down: every link it ends (host access links included) goes down with it. */
  public void routerDown(String router) {
    for (int link : linksOf(router)) {
      down(link);
    }
  }

  public void routerUp(String router) {
    for (int link : linksOf(router)) {
      up(link);
    }
  }

  /** A host cut off: its access link goes down. */
  public void hostDown(String host) {
    down(underlay.accessLinkIndex(underlay.hostIndex(host)));
  }

  public void hostUp(String host) {
    up(underlay.accessLinkIndex(underlay.hostIndex(host)));
  }

  /** New parameters of a link, both directions; a negative one is left as it is. */
  public void setLink(String name, long bandwidthBps, long delayNs, double loss) {
    int i = underlay.linkIndex(name);
    Link l = current[i];
    Link changed =
        new Link(
            l.name(),
            l.a(),
            l.b(),
            bandwidthBps < 0 ? l.bandwidthBps() : bandwidthBps,
            delayNs < 0 ? l.delayNs() : delayNs,
            l.mtu(),
            l.queueBytes(),
            loss < 0 ? l.loss() : loss,
            l.jitterNs());
    current[i] = changed;
    network.transmitter(2 * i).change(changed);
    network.transmitter(2 * i + 1).change(changed);
  }

  /**
   * After the convergence time, the routers forward on routes computed for the topology as it is
   * now; the listener is told then, with {@code cause}.
   */
  public void reconverge(int cause) {
    boolean[] up = new boolean[downCauses.length];
    long[] delays = new long[downCauses.length];
    for (int i = 0; i < up.length; i++) {
      up[i] = downCauses[i] == 0;
      delays[i] = current[i].delayNs();
    }
    simulator.schedule(
        convergenceNs,
        () -> {
          RoutingTable table =
              underlay.routing(
                  l -> up[underlay.linkIndex(l.name())], l -> delays[underlay.linkIndex(l.name())]);
          int changed = network.routing().changedEntries(table);
          network.routing(table);
          listener.rerouted(cause, changed);
        });
  }

  private List<Integer> linksOf(String router) {
    List<Integer> links = new ArrayList<>();
    for (int i = 0; i < current.length; i++) {
      if (current[i].a().equals(router) || current[i].b().equals(router)) {
        links.add(i);
      }
    }
    return links;
  }

  private void down(int link) {
    if (downCauses[link]++ == 0) {
      network.transmitter(2 * link).down();
      network.transmitter(2 * link + 1).down();
    }
  }

  private void up(int link) {
    if (downCauses[link] == 0) {
      throw new IllegalStateException("link " + current[link].name() + " is not down");
    }
    if (--downCauses[link] == 0) {
      network.transmitter(2 * link).up();
      network.transmitter(2 * link + 1).up();
    }
  }
}
