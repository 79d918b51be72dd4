package org.overlaysim.report;

import java.util.ArrayList;
import java.util.List;
import org.overlaysim.engine.RandomStream;

/** Everything measured about one flow during a run. Mutable; owned by {@link RunObservations}. */
final class FlowMeasurements {
  final LatencyStats latency;
  long packetsSent;
  long packetsDelivered;
  long payloadBytes;
  long wireBytes;
  long fragments;
  long retransmissions;
  long timeouts;
  long stalledNs;
  long firstSentNs = -1;
  long lastDeliveredNs = -1;
  // Apart from lastDeliveredNs, which every packet moves (a retransmission's arrival too, just
  // before its payload is counted): a stall is measured between payloads.
  private long lastPayloadNs = -1;

  FlowMeasurements(RandomStream reservoirStream) {
    this.latency = new LatencyStats(LatencyStats.DEFAULT_CAPACITY, reservoirStream);
  }

  /**
   * A gap longer than this between the first send and the first payload, or between payloads, is a
   * stall: a retransmission timer ran (Linux's minimum RTO is 200 ms). The emulation measures
   * stalls with the same threshold.
   */
  static final long STALL_NS = 100_000_000L;

  /**
   * One flow's measurements from several partitions together: counts add up, the first send and
   * last delivery are the earliest and latest, stalls are each partition's (its connections').
   */
  static FlowMeasurements merged(List<FlowMeasurements> parts, RandomStream reservoirStream) {
    List<LatencyStats> latencies = new ArrayList<>();
    for (FlowMeasurements p : parts) {
      latencies.add(p.latency);
    }
    FlowMeasurements all =
        new FlowMeasurements(
            LatencyStats.merged(latencies, LatencyStats.DEFAULT_CAPACITY, reservoirStream));
    for (FlowMeasurements p : parts) {
      all.packetsSent += p.packetsSent;
      all.packetsDelivered += p.packetsDelivered;
      all.payloadBytes += p.payloadBytes;
      all.wireBytes += p.wireBytes;
      all.fragments += p.fragments;
      all.retransmissions += p.retransmissions;
      all.timeouts += p.timeouts;
      all.stalledNs += p.stalledNs;
      if (p.firstSentNs >= 0 && (all.firstSentNs < 0 || p.firstSentNs < all.firstSentNs)) {
        all.firstSentNs = p.firstSentNs;
      }
      all.lastDeliveredNs = Math.max(all.lastDeliveredNs, p.lastDeliveredNs);
    }
    return all;
  }

  private FlowMeasurements(LatencyStats latency) {
    this.latency = latency;
  }

  /** Payload delivered now: a stall is counted when the flow got nothing for over STALL_NS. */
  void payloadDelivered(long bytes, long nowNs) {
    long since = lastPayloadNs >= 0 ? lastPayloadNs : firstSentNs;
    if (since >= 0 && nowNs - since > STALL_NS) {
      stalledNs += nowNs - since;
    }
    payloadBytes += bytes;
    lastDeliveredNs = nowNs;
    lastPayloadNs = nowNs;
  }

  /** Payload bits per second between the first send and the last delivery; 0 if none. */
  double goodputBps() {
    long elapsed = lastDeliveredNs - firstSentNs;
    if (firstSentNs < 0 || lastDeliveredNs < 0 || elapsed <= 0) {
      return 0;
    }
    return payloadBytes * 8.0 * 1e9 / elapsed;
  }
}
