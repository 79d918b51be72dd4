package org.overlaysim.overlay.traffic;

import java.util.function.Consumer;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;

/**
 * The sender's one timer, as Linux's icsk_retransmit_timer: it runs as the retransmission timeout,
 * RACK's reordering timer or the tail loss probe's timer, whichever was armed last. The scheduled
 * event is moved only when it would fire too late; a later deadline is met by rescheduling when the
 * event fires, so moving the deadline on every ACK cancels nothing.
 */
final class RetransmitTimer implements EventHandler {
  /** What the timer stands for (Linux's ICSK_TIME_RETRANS, _REO_TIMEOUT, _LOSS_PROBE). */
  enum Kind {
    RTO,
    REORDER,
    PROBE
  }

  private final Simulator simulator;
  private final Consumer<Kind> expired;
  private Kind kind = Kind.RTO;
  private long deadlineNs = -1;
  private long eventAtNs = -1; // when the live event fires; earlier ones are stale

  RetransmitTimer(Simulator simulator, Consumer<Kind> expired) {
    this.simulator = simulator;
    this.expired = expired;
  }

  void arm(Kind kind, long deadlineNs) {
    this.kind = kind;
    this.deadlineNs = deadlineNs;
    if (eventAtNs < 0 || eventAtNs > deadlineNs) {
      eventAtNs = deadlineNs;
      simulator.scheduleAt(deadlineNs, this);
    }
  }

  void disarm() {
    deadlineNs = -1;
  }

  boolean armed() {
    return deadlineNs >= 0;
  }

  /** The kind armed last (meaningful while armed). */
  Kind kind() {
    return kind;
  }

  /** -1 when not armed. */
  long deadlineNs() {
    return deadlineNs;
  }

  @Override
  public void handle() {
    long now = simulator.nowNs();
    if (now != eventAtNs) {
      return; // superseded by an earlier deadline
    }
    eventAtNs = -1;
    if (deadlineNs < 0) {
      return;
    }
    if (now < deadlineNs) {
      eventAtNs = deadlineNs;
      simulator.scheduleAt(deadlineNs, this);
      return;
    }
    deadlineNs = -1;
    expired.accept(kind);
  }

  @Override
  public String toString() {
    return deadlineNs < 0 ? "off" : kind + "@" + deadlineNs;
  }
}
