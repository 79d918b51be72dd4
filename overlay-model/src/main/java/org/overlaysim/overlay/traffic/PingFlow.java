package org.overlaysim.overlay.traffic;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.ContainerStack;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.overlay.packet.IcmpMessage;

/**
 * One ping process from one container to another, as Linux's ping: ICMP echo requests of {@code
 * size} data bytes (ping -s), one identifier per process, sequence numbers from 1, one every
 * interval from start, {@code count} of them (0: until stop), DF as ping -M do/dont. The
 * destination's stack answers; each reply's round-trip time is a latency sample (the send time
 * travels in the echo data, as ping's timestamp does).
 */
public final class PingFlow implements EventHandler {
  private final Simulator simulator;
  private final NetworkObserver observer;
  private final int flow;
  private final ContainerStack source;
  private final int destinationIp;
  private final int identifier;
  private final int size;
  private final boolean df;
  private final long intervalNs;
  private final int count;
  private final long stopNs;
  private int sent;

  public PingFlow(
      Simulator simulator,
      NetworkObserver observer,
      int flow,
      ContainerStack source,
      int destinationIp,
      int identifier,
      int size,
      boolean df,
      long intervalNs,
      int count,
      long stopNs) {
    this.simulator = simulator;
    this.observer = observer;
    this.flow = flow;
    this.source = source;
    this.destinationIp = destinationIp;
    this.identifier = identifier & 0xffff;
    this.size = size;
    this.df = df;
    this.intervalNs = intervalNs;
    this.count = count;
    this.stopNs = stopNs;
  }

  /** Schedules the first echo request. */
  public void start(long startNs) {
    simulator.scheduleAt(startNs, this);
  }

  @Override
  public void handle() {
    long now = simulator.nowNs();
    if ((count > 0 && sent >= count) || now >= stopNs) {
      return;
    }
    sent++;
    Frame f = new Frame();
    f.flow = flow;
    f.appSentNs = now;
    f.dstIp = destinationIp;
    f.df = df;
    f.icmp(IcmpMessage.TYPE_ECHO_REQUEST, 0, identifier << 16 | (sent & 0xffff), size);
    observer.packetSent(flow, f.ipLength);
    source.send(f);
    if ((count == 0 || sent < count) && now + intervalNs < stopNs) {
      simulator.schedule(intervalNs, this);
    }
  }
}
