package org.overlaysim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.overlaysim.report.ReportRows.EventRow;
import org.overlaysim.scenario.TimedEvent;
import org.overlaysim.topology.DropReason;

/**
 * What each of the scenario's events did (events.csv): the packets of the scenario's flows lost to
 * a failure ({@code link-down}, {@code no-route}, {@code host-down}) from the event until the next
 * one, the time until every flow that lost one delivered payload again after its last loss (its
 * recovery time: for TCP, data in order, not a segment the receiver must hold), and the routes the
 * routers changed when they converged on it.
 */
final class EventOutcomes {
  private final List<TimedEvent> events;
  private final long[] lost;
  private final long[] routesChanged;
  // Per event and flow: the last loss attributed to the event, and the first delivery after it.
  private final long[][] lastLossNs;
  private final long[][] deliveredAgainNs;
  private final boolean[] waiting; // per flow: some event waits for the flow's next delivery
  private int current = -1;

  EventOutcomes(List<TimedEvent> events, int flowCount) {
    this.events = List.copyOf(events);
    this.lost = new long[events.size()];
    this.routesChanged = new long[events.size()];
    this.lastLossNs = new long[events.size()][flowCount];
    this.deliveredAgainNs = new long[events.size()][flowCount];
    for (int e = 0; e < events.size(); e++) {
      Arrays.fill(lastLossNs[e], -1);
      Arrays.fill(deliveredAgainNs[e], -1);
    }
    this.waiting = new boolean[flowCount];
  }

  void applied(int event) {
    current = event;
  }

  void rerouted(int event, int changedEntries) {
    routesChanged[event] += changedEntries;
  }

  void dropped(int flow, DropReason reason, long nowNs) {
    if (current < 0 || flow < 0 || !isFailure(reason)) {
      return;
    }
    lost[current]++;
    waiting[flow] = true;
    lastLossNs[current][flow] = nowNs;
    deliveredAgainNs[current][flow] = -1;
  }

  void delivered(int flow, long nowNs) {
    if (flow < 0 || !waiting[flow]) {
      return;
    }
    for (int e = 0; e < events.size(); e++) {
      if (lastLossNs[e][flow] >= 0 && deliveredAgainNs[e][flow] < 0) {
        deliveredAgainNs[e][flow] = nowNs;
      }
    }
    waiting[flow] = false;
  }

  private static boolean isFailure(DropReason reason) {
    return reason == DropReason.LINK_DOWN
        || reason == DropReason.NO_ROUTE
        || reason == DropReason.HOST_DOWN;
  }

  /**
   * One row per event in time order; the recovery time is 0 when the event cost no packet and NaN
   * (an empty cell) when a flow that lost packets delivered none after its last loss.
   */
  List<EventRow> rows() {
    List<EventRow> rows = new ArrayList<>();
    for (int e = 0; e < events.size(); e++) {
      TimedEvent event = events.get(e);
      long recoveredNs = 0;
      for (int f = 0; f < lastLossNs[e].length && recoveredNs >= 0; f++) {
        if (lastLossNs[e][f] >= 0) {
          long again = deliveredAgainNs[e][f];
          recoveredNs = again < 0 ? -1 : Math.max(recoveredNs, again - event.atNs());
        }
      }
      rows.add(
          new EventRow(
              event.atNs() / 1e9,
              event.describe(),
              lost[e],
              recoveredNs < 0 ? Double.NaN : recoveredNs / 1e9,
              routesChanged[e]));
    }
    return rows;
  }
}
