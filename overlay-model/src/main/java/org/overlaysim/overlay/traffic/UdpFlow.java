package org.overlaysim.overlay.traffic;

import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.dataplane.ContainerStack;
import org.overlaysim.overlay.dataplane.Frame;
import org.overlaysim.overlay.observe.NetworkObserver;

/**
 * Constant bit rate UDP from one container to another, as iperf -u: datagrams of {@code size}
 * payload bytes at intervals that make the payload rate {@code rateBps} (iperf's -b counts UDP
 * payload), from start until stop. Each delivered datagram gives a one-way delay sample.
 */
public final class UdpFlow implements EventHandler {
  private final Simulator simulator;
  private final NetworkObserver observer;
  private final int flow;
  private final ContainerStack source;
  private final int destinationIp;
  private final int sourcePort;
  private final int destinationPort;
  private final int size;
  private final boolean df;
  private final long intervalNs;
  private final long stopNs;

  public UdpFlow(
      Simulator simulator,
      NetworkObserver observer,
      int flow,
      ContainerStack source,
      int destinationIp,
      int sourcePort,
      int destinationPort,
      int size,
      boolean df,
      long rateBps,
      long stopNs) {
    this.simulator = simulator;
    this.observer = observer;
    this.flow = flow;
    this.source = source;
    this.destinationIp = destinationIp;
    this.sourcePort = sourcePort;
    this.destinationPort = destinationPort;
    this.size = size;
    this.df = df;
    this.intervalNs = intervalNs(size, rateBps);
    this.stopNs = stopNs;
  }

  /** Time between datagrams of {@code size} payload bytes at {@code rateBps}, at least 1 ns. */
  public static long intervalNs(int size, long rateBps) {
    return Math.max(1, Math.round(size * 8.0 * 1e9 / rateBps));
  }

  public void start(long startNs) {
    simulator.scheduleAt(startNs, this);
  }

  @Override
  public void handle() {
    long now = simulator.nowNs();
    if (now >= stopNs) {
      return;
    }
    Frame f = new Frame();
    f.flow = flow;
    f.appSentNs = now;
    f.dstIp = destinationIp;
    f.df = df;
    f.udp(sourcePort, destinationPort, size);
    observer.packetSent(flow, f.ipLength);
    source.send(f);
    if (now + intervalNs < stopNs) {
      simulator.schedule(intervalNs, this);
    }
  }
}
