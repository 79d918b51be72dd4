package org.overlaysim.report;

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
  long firstSentNs = -1;
  long lastDeliveredNs = -1;

  FlowMeasurements(RandomStream reservoirStream) {
    this.latency = new LatencyStats(LatencyStats.DEFAULT_CAPACITY, reservoirStream);
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
