package org.overlaysim.report;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.engine.EventHandler;
import org.overlaysim.engine.Simulator;
import org.overlaysim.overlay.OverlayNetwork;
import org.overlaysim.overlay.traffic.TcpConnection;
import org.overlaysim.report.ReportRows.TcpTraceRow;
import org.overlaysim.scenario.RequestResponseTraffic;
import org.overlaysim.scenario.Scenario;
import org.overlaysim.scenario.TcpTraffic;
import org.overlaysim.scenario.TrafficSpec;

/**
 * The tcp.csv trace: every flow with a {@code tcpTrace} interval has its client connections sampled
 * from its start, every interval, until its stop or until all of them have closed. The samples are
 * simulator events, so they land at the same simulated instants for a seed.
 */
final class TcpTrace {
  private final List<TcpTraceRow> rows = new ArrayList<>();

  private TcpTrace() {}

  /** Schedules the samples of every traced flow of {@code scenario}; call after start(). */
  static TcpTrace attach(Scenario scenario, OverlayNetwork network, Simulator simulator) {
    TcpTrace trace = new TcpTrace();
    for (int i = 0; i < scenario.traffic().size(); i++) {
      TrafficSpec spec = scenario.traffic().get(i);
      long interval = 0;
      if (spec instanceof TcpTraffic t) {
        interval = t.traceIntervalNs();
      } else if (spec instanceof RequestResponseTraffic r) {
        interval = r.traceIntervalNs();
      }
      if (interval > 0) {
        long stop = Math.min(spec.stopNs(), scenario.durationNs());
        simulator.scheduleAt(
            spec.startNs(), trace.new Sampler(simulator, network, i, spec.name(), interval, stop));
      }
    }
    return trace;
  }

  List<TcpTraceRow> rows() {
    return rows;
  }

  private final class Sampler implements EventHandler {
    private final Simulator simulator;
    private final OverlayNetwork network;
    private final int flow;
    private final String name;
    private final long intervalNs;
    private final long stopNs;

    Sampler(
        Simulator simulator,
        OverlayNetwork network,
        int flow,
        String name,
        long intervalNs,
        long stopNs) {
      this.simulator = simulator;
      this.network = network;
      this.flow = flow;
      this.name = name;
      this.intervalNs = intervalNs;
      this.stopNs = stopNs;
    }

    @Override
    public void handle() {
      long now = simulator.nowNs();
      List<TcpConnection> clients = network.tcpClients(flow);
      boolean open = false; // some connection opened and not yet closed, or none opened yet
      for (int c = 0; c < clients.size(); c++) {
        TcpConnection t = clients.get(c);
        if (t.openedNs() < 0) {
          open = true; // not yet connecting
          continue;
        }
        open |= t.state() != TcpConnection.State.CLOSED;
        rows.add(
            new TcpTraceRow(
                name,
                now / 1e9,
                t.congestionWindow(),
                t.slowStartThreshold(),
                t.smoothedRttNs() < 0 ? Double.NaN : t.smoothedRttNs() / 1e6,
                t.smoothedRttNs() < 0 ? Double.NaN : t.rttVariationNs() / 1e6,
                t.bytesInFlight(),
                t.bytesAcknowledged(),
                t.retransmissions(),
                t.congestionState().csvName(),
                c));
      }
      if (now + intervalNs <= stopNs && (open || clients.isEmpty())) {
        simulator.scheduleAt(now + intervalNs, this);
      }
    }
  }
}
