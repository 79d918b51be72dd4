package org.overlaysim.overlay;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.observe.NetworkObserver;
import org.overlaysim.topology.DropReason;

/** Records one flow's measurements with their times, as the reports module's goodput needs. */
final class TrafficObserver implements NetworkObserver {
  record Probe(String src, String dst, String protocol, int port, boolean allowed, String reason) {}

  private final Simulator simulator;
  final int flow;
  long firstSentNs = -1;
  long lastDeliveredNs = -1;
  long payload;
  long retransmissions;
  long sent;
  final List<Long> sentTimes = new ArrayList<>();
  final List<Long> latencies = new ArrayList<>();
  final List<DropReason> drops = new ArrayList<>();
  final List<Probe> probes = new ArrayList<>();

  TrafficObserver(Simulator simulator, int flow) {
    this.simulator = simulator;
    this.flow = flow;
  }

  @Override
  public void packetSent(int f, int ipBytes) {
    if (f == flow) {
      sent++;
      if (firstSentNs < 0) {
        firstSentNs = simulator.nowNs();
      }
      if (sentTimes.size() < 10_000) {
        sentTimes.add(simulator.nowNs());
      }
    }
  }

  @Override
  public void payloadDelivered(int f, long bytes) {
    if (f == flow) {
      payload += bytes;
      lastDeliveredNs = simulator.nowNs();
    }
  }

  @Override
  public void latencySample(int f, long ns) {
    if (f == flow) {
      latencies.add(ns);
    }
  }

  @Override
  public void retransmitted(int f) {
    if (f == flow) {
      retransmissions++;
    }
  }

  @Override
  public void dropped(int f, String where, DropReason reason, int ipBytes) {
    if (f == flow) {
      drops.add(reason);
    }
  }

  @Override
  public void probeResult(
      int f, String src, String dst, String protocol, int port, boolean allowed, String reason) {
    if (f == flow) {
      probes.add(new Probe(src, dst, protocol, port, allowed, reason));
    }
  }

  /** Payload bits over first send to last delivery, as RunObservations computes it. */
  double goodputBps() {
    return payload * 8e9 / (lastDeliveredNs - firstSentNs);
  }
}
